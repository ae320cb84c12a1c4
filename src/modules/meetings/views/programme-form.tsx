import type { PageContext } from '../../../platform/page-context.ts';
import { DateField, RadioGroup, TextArea, TextField } from '../../../ui/fields.tsx';
import { PROGRAMME_KINDS } from '../programme.schema.ts';
import { choices } from './meeting-fields.tsx';

/** A time of day, HH:MM. */
function TimeField({ ctx, name, label }: { ctx: PageContext; name: string; label: string }) {
  return (
    <TextField
      name={name}
      label={label}
      hint={ctx.i18n.t('workspace.meetings.field.timeHint')}
      width="short"
      autocomplete="off"
    />
  );
}

/** The fields of a programme item: the add form and the edit form share them. */
export function ProgrammeFields({
  ctx,
  withDescription = false,
}: {
  ctx: PageContext;
  withDescription?: boolean;
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <DateField
        name="itemDay"
        label={t('workspace.meetings.field.itemDay')}
        hint={t('workspace.meetings.field.itemDayHint')}
      />
      <TimeField ctx={ctx} name="itemStart" label={t('workspace.meetings.field.itemStart')} />
      <TimeField ctx={ctx} name="itemEnd" label={t('workspace.meetings.field.itemEnd')} />
      <RadioGroup
        name="itemKind"
        legend={t('workspace.meetings.field.itemKind')}
        options={choices(ctx, 'programmeKind', PROGRAMME_KINDS)}
      />
      <TextField name="itemTitle" label={t('workspace.meetings.field.itemTitle')} width="full" />
      <TextField
        name="itemLocation"
        label={t('workspace.meetings.field.itemLocation')}
        width="full"
        optional
      />
      {withDescription ? (
        <TextArea
          name="itemDescription"
          label={t('workspace.meetings.field.itemDescription')}
          rows={3}
          optional
        />
      ) : null}
    </>
  );
}

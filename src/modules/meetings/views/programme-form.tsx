import type { PageContext } from '../../../platform/page-context.ts';
import { DateField, RadioGroup, TextArea, TextField } from '../../../ui/fields.tsx';
import { PROGRAMME_KINDS, type Meeting } from '../meeting.service.ts';
import { choices, PanelForm, type Values } from './meeting-fields.tsx';

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
      <TextField
        name="itemStart"
        label={t('workspace.meetings.field.itemStart')}
        hint={t('workspace.meetings.field.timeHint')}
        width="short"
        autocomplete="off"
      />
      <TextField
        name="itemEnd"
        label={t('workspace.meetings.field.itemEnd')}
        hint={t('workspace.meetings.field.timeHint')}
        width="short"
        autocomplete="off"
      />
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

/** The meeting page's form to add a programme item (the day starts at the meeting's first). */
export function AddProgrammeForm({
  ctx,
  meeting,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  values: Values;
}) {
  const { t } = ctx.i18n;
  return (
    <PanelForm
      ctx={ctx}
      id="add-programme-heading"
      heading={t('workspace.meetings.addProgramme')}
      action={`/workspace/meetings/${meeting.id}/programme`}
      values={{ ...values, itemDay: values.itemDay ?? meeting.startDate ?? '' }}
      submit={t('workspace.meetings.add')}
    >
      <ProgrammeFields ctx={ctx} />
    </PanelForm>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDay, plainDatesBetween } from '../../../shared/dates.ts';
import { RadioGroup, SelectField, TextArea, TextField } from '../../../ui/fields.tsx';
import type { Meeting } from '../meeting.service.ts';
import { PROGRAMME_KINDS } from '../programme.schema.ts';
import { choices } from './meeting-fields.tsx';

/** The most days a radio group offers; a longer meeting's days are a select. */
const MAX_DAY_RADIOS = 7;

/** The meeting's days, first to last (none while it has no dates). */
export function meetingDays(meeting: Pick<Meeting, 'startDate' | 'endDate'>): string[] {
  if (!meeting.startDate) return [];
  return plainDatesBetween(meeting.startDate, meeting.endDate ?? meeting.startDate, 366);
}

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
  days,
  withDescription = false,
}: {
  ctx: PageContext;
  /** The meeting's days: the item's day is chosen among them. */
  days: string[];
  withDescription?: boolean;
}) {
  const { t, intl } = ctx.i18n;
  const dayOptions = days.map((day) => ({ value: day, label: formatPlainDay(day, intl) }));
  return (
    <>
      {days.length <= MAX_DAY_RADIOS ? (
        <RadioGroup
          name="itemDay"
          legend={t('workspace.meetings.field.itemDay')}
          hint={t('workspace.meetings.field.itemDayChoice')}
          options={dayOptions}
        />
      ) : (
        <SelectField
          name="itemDay"
          label={t('workspace.meetings.field.itemDay')}
          hint={t('workspace.meetings.field.itemDayChoice')}
          options={[{ value: '', label: t('workspace.meetings.field.itemDayNone') }, ...dayOptions]}
        />
      )}
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

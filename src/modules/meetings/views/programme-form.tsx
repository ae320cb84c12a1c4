import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDay, plainDatesBetween } from '../../../shared/dates.ts';
import {
  messageOptions,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import type { Meeting } from '../meeting.service.ts';
import { PROGRAMME_KINDS } from '../programme.schema.ts';
import { meetingField } from './meeting-fields.tsx';

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
  const field = meetingField(ctx);
  const dayOptions = days.map((day) => ({ value: day, label: formatPlainDay(day, intl) }));
  const dayHint = t('workspace.meetings.field.itemDayChoice');
  return (
    <>
      {days.length <= MAX_DAY_RADIOS ? (
        <RadioGroup {...field.legend('itemDay')} hint={dayHint} options={dayOptions} />
      ) : (
        <SelectField
          {...field('itemDay')}
          hint={dayHint}
          options={[{ value: '', label: t('workspace.meetings.field.itemDayNone') }, ...dayOptions]}
        />
      )}
      <TimeField ctx={ctx} {...field('itemStart')} />
      <TimeField ctx={ctx} {...field('itemEnd')} />
      <RadioGroup
        {...field.legend('itemKind')}
        options={messageOptions(ctx.i18n, 'programmeKind', PROGRAMME_KINDS)}
      />
      <TextField {...field('itemTitle')} width="full" />
      <TextField {...field('itemLocation')} width="full" optional />
      {withDescription ? <TextArea {...field('itemDescription')} rows={3} optional /> : null}
    </>
  );
}

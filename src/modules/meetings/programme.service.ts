import type { Db } from '../../db/database.ts';
import { isPlainDate, nowIso } from '../../shared/dates.ts';
import type { Chain } from '../cities/index.ts';
import { addMeetingPart, changeMeetingPart, type Editor } from './meeting.helpers.ts';
import * as repo from './meeting.repository.ts';
import { parseForm } from './fields.schema.ts';
import { PROGRAMME_KINDS, programmeForm } from './programme.schema.ts';

// The programme of a meeting: its items, day by day.

export { PROGRAMME_KINDS };

export interface ProgrammeItem {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  kind: (typeof PROGRAMME_KINDS)[number];
  title: string;
  location: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toProgrammeItem = (
  p: Awaited<ReturnType<typeof repo.listProgramme>>[number],
): ProgrammeItem => ({
  id: p.id,
  day: p.day,
  startsAt: p.starts_at,
  endsAt: p.ends_at,
  kind: p.kind as ProgrammeItem['kind'],
  title: p.title,
  location: p.location,
  description: p.description,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

export interface ProgrammeInput {
  day: string;
  startsAt: string;
  endsAt: string;
  kind: string;
  title: string;
  location: string;
  description: string;
}

/** A programme item's columns from the form, or a validation error field by field. */
function programmeFields(meeting: repo.MeetingRow, input: ProgrammeInput) {
  // The day must be one of the meeting's days: checked against the meeting.
  const day = input.day.trim();
  const dayProblem =
    !meeting.start_date || !meeting.end_date
      ? 'programme.meetingHasNoDates'
      : !isPlainDate(day)
        ? 'programme.dayInvalid'
        : day < meeting.start_date || day > meeting.end_date
          ? 'programme.dayOutside'
          : null;
  const v = parseForm(programmeForm, input, { day: dayProblem });
  return {
    day: v.day,
    starts_at: v.startsAt,
    ends_at: v.endsAt,
    kind: v.kind,
    title: v.title,
    location: v.location,
    description: v.description,
  };
}

export function addProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: ProgrammeInput,
): Promise<string> {
  return addMeetingPart(db, chain, editor, meetingId, {
    entity: 'meeting_programme_item',
    fields: (meeting) => programmeFields(meeting, input),
    insert: repo.insertProgrammeItem,
  });
}

/** Corrects a programme item of a meeting in place (the same checks as adding one). */
export function changeProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  itemId: string,
  input: ProgrammeInput,
): Promise<void> {
  return changeMeetingPart(db, chain, editor, meetingId, itemId, {
    entity: 'meeting_programme_item',
    find: repo.findProgrammeItem,
    changes: (meeting) => programmeFields(meeting, input),
    update: (trx, id, changes) =>
      repo.updateProgrammeItem(trx, id, { ...changes, updated_at: nowIso() }),
  });
}

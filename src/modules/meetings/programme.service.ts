import type { Db } from '../../db/database.ts';
import { isPlainDate, nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { Chain } from '../cities/index.ts';
import { editableMeeting, partNotFound, type Editor } from './meeting.helpers.ts';
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
  const v = parseForm(
    programmeForm,
    input,
    dayProblem ? [{ path: 'day', message: dayProblem }] : [],
  );
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

export async function addProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: ProgrammeInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const fields = programmeFields(meeting, input);
    const now = nowIso();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      ...fields,
      created_at: now,
      updated_at: now,
    };
    await repo.insertProgrammeItem(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_programme_item',
      entityId: row.id,
      action: 'create',
      changes: diff(null, row),
    });
    return row.id;
  });
}

/** Corrects a programme item of a meeting in place (the same checks as adding one). */
export async function changeProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  itemId: string,
  input: ProgrammeInput,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const existing = await repo.findProgrammeItem(trx, meetingId, itemId);
    if (!existing) throw partNotFound(itemId);
    const changes = programmeFields(meeting, input);
    await repo.updateProgrammeItem(trx, itemId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_programme_item',
      entityId: itemId,
      action: 'update',
      changes: diff({ ...existing, id: undefined, meeting_id: undefined }, changes),
    });
  });
}

import type { Db } from '../../db/database.ts';
import { isPlainDate, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit } from '../audit/audit.service.ts';
import type { Chain } from '../cities/city.service.ts';
import {
  editableMeeting,
  isOne,
  partNotFound,
  trimmedOrNull,
  type Editor,
} from './meeting.helpers.ts';
import * as repo from './meeting.repository.ts';

// The programme of a meeting: its items, day by day.

export const PROGRAMME_KINDS = ['plenary', 'seminar', 'study_visit', 'social'] as const;

export interface ProgrammeItem {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  kind: (typeof PROGRAMME_KINDS)[number];
  title: string;
  location: string | null;
  description: string | null;
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

const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/** A programme item's columns from the form, or a validation error field by field. */
function programmeFields(meeting: repo.MeetingRow, input: ProgrammeInput) {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const day = input.day.trim();
  if (!meeting.start_date || !meeting.end_date) add('day', 'programme.meetingHasNoDates');
  else if (!isPlainDate(day)) add('day', 'programme.dayInvalid');
  else if (day < meeting.start_date || day > meeting.end_date) add('day', 'programme.dayOutside');
  const startsAt = input.startsAt.trim();
  const endsAt = input.endsAt.trim();
  if (!isTime(startsAt)) add('startsAt', 'programme.timeInvalid');
  if (!isTime(endsAt)) add('endsAt', 'programme.timeInvalid');
  else if (isTime(startsAt) && endsAt <= startsAt) add('endsAt', 'programme.endNotAfterStart');
  if (!isOne(PROGRAMME_KINDS, input.kind)) add('kind', 'programme.kindRequired');
  const title = input.title.trim();
  if (!title || title.length > 300) add('title', 'programme.titleRequired');
  if (input.location.length > 300) add('location', 'meeting.textTooLong');
  if (input.description.length > 5000) add('description', 'meeting.textTooLong');
  if (problems.length) throw errors.validation(problems);
  return {
    day,
    starts_at: startsAt,
    ends_at: endsAt,
    kind: input.kind,
    title,
    location: trimmedOrNull(input.location),
    description: trimmedOrNull(input.description),
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

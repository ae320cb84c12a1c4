import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit } from '../audit/audit.service.ts';
import type { Chain } from '../cities/city.service.ts';
import { editableMeeting, partNotFound, trimmedOrNull, type Editor } from './meeting.helpers.ts';
import * as repo from './meeting.repository.ts';

// The seminars of a meeting.

export interface Seminar {
  id: string;
  title: string;
  topicArea: string | null;
  speakers: string | null;
  description: string | null;
}

export const toSeminar = (s: Awaited<ReturnType<typeof repo.listSeminars>>[number]): Seminar => ({
  id: s.id,
  title: s.title,
  topicArea: s.topic_area,
  speakers: s.speakers,
  description: s.description,
});

export interface SeminarInput {
  title: string;
  topicArea: string;
  speakers: string;
  description: string;
}

/** A seminar's columns from the form, or a validation error field by field. */
function seminarFields(input: SeminarInput) {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (!title || title.length > 300)
    problems.push({ path: 'title', message: 'seminar.titleRequired' });
  if (input.topicArea.length > 200)
    problems.push({ path: 'topicArea', message: 'meeting.textTooLong' });
  if (input.speakers.length > 2000)
    problems.push({ path: 'speakers', message: 'meeting.textTooLong' });
  if (input.description.length > 5000)
    problems.push({ path: 'description', message: 'meeting.textTooLong' });
  if (problems.length) throw errors.validation(problems);
  return {
    title,
    topic_area: trimmedOrNull(input.topicArea),
    speakers: trimmedOrNull(input.speakers),
    description: trimmedOrNull(input.description),
  };
}

export async function addSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: SeminarInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const fields = seminarFields(input);
    const now = nowIso();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      programme_item_id: null,
      ...fields,
      created_at: now,
      updated_at: now,
    };
    await repo.insertSeminar(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_seminar',
      entityId: row.id,
      action: 'create',
      changes: diff(null, row),
    });
    return row.id;
  });
}

/** Corrects a seminar of a meeting in place (the same checks as adding one). */
export async function changeSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  seminarId: string,
  input: SeminarInput,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const existing = await repo.findSeminar(trx, meetingId, seminarId);
    if (!existing) throw partNotFound(seminarId);
    const changes = seminarFields(input);
    await repo.updateSeminar(trx, seminarId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_seminar',
      entityId: seminarId,
      action: 'update',
      changes: diff({ ...existing, id: undefined, meeting_id: undefined }, changes),
    });
  });
}

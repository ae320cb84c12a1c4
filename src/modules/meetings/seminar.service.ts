import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { Chain } from '../cities/index.ts';
import { editableMeeting, partNotFound, type Editor } from './meeting.helpers.ts';
import * as repo from './meeting.repository.ts';
import { parseForm } from './fields.schema.ts';
import { seminarForm } from './seminar.schema.ts';

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
  const v = parseForm(seminarForm, input);
  return {
    title: v.title,
    topic_area: v.topicArea,
    speakers: v.speakers,
    description: v.description,
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

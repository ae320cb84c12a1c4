import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import type { Chain } from '../cities/index.ts';
import { addMeetingPart, changeMeetingPart, type Editor } from './meeting.helpers.ts';
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

export function addSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: SeminarInput,
): Promise<string> {
  return addMeetingPart(db, chain, editor, meetingId, {
    entity: 'meeting_seminar',
    fields: () => ({ programme_item_id: null, ...seminarFields(input) }),
    insert: repo.insertSeminar,
  });
}

/** Corrects a seminar of a meeting in place (the same checks as adding one). */
export function changeSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  seminarId: string,
  input: SeminarInput,
): Promise<void> {
  return changeMeetingPart(db, chain, editor, meetingId, seminarId, {
    entity: 'meeting_seminar',
    find: repo.findSeminar,
    changes: () => seminarFields(input),
    update: (trx, id, changes) => repo.updateSeminar(trx, id, { ...changes, updated_at: nowIso() }),
  });
}

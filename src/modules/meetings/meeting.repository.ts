import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { qualified } from '../../db/qualified.ts';
import { tableAccess } from '../../db/table-access.ts';
import { precompiled } from '../../platform/precompiled.ts';
import { membersWithDelegation } from './delegation.repository.ts';
import type { MeetingTable } from './meeting.table.ts';

/** Read by nearly every public page: compiled once (decision 030). */
const meetingsOfChain = precompiled((db, p: { chainId: string }) =>
  db.selectFrom('meeting').selectAll().where('chain_id', '=', p.chainId).orderBy('year'),
);

export function listMeetingsOfChain(db: Executor, chainId: string) {
  return meetingsOfChain(db, { chainId });
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetingsOfChain>>[number];

const meetings = tableAccess('meeting', '*');
export const findMeeting = meetings.find;
export const insertMeeting = meetings.insert;
/** With `expectedVersion`, only while the meeting is still at that version: the rows changed. */
export const updateMeeting = (
  db: Executor,
  id: string,
  changes: Updateable<MeetingTable>,
  expectedVersion?: string,
) => meetings.updateVersioned(db, id, changes, expectedVersion);

const adjustmentsOfChain = precompiled((db, p: { chainId: string }) =>
  db
    .selectFrom('rotation_adjustment')
    .select(['id', 'kind', 'year', 'city_id', 'other_city_id', 'reason'])
    .where('chain_id', '=', p.chainId)
    .orderBy('year'),
);

export function listAdjustments(db: Executor, chainId: string) {
  return adjustmentsOfChain(db, { chainId });
}

const programme = tableAccess('meeting_programme_item', '*');
export const listProgramme = (db: Executor, meetingId: string) =>
  programme.list(db, { meeting_id: meetingId }, ['day', 'starts_at', 'ends_at']);
export const insertProgrammeItem = programme.insert;
export const findProgrammeItem = (db: Executor, meetingId: string, id: string) =>
  programme.findBy(db, { meeting_id: meetingId, id });
export const updateProgrammeItem = programme.update;

/** A seminar's own fields: the list reads them with the id, a change also with the meeting. */
const SEMINAR_FIELDS = ['title', 'topic_area', 'speakers', 'description'] as const;

const seminarList = tableAccess('meeting_seminar', ['id', ...SEMINAR_FIELDS]);
export const listSeminars = (db: Executor, meetingId: string) =>
  seminarList.list(db, { meeting_id: meetingId }, ['created_at', 'title']);
const seminars = tableAccess('meeting_seminar', ['id', 'meeting_id', ...SEMINAR_FIELDS]);
export const insertSeminar = seminars.insert;
export const findSeminar = (db: Executor, meetingId: string, id: string) =>
  seminars.findBy(db, { meeting_id: meetingId, id });
export const updateSeminar = seminars.update;

const DOCUMENT_COLUMNS = [
  'id',
  'meeting_id',
  'kind',
  'title',
  'filename',
  'content_type',
  'size',
  'visibility',
  'created_at',
  // Public records (migration 0020): a secret document is never public.
  'secret',
] as const;

const documents = tableAccess('meeting_document', DOCUMENT_COLUMNS);
const documentsWithData = tableAccess('meeting_document', [...DOCUMENT_COLUMNS, 'data']);
export const listDocuments = (db: Executor, meetingId: string) =>
  documents.list(db, { meeting_id: meetingId }, ['created_at']);
export const findDocumentWithData = (db: Executor, meetingId: string, id: string) =>
  documentsWithData.findBy(db, { meeting_id: meetingId, id });
/** A document without its bytes. */
export const findDocument = (db: Executor, meetingId: string, id: string) =>
  documents.findBy(db, { meeting_id: meetingId, id });
export const updateDocument = documents.update;
export const insertDocument = documents.insert;

const OUTCOME_COLUMNS = [
  'id',
  'meeting_id',
  'kind',
  'text',
  'responsible_city_id',
  'due_on',
  'closed_on',
  'closed_in_meeting_id',
  'closing_note',
] as const;

const outcomes = tableAccess('meeting_outcome', OUTCOME_COLUMNS);
export const listOutcomes = (db: Executor, meetingId: string) =>
  outcomes.list(db, { meeting_id: meetingId }, ['created_at']);

/** Actions of earlier meetings of the chain still open (closed_on is null). */
export function listOpenActionsBefore(db: Executor, chainId: string, year: number) {
  return db
    .selectFrom('meeting_outcome')
    .innerJoin('meeting', 'meeting.id', 'meeting_outcome.meeting_id')
    .select([...qualified('meeting_outcome', OUTCOME_COLUMNS), 'meeting.year'])
    .where('meeting.chain_id', '=', chainId)
    .where('meeting.year', '<', year)
    .where('meeting_outcome.kind', '=', 'action')
    .where('meeting_outcome.closed_on', 'is', null)
    .orderBy('meeting.year')
    .orderBy('meeting_outcome.created_at')
    .execute();
}

export const findOutcome = outcomes.find;
export const insertOutcome = outcomes.insert;
export const updateOutcome = outcomes.update;

const delegationCities = tableAccess('delegation', ['city_id']);

/** The cities with a delegation (of any status) to a meeting. */
export async function listDelegationCityIds(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await delegationCities.list(db, { meeting_id: meetingId });
  return rows.map((r) => r.city_id);
}

/** Public delegation lists: public fields only, never logistics. */
export function listPublicDelegationMembers(db: Executor, meetingId: string) {
  return membersWithDelegation(db)
    .select([
      'delegation.city_id',
      'delegation.status',
      'delegation_member.id',
      'delegation_member.name',
      'delegation_member.title',
      'delegation_member.affiliation',
    ])
    .where('delegation.meeting_id', '=', meetingId)
    .orderBy('delegation.city_id')
    .orderBy('delegation_member.position')
    .execute();
}

export const insertAdjustment = tableAccess('rotation_adjustment', ['id']).insert;

/** The removable parts of a meeting, by table. */
export const PART_TABLES = {
  programme: 'meeting_programme_item',
  seminar: 'meeting_seminar',
  document: 'meeting_document',
} as const;
export type PartKind = keyof typeof PART_TABLES;

export function findPartTitle(db: Executor, kind: PartKind, meetingId: string, id: string) {
  return db
    .selectFrom(PART_TABLES[kind])
    .select(['id', 'title'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deletePart(db: Executor, kind: PartKind, id: string) {
  return db.deleteFrom(PART_TABLES[kind]).where('id', '=', id).execute();
}

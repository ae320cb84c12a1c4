import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { precompiled } from '../../platform/precompiled.ts';
import type {
  MeetingDocumentTable,
  MeetingOutcomeTable,
  MeetingProgrammeItemTable,
  MeetingSeminarTable,
  MeetingTable,
  RotationAdjustmentTable,
} from './meeting.table.ts';

const MEETING_COLUMNS = [
  'id',
  'chain_id',
  'year',
  'host_city_id',
  'start_date',
  'end_date',
  'venue',
  'theme',
  'status',
  'status_reason',
  'original_year',
  'updated_by',
  'created_at',
  'updated_at',
] as const;

/** Read by nearly every public page: compiled once (decision 030). */
const meetingsOfChain = precompiled((db, p: { chainId: string }) =>
  db
    .selectFrom('meeting')
    .select(MEETING_COLUMNS)
    .where('chain_id', '=', p.chainId)
    .orderBy('year'),
);

export function listMeetingsOfChain(db: Executor, chainId: string) {
  return meetingsOfChain(db, { chainId });
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetingsOfChain>>[number];

export function findMeeting(db: Executor, id: string) {
  return db.selectFrom('meeting').select(MEETING_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function insertMeeting(db: Executor, row: Insertable<MeetingTable>) {
  return db.insertInto('meeting').values(row).execute();
}

/**
 * Updates the meeting; with `expectedVersion`, only while its `updated_at` is still that
 * version (optimistic locking). Resolves to the number of rows changed.
 */
export async function updateMeeting(
  db: Executor,
  id: string,
  changes: Updateable<MeetingTable>,
  expectedVersion?: string,
): Promise<number> {
  let query = db.updateTable('meeting').set(changes).where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('updated_at', '=', expectedVersion);
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

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

const PROGRAMME_COLUMNS = [
  'id',
  'meeting_id',
  'day',
  'starts_at',
  'ends_at',
  'kind',
  'title',
  'location',
  'description',
  'created_at',
  'updated_at',
] as const;

export function listProgramme(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_programme_item')
    .select(PROGRAMME_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .orderBy('day')
    .orderBy('starts_at')
    .orderBy('ends_at')
    .execute();
}

export function insertProgrammeItem(db: Executor, row: MeetingProgrammeItemTable) {
  return db.insertInto('meeting_programme_item').values(row).execute();
}

export function findProgrammeItem(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_programme_item')
    .select(PROGRAMME_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateProgrammeItem(
  db: Executor,
  id: string,
  changes: Updateable<MeetingProgrammeItemTable>,
) {
  return db.updateTable('meeting_programme_item').set(changes).where('id', '=', id).execute();
}

export function listSeminars(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_seminar')
    .select(['id', 'title', 'topic_area', 'speakers', 'description'])
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('title')
    .execute();
}

export function insertSeminar(db: Executor, row: MeetingSeminarTable) {
  return db.insertInto('meeting_seminar').values(row).execute();
}

export function findSeminar(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_seminar')
    .select(['id', 'meeting_id', 'title', 'topic_area', 'speakers', 'description'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateSeminar(db: Executor, id: string, changes: Updateable<MeetingSeminarTable>) {
  return db.updateTable('meeting_seminar').set(changes).where('id', '=', id).execute();
}

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

export function listDocuments(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_document')
    .select(DOCUMENT_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();
}

export function findDocumentWithData(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_document')
    .select([...DOCUMENT_COLUMNS, 'data'])
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A document without its bytes. */
export function findDocument(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_document')
    .select(DOCUMENT_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateDocument(
  db: Executor,
  id: string,
  changes: Updateable<MeetingDocumentTable>,
) {
  return db.updateTable('meeting_document').set(changes).where('id', '=', id).execute();
}

export function insertDocument(db: Executor, row: MeetingDocumentTable) {
  return db.insertInto('meeting_document').values(row).execute();
}

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

export function listOutcomes(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_outcome')
    .select(OUTCOME_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();
}

/** Actions of earlier meetings of the chain still open (closed_on is null). */
export function listOpenActionsBefore(db: Executor, chainId: string, year: number) {
  return db
    .selectFrom('meeting_outcome')
    .innerJoin('meeting', 'meeting.id', 'meeting_outcome.meeting_id')
    .select([
      'meeting_outcome.id',
      'meeting_outcome.meeting_id',
      'meeting_outcome.kind',
      'meeting_outcome.text',
      'meeting_outcome.responsible_city_id',
      'meeting_outcome.due_on',
      'meeting_outcome.closed_on',
      'meeting_outcome.closed_in_meeting_id',
      'meeting_outcome.closing_note',
      'meeting.year',
    ])
    .where('meeting.chain_id', '=', chainId)
    .where('meeting.year', '<', year)
    .where('meeting_outcome.kind', '=', 'action')
    .where('meeting_outcome.closed_on', 'is', null)
    .orderBy('meeting.year')
    .orderBy('meeting_outcome.created_at')
    .execute();
}

export function findOutcome(db: Executor, id: string) {
  return db
    .selectFrom('meeting_outcome')
    .select(OUTCOME_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertOutcome(db: Executor, row: MeetingOutcomeTable) {
  return db.insertInto('meeting_outcome').values(row).execute();
}

export function updateOutcome(db: Executor, id: string, changes: Updateable<MeetingOutcomeTable>) {
  return db.updateTable('meeting_outcome').set(changes).where('id', '=', id).execute();
}

/** The cities with a delegation (of any status) to a meeting. */
export async function listDelegationCityIds(db: Executor, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('delegation')
    .select('city_id')
    .where('meeting_id', '=', meetingId)
    .execute();
  return rows.map((r) => r.city_id);
}

/** Public delegation lists: public fields only, never logistics. */
export function listPublicDelegationMembers(db: Executor, meetingId: string) {
  return db
    .selectFrom('delegation_member')
    .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
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

export function insertAdjustment(db: Executor, row: Insertable<RotationAdjustmentTable>) {
  return db.insertInto('rotation_adjustment').values(row).execute();
}

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

import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { qualified } from '../../db/qualified.ts';
import { tableAccess } from '../../db/table-access.ts';

const MEETING_COLUMNS = [
  'meeting.id',
  'meeting.year',
  'meeting.host_city_id',
  'meeting.start_date',
  'meeting.end_date',
  'meeting.status',
  'meeting.venue',
] as const;

export function findMeeting(db: Executor, id: string) {
  return db.selectFrom('meeting').select(MEETING_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Meetings newest first (for the delegation overview). */
export function listMeetings(db: Executor) {
  return db
    .selectFrom('meeting')
    .select(MEETING_COLUMNS)
    .orderBy('year', 'desc')
    .orderBy('start_date', 'desc')
    .execute();
}

const delegations = tableAccess('delegation', '*', {
  fixed: ['meeting_id', 'city_id'],
});

export const findDelegation = (db: Executor, meetingId: string, cityId: string) =>
  delegations.findBy(db, { meeting_id: meetingId, city_id: cityId });

export type DelegationRow = NonNullable<Awaited<ReturnType<typeof findDelegation>>>;

export function listDelegationsOfMeetings(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('delegation')
    .leftJoin('delegation_member', 'delegation_member.delegation_id', 'delegation.id')
    .select([
      'delegation.id',
      'delegation.meeting_id',
      'delegation.city_id',
      'delegation.status',
      'delegation.presidium_decision_on',
    ])
    .select((eb) => eb.fn.count<number>('delegation_member.id').as('members'))
    .where('delegation.meeting_id', 'in', meetingIds)
    .groupBy([
      'delegation.id',
      'delegation.meeting_id',
      'delegation.city_id',
      'delegation.status',
      'delegation.presidium_decision_on',
    ])
    .execute();
}

export const insertDelegation = delegations.insert;
export const updateDelegation = delegations.update;

/**
 * A delegate's personal data: who they are, and the private logistics the retention rule
 * erases (the privacy register's `delegates`, the person's export).
 */
export const DELEGATE_FIELDS = [
  'name',
  'title',
  'affiliation',
  'dietary_needs',
  'access_needs',
  'travel',
  'phone',
] as const;

const MEMBER_COLUMNS = [
  'id',
  'delegation_id',
  'position',
  ...DELEGATE_FIELDS,
  'logistics_erased_at',
] as const;

const members = tableAccess('delegation_member', MEMBER_COLUMNS, { fixed: ['delegation_id'] });

export const listMembers = (db: Executor, delegationId: string) =>
  members.list(db, { delegation_id: delegationId }, ['position', 'created_at']);

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export const findMember = (db: Executor, delegationId: string, id: string) =>
  members.findBy(db, { delegation_id: delegationId, id });

export async function nextMemberPosition(db: Executor, delegationId: string): Promise<number> {
  const last = await members.max(db, 'position', { delegation_id: delegationId });
  return Number(last ?? -1) + 1;
}

export const insertMember = members.insert;
export const updateMember = members.update;
export const deleteMember = members.remove;

/** Delegation members joined to their delegation (its meeting, city and status). */
export const membersWithDelegation = (db: Executor) =>
  db
    .selectFrom('delegation_member')
    .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id');

/** Every member of a meeting's delegations, with the delegation's city and status. */
export function listParticipants(db: Executor, meetingId: string) {
  return membersWithDelegation(db)
    .select([
      'delegation.city_id',
      'delegation.status',
      ...qualified('delegation_member', DELEGATE_FIELDS),
      'delegation_member.logistics_erased_at',
      'delegation_member.position',
    ])
    .where('delegation.meeting_id', '=', meetingId)
    .orderBy('delegation_member.position')
    .execute();
}

/**
 * Members whose logistics are still kept although their meeting ended (or, without an
 * end date, started) before `cutoff` (a plain date).
 */
export function listMembersPastRetention(db: Executor, cutoff: string) {
  return membersWithDelegation(db)
    .innerJoin('meeting', 'meeting.id', 'delegation.meeting_id')
    .select([
      'delegation_member.id',
      'delegation_member.delegation_id',
      'delegation.meeting_id',
      'delegation.city_id',
    ])
    .where('delegation_member.logistics_erased_at', 'is', null)
    .where(sql<string>`coalesce(meeting.end_date, meeting.start_date)`, 'is not', null)
    .where(sql<string>`coalesce(meeting.end_date, meeting.start_date)`, '<', cutoff)
    .execute();
}

export async function eraseLogistics(db: Executor, memberIds: readonly string[], at: string) {
  if (memberIds.length === 0) return 0;
  return members.updateWhere(
    db,
    { id: ['in', memberIds] },
    {
      dietary_needs: null,
      access_needs: null,
      travel: null,
      phone: null,
      logistics_erased_at: at,
      updated_at: at,
    },
  );
}

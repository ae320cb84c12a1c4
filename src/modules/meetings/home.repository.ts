import type { Executor } from '../../db/database.ts';
import { planTaskCounts } from './host-plan.repository.ts';

// The workspace start page's reads of the meetings module (meeting.home.ts): each one
// aggregated, so a source costs a fixed number of queries whatever the data.

/** Meetings still to come (registered, not held or cancelled), soonest first, at most `limit`. */
export function listComingMeetings(db: Executor, thisYear: number, limit: number) {
  return db
    .selectFrom('meeting')
    .select(['id', 'year', 'host_city_id', 'start_date', 'end_date', 'status'])
    .where('status', 'in', ['planned', 'confirmed', 'postponed'])
    .where('year', '>=', thisYear)
    .orderBy('year')
    .orderBy('start_date')
    .limit(limit)
    .execute();
}

export type ComingMeetingRow = Awaited<ReturnType<typeof listComingMeetings>>[number];

/** The delegations of some cities at some meetings, with their number of members. */
export function listDelegationStates(
  db: Executor,
  meetingIds: readonly string[],
  cityIds: readonly string[],
) {
  if (meetingIds.length === 0 || cityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('delegation')
    .leftJoin('delegation_member', 'delegation_member.delegation_id', 'delegation.id')
    .select(['delegation.meeting_id', 'delegation.city_id', 'delegation.status'])
    .select((eb) => eb.fn.count<number | string>('delegation_member.id').as('members'))
    .where('delegation.meeting_id', 'in', meetingIds)
    .where('delegation.city_id', 'in', cityIds)
    .groupBy(['delegation.meeting_id', 'delegation.city_id', 'delegation.status'])
    .execute();
}

/**
 * Open host-plan tasks due on or before `until` that are the user's or nobody's, soonest
 * first, with the meeting's year (at most `limit`).
 */
export function listOpenPlanTasksFor(db: Executor, userId: string, until: string, limit: number) {
  return db
    .selectFrom('host_plan_task as t')
    .innerJoin('meeting as m', 'm.id', 't.meeting_id')
    .select(['t.id', 't.meeting_id', 't.title', 't.due_on', 'm.year'])
    .where('t.status', 'in', ['todo', 'in_progress'])
    .where('t.due_on', '<=', until)
    .where('m.status', 'not in', ['held', 'cancelled'])
    .where((eb) => eb.or([eb('t.owner_user_id', '=', userId), eb('t.owner_user_id', 'is', null)]))
    .orderBy('t.due_on')
    .orderBy('t.position')
    .limit(limit)
    .execute();
}

/** A meeting's host-plan tasks: how many, how many closed, how many open past `today`. */
export async function planCounts(db: Executor, meetingId: string, today: string) {
  const row = await db
    .selectFrom('host_plan_task')
    .select((eb) => planTaskCounts(eb, today))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return {
    total: Number(row?.total ?? 0),
    closed: Number(row?.closed ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}

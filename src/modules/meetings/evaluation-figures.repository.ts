import type { ExpressionBuilder } from 'kysely';
import { countWhere } from '../../db/aggregates.ts';
import type { Database, Executor } from '../../db/database.ts';
import type { MeetingTable } from './meeting.table.ts';

// The evaluation's reads of the meetings (issue 15, point 2), aggregated in SQL: counts per
// meeting, never a row per programme item, delegate or outcome. Delegates are counted by
// city and by title only: names, diets, access needs, travel and phones never leave here.

/** The statuses of a meeting that counts in a period: held, or still to be held. */
export const COUNTED_STATUSES = ['held', 'confirmed', 'planned'] as const;

/** A meeting's day in a period: its last day, or its first when the last is not set. */
const meetingDay = (eb: ExpressionBuilder<Database & { m: MeetingTable }, 'm'>) =>
  eb.fn.coalesce('m.end_date', 'm.start_date');

/** The chain's held or planned meetings whose (last) day falls in the period, oldest first. */
export function listMeetingsInPeriod(db: Executor, chainId: string, start: string, end: string) {
  return db
    .selectFrom('meeting as m')
    .select([
      'm.id',
      'm.year',
      'm.host_city_id',
      'm.theme',
      'm.status',
      'm.start_date',
      'm.end_date',
    ])
    .where('m.chain_id', '=', chainId)
    .where('m.status', 'in', COUNTED_STATUSES)
    .where((eb) => eb.between(meetingDay(eb), start, end))
    .orderBy('m.year')
    .orderBy('m.id')
    .execute();
}

/** The rows of a meeting's programme items or seminars, per meeting. */
async function countPerMeeting(
  db: Executor,
  table: 'meeting_programme_item' | 'meeting_seminar',
  meetingIds: readonly string[],
) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom(table)
    .select('meeting_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('meeting_id', 'in', meetingIds)
    .groupBy('meeting_id')
    .execute();
}

export const countProgrammeItems = (db: Executor, meetingIds: readonly string[]) =>
  countPerMeeting(db, 'meeting_programme_item', meetingIds);

export const countSeminarsByMeeting = (db: Executor, meetingIds: readonly string[]) =>
  countPerMeeting(db, 'meeting_seminar', meetingIds);

/** Delegates per meeting and `column` (every delegation, whatever its status). */
async function countDelegatesPer<C extends 'd.city_id' | 'dm.title'>(
  db: Executor,
  meetingIds: readonly string[],
  column: C,
) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('delegation_member as dm')
    .innerJoin('delegation as d', 'd.id', 'dm.delegation_id')
    .select(['d.meeting_id', column])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('d.meeting_id', 'in', meetingIds)
    .groupBy(['d.meeting_id', column])
    .execute();
}

/** Delegates per meeting and city. */
export const countDelegatesByCity = (db: Executor, meetingIds: readonly string[]) =>
  countDelegatesPer(db, meetingIds, 'd.city_id');

/** Delegates per meeting and title (the role they travel in); the title only, nothing else. */
export const countDelegatesByTitle = (db: Executor, meetingIds: readonly string[]) =>
  countDelegatesPer(db, meetingIds, 'dm.title');

/** Outcomes per meeting: all of them, the actions (follow-ups), and the closed actions. */
export async function countOutcomesByMeeting(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_outcome as o')
    .select('o.meeting_id')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      countWhere(eb, eb('o.kind', '=', 'action')).as('actions'),
      countWhere(eb, eb.and([eb('o.kind', '=', 'action'), eb('o.closed_on', 'is not', null)])).as(
        'closed',
      ),
    ])
    .where('o.meeting_id', 'in', meetingIds)
    .groupBy('o.meeting_id')
    .execute();
}

/**
 * Actions of the chain's meetings that were still open on `asOf` although their due date
 * (or, without one, the meeting's day) lies on or before `before`: open for more than a cycle.
 */
export function listLongOpenActions(db: Executor, chainId: string, before: string, asOf: string) {
  return db
    .selectFrom('meeting_outcome as o')
    .innerJoin('meeting as m', 'm.id', 'o.meeting_id')
    .select(['o.id', 'o.meeting_id', 'o.text', 'o.due_on', 'm.year'])
    .select((eb) => eb.fn.coalesce('o.due_on', 'm.end_date', 'm.start_date').as('since'))
    .where('m.chain_id', '=', chainId)
    .where('o.kind', '=', 'action')
    .where((eb) => eb.or([eb('o.closed_on', 'is', null), eb('o.closed_on', '>', asOf)]))
    .where((eb) => eb(eb.fn.coalesce('o.due_on', 'm.end_date', 'm.start_date'), '<=', before))
    .orderBy('m.year')
    .orderBy('o.id')
    .execute();
}

/**
 * Twin-city meeting activity in a window: the cities that hosted a held meeting or sent a
 * delegation to one whose day falls in it.
 */
export async function citiesActiveInMeetings(
  db: Executor,
  chainId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const heldInWindow = (eb: ExpressionBuilder<Database & { m: MeetingTable }, 'm'>) =>
    eb.and([
      eb('m.chain_id', '=', chainId),
      eb('m.status', '=', 'held'),
      eb.between(meetingDay(eb), from, to),
    ]);
  const [hosts, delegations] = await Promise.all([
    db
      .selectFrom('meeting as m')
      .select('m.host_city_id as city_id')
      .distinct()
      .where(heldInWindow)
      .execute(),
    db
      .selectFrom('delegation as d')
      .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
      .select('d.city_id')
      .distinct()
      .where(heldInWindow)
      .execute(),
  ]);
  return [...new Set([...hosts, ...delegations].map((r) => r.city_id))];
}

export function findMeetingDays(db: Executor, id: string) {
  return db
    .selectFrom('meeting as m')
    .select([
      'm.id',
      'm.chain_id',
      'm.year',
      'm.host_city_id',
      'm.status',
      'm.start_date',
      'm.end_date',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** The last day of the latest held meeting the city hosted before `before`. */
export async function previousHostedEnd(
  db: Executor,
  chainId: string,
  hostCityId: string,
  before: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('meeting as m')
    .select((eb) => eb.fn.max(meetingDay(eb)).as('end'))
    .where('m.chain_id', '=', chainId)
    .where('m.host_city_id', '=', hostCityId)
    .where('m.status', '=', 'held')
    .where((eb) => eb(meetingDay(eb), '<', before))
    .executeTakeFirst();
  return row?.end ?? null;
}

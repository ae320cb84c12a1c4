import { countWhere } from '../../db/aggregates.ts';
import type { Executor } from '../../db/database.ts';

/**
 * The outcomes of the given meetings per kind, and how many of each were followed up
 * (closed, at this or a later meeting), counted by `meeting_outcome_meeting_idx`.
 */
export async function countOutcomesByKind(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_outcome as o')
    .where('o.meeting_id', 'in', meetingIds)
    .select('o.kind')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      countWhere(eb, eb('o.closed_on', 'is not', null)).as('followed_up'),
    ])
    .groupBy('o.kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    count: Number(r.count),
    followedUp: Number(r.followed_up ?? 0),
  }));
}

/** How many seminars the given meetings held. */
export async function countSeminars(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return 0;
  const row = await db
    .selectFrom('meeting_seminar')
    .where('meeting_id', 'in', meetingIds)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

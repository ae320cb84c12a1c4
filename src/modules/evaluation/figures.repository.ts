import type { Executor } from '../../db/database.ts';

// The reads the figures API and `vanort evaluation compile` need of the evaluation tables
// (migration 0017): an evaluation's period, its latest approved version's frozen figures,
// and the evaluation that follows a meeting.

export function findEvaluationPeriod(db: Executor, id: string) {
  return db
    .selectFrom('evaluation')
    .select(['id', 'chain_id', 'meeting_id', 'period_start', 'period_end', 'approved_version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findEvaluationOfMeeting(db: Executor, meetingId: string) {
  return db
    .selectFrom('evaluation')
    .select(['id', 'chain_id', 'meeting_id', 'period_start', 'period_end', 'approved_version'])
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The newest approved version of an evaluation (the highest number), with its figures. */
export function findLatestVersionFigures(db: Executor, evaluationId: string) {
  return db
    .selectFrom('evaluation_version')
    .select(['number', 'figures_json'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest end of an evaluation period of the chain before `before` (the next one starts after it). */
export async function previousEvaluationEnd(
  db: Executor,
  chainId: string,
  before: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('evaluation')
    .select((eb) => eb.fn.max('period_end').as('end'))
    .where('chain_id', '=', chainId)
    .where('period_end', '<', before)
    .executeTakeFirst();
  return row?.end ?? null;
}

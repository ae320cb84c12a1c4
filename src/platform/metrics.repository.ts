import type { Executor } from '../db/database.ts';

/**
 * When each job last finished without failing, on any instance: job name to milliseconds
 * since the epoch (from `job_run`, which keeps 30 days of runs).
 */
export async function lastJobSuccesses(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('job_run')
    .select(['job'])
    .select((eb) => eb.fn.max('finished_at').as('finished_at'))
    .where('outcome', '=', 'ok')
    .where('finished_at', 'is not', null)
    .groupBy('job')
    .execute();
  const result = new Map<string, number>();
  for (const row of rows) {
    const at = Date.parse(String(row.finished_at));
    if (Number.isFinite(at)) result.set(row.job, at);
  }
  return result;
}

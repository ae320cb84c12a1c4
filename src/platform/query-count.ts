import type { LogEvent } from 'kysely';

/**
 * Counting the SQL queries a piece of work sends (decision 029): the benchmark's "queries per
 * page" and the query-count and query-plan guards in `test/perf/`. Off unless a caller turns
 * it on with `enableQueryCount()` before the database is opened: `createDb` then gives Kysely
 * a `log` callback; otherwise it gives none, so the app never pays for it.
 *
 * `countQueries(work)` returns every query (successful or failed, SQL text and parameters)
 * sent while `work` ran. One count at a time: the callers (the benchmark's probe, the guards)
 * send one request after another, so a query belongs to the request in flight. (An
 * AsyncLocalStorage scope would be finer, but Fastify's request path as `inject` drives it
 * does not keep the caller's async context for anonymous GETs, so it would miss queries.)
 */
export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
  failed: boolean;
}

let enabled = false;
let active: RecordedQuery[] | null = null;

/** Turns counting on for every database opened after this call (this process only). */
export function enableQueryCount(): void {
  enabled = true;
}

export function queryCountEnabled(): boolean {
  return enabled;
}

/** Kysely's `log` option, as `createDb` installs it while counting is on. */
export function recordQuery(event: LogEvent): void {
  active?.push({
    sql: event.query.sql,
    parameters: event.query.parameters,
    failed: event.level === 'error',
  });
}

/** Runs `work` and returns its result with the queries it sent. Needs `enableQueryCount()`. */
export async function countQueries<T>(
  work: () => Promise<T>,
): Promise<{ result: T; queries: RecordedQuery[] }> {
  if (!enabled)
    throw new Error('countQueries: call enableQueryCount() before opening the database');
  if (active) throw new Error('countQueries: one count at a time');
  const queries: RecordedQuery[] = [];
  active = queries;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    active = null;
  }
}

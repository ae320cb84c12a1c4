import type { Executor } from '../../db/database.ts';
import type { LoginAttemptTable } from './account.table.ts';

export function insertLoginAttempt(db: Executor, row: LoginAttemptTable) {
  return db.insertInto('login_attempt').values(row).execute();
}

/** Failed attempts of a kind since an instant, by e-mail or by address. */
export async function countFailuresSince(
  db: Executor,
  kind: string,
  by: { email: string } | { ip: string },
  since: string,
): Promise<number> {
  let q = db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('succeeded', '=', 0)
    .where('occurred_at', '>=', since);
  q = 'email' in by ? q.where('email', '=', by.email) : q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Failed attempts of a kind since an instant (and, if given, strictly after another), by
 * e-mail, by address or by both, with the time of the latest.
 */
export async function summariseFailuresSince(
  db: Executor,
  kind: string,
  by: { email?: string; ip?: string },
  since: string,
  after?: string,
): Promise<{ count: number; last: string | null }> {
  let q = db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('occurred_at').as('last')])
    .where('kind', '=', kind)
    .where('succeeded', '=', 0)
    .where('occurred_at', '>=', since);
  if (after !== undefined) q = q.where('occurred_at', '>', after);
  if (by.email !== undefined) q = q.where('email', '=', by.email);
  if (by.ip !== undefined) q = q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirst();
  return { count: Number(row?.n ?? 0), last: row?.last ?? null };
}

/** The latest successful attempt of a kind by an e-mail from an address since an instant. */
export async function findLastSuccessSince(
  db: Executor,
  kind: string,
  by: { email: string; ip: string },
  since: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('occurred_at').as('last'))
    .where('kind', '=', kind)
    .where('succeeded', '=', 1)
    .where('email', '=', by.email)
    .where('ip', '=', by.ip)
    .where('occurred_at', '>=', since)
    .executeTakeFirst();
  return row?.last ?? null;
}

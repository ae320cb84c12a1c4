import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

const attempts = tableAccess('login_attempt', ['id']);

/** The condition on the e-mail or on the address that a count of attempts is by. */
export const emailOrIp = (by: { email: string } | { ip: string }) =>
  'email' in by ? { email: by.email } : { ip: by.ip };

export const insertLoginAttempt = attempts.insert;

/** Failed attempts of a kind since an instant, by e-mail or by address. */
export const countFailuresSince = (
  db: Executor,
  kind: string,
  by: { email: string } | { ip: string },
  since: string,
): Promise<number> =>
  attempts.count(db, { kind, succeeded: 0, occurred_at: ['>=', since], ...emailOrIp(by) });

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
export const findLastSuccessSince = (
  db: Executor,
  kind: string,
  by: { email: string; ip: string },
  since: string,
): Promise<string | null> =>
  attempts.max(db, 'occurred_at', {
    kind,
    succeeded: 1,
    email: by.email,
    ip: by.ip,
    occurred_at: ['>=', since],
  });

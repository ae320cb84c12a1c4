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

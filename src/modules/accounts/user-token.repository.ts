import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import { emailOrIp } from './login-attempt.repository.ts';

/** The writes (the read joins the user). */
const userTokens = tableAccess('user_token', '*');

export const insertUserToken = userTokens.insert;

/** A token by its id (the sha256 of the token in the link), with its user's state. */
export function findUserToken(db: Executor, id: string) {
  return db
    .selectFrom('user_token')
    .innerJoin('app_user', 'app_user.id', 'user_token.user_id')
    .selectAll('user_token')
    .select(['app_user.email', 'app_user.active', 'app_user.password_hash'])
    .where('user_token.id', '=', id)
    .executeTakeFirst();
}

export type UserTokenRow = NonNullable<Awaited<ReturnType<typeof findUserToken>>>;

/**
 * Marks a token used, only if it is still unused; returns whether it was (false: someone
 * else used it first).
 */
export const updateTokenUsed = (db: Executor, id: string, usedAt: string) =>
  userTokens.claim(db, { id }, 'used_at', usedAt);

/** Closes every other unused token of a user (older links stop working); returns how many. */
export const updateOtherTokensUsed = (
  db: Executor,
  userId: string,
  exceptId: string,
  usedAt: string,
): Promise<number> =>
  userTokens.updateWhere(
    db,
    { user_id: userId, id: ['!=', exceptId], used_at: null },
    { used_at: usedAt },
  );

const attempts = tableAccess('login_attempt', ['id']);

/**
 * Reset requests (of any outcome) since an instant, by e-mail or by address. Unlike the
 * login lockout, every request counts: a known address must not be treated differently
 * from an unknown one (no enumeration), and a known one must not be flooded with mail.
 */
export const countResetRequestsSince = (
  db: Executor,
  by: { email: string } | { ip: string },
  since: string,
): Promise<number> =>
  attempts.count(db, { kind: 'reset', occurred_at: ['>=', since], ...emailOrIp(by) });

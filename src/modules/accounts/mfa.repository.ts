import type { Kysely } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { AppUserTable, SessionTable } from './account.table.ts';

/**
 * The columns migration 0003-mfa adds. They are typed here, beside the only SQL that
 * uses them, so the shared table types of the accounts module stay as they are.
 */
export interface MfaSessionColumns {
  /** 1 while the session waits for the second step's code: it grants nothing. */
  mfa_pending: number;
}

export interface MfaUserColumns {
  /** The last 30-second TOTP step whose code was accepted (replay protection). */
  totp_last_step: number | null;
}

interface MfaDatabase extends Omit<Database, 'session' | 'app_user'> {
  session: SessionTable & MfaSessionColumns;
  app_user: AppUserTable & MfaUserColumns;
}

/** The same connection or transaction, seen with the 0003-mfa columns. */
const withMfa = (db: Executor) => db as unknown as Kysely<MfaDatabase>;

// ---- Sessions ----------------------------------------------------------------------

/** A session with its two-step state. */
export function findSessionWithMfa(db: Executor, id: string) {
  return withMfa(db)
    .selectFrom('session')
    .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'mfa_pending'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function markSessionMfaPending(db: Executor, id: string) {
  return withMfa(db).updateTable('session').set({ mfa_pending: 1 }).where('id', '=', id).execute();
}

export async function deletePendingSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await withMfa(db)
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('mfa_pending', '=', 1)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- The user's TOTP secret ----------------------------------------------------------

export function findTotp(db: Executor, userId: string) {
  return withMfa(db)
    .selectFrom('app_user')
    .select(['id', 'email', 'totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function updateTotp(
  db: Executor,
  userId: string,
  values: Partial<
    Pick<AppUserTable & MfaUserColumns, 'totp_secret' | 'totp_enabled' | 'totp_last_step'>
  > & { updated_at: string },
) {
  return withMfa(db).updateTable('app_user').set(values).where('id', '=', userId).execute();
}

/**
 * Takes a TOTP step for a user: succeeds (true) only when it is later than the last
 * step used, in one conditional update, so two requests with the same code cannot
 * both win.
 */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await withMfa(db)
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

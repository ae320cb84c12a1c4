import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

/** The writes (the read, with the two-step state, is mfa.repository's findSessionWithMfa). */
const sessions = tableAccess('session', '*');

export const insertSession = sessions.insert;

export const touchSession = (db: Executor, id: string, lastSeenAt: string) =>
  sessions.update(db, id, { last_seen_at: lastSeenAt });

export const deleteSession = sessions.remove;

export const deleteSessionsOfUser = (db: Executor, userId: string): Promise<number> =>
  sessions.removeWhere(db, { user_id: userId });

export const countSessionsOfUser = (db: Executor, userId: string) =>
  sessions.count(db, { user_id: userId });

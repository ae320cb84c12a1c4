import type { Executor } from '../../db/database.ts';
import type { SessionTable } from './account.table.ts';

export function insertSession(db: Executor, row: SessionTable) {
  return db.insertInto('session').values(row).execute();
}

export function findSession(db: Executor, id: string) {
  return db
    .selectFrom('session')
    .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function touchSession(db: Executor, id: string, lastSeenAt: string) {
  return db.updateTable('session').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export function deleteSession(db: Executor, id: string) {
  return db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function countSessionsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst()
    .then((r) => Number(r?.n ?? 0));
}

import type { Executor } from '../../db/database.ts';
import type { AppUserTable, UserRoleTable } from './account.table.ts';

export const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'password_hash',
  'active',
  'totp_secret',
  'totp_enabled',
  'oidc_subject',
  'last_login_at',
  'language',
  'created_at',
  'updated_at',
] as const;

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function insertUser(db: Executor, row: AppUserTable) {
  return db.insertInto('app_user').values(row).execute();
}

export function updateUser(db: Executor, id: string, values: Partial<Omit<AppUserTable, 'id'>>) {
  return db.updateTable('app_user').set(values).where('id', '=', id).execute();
}

export function listUsers(db: Executor, page: { limit: number; offset: number }) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .orderBy('email')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listRolesOf(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_role')
    .select(['user_id', 'role', 'organisation_id', 'city_id'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
}

export async function replaceRoles(db: Executor, userId: string, rows: UserRoleTable[]) {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (rows.length > 0) await db.insertInto('user_role').values(rows).execute();
}

/** An active organisation, the scope of a reporter. */
export function findActiveOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** A twin city, the scope of a partner contact, with its country (for the contact's language). */
export function findTwinCity(db: Executor, id: string) {
  return db
    .selectFrom('city')
    .select(['id', 'country_code'])
    .where('id', '=', id)
    .where('kind', '=', 'twin')
    .executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
export type UserRoleRow = Awaited<ReturnType<typeof listRolesOf>>[number];

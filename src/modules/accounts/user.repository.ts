import type { Executor } from '../../db/database.ts';
import { tableAccess, type Page } from '../../db/table-access.ts';
import type { UserRoleTable } from './account.table.ts';

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

export const users = tableAccess('app_user', USER_COLUMNS);

export const findUserByEmail = (db: Executor, email: string) => users.findBy(db, { email });
export const findUserById = users.find;
export const insertUser = users.insert;
export const updateUser = users.update;
export const listUsers = (db: Executor, page: Page) => users.list(db, {}, ['email'], page);
export const countUsers = (db: Executor) => users.count(db);

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

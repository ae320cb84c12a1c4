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

const roles = tableAccess('user_role', ['user_id', 'role', 'organisation_id', 'city_id']);

export function listRolesOf(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return roles.list(db, { user_id: ['in', userIds] }, ['role']);
}

export const replaceRoles = (db: Executor, userId: string, rows: UserRoleTable[]) =>
  roles.replace(db, { user_id: userId }, rows);

const organisations = tableAccess('organisation', ['id']);
const cities = tableAccess('city', ['id', 'country_code']);

/** An active organisation, the scope of a reporter. */
export const findActiveOrganisation = (db: Executor, id: string) =>
  organisations.findBy(db, { id, active: 1 });

/** A twin city, the scope of a partner contact, with its country (for the contact's language). */
export const findTwinCity = (db: Executor, id: string) => cities.findBy(db, { id, kind: 'twin' });

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
export type UserRoleRow = Awaited<ReturnType<typeof listRolesOf>>[number];

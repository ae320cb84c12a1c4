import type { Executor } from '../../db/database.ts';
import type { ApiTokenTable } from './account.table.ts';

/** Every column but the hash: listing never needs it. */
const PUBLIC_COLUMNS = [
  'id',
  'user_id',
  'name',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const;

export function insertApiToken(db: Executor, row: ApiTokenTable) {
  return db.insertInto('api_token').values(row).execute();
}

export function findApiTokenByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .select(PUBLIC_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A token of one user only: another user's token is as good as missing. */
export function findApiTokenOfUser(db: Executor, userId: string, id: string) {
  return db
    .selectFrom('api_token')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listApiTokensOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('api_token')
    .select(PUBLIC_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Sets revoked_at unless already set; returns whether a row changed. */
export async function updateApiTokenRevoked(
  db: Executor,
  userId: string,
  id: string,
  revokedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: revokedAt })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A user's tokens that still work at an instant: neither revoked nor expired. */
export function listActiveApiTokensOfUser(db: Executor, userId: string, now: string) {
  return db
    .selectFrom('api_token')
    .select(PUBLIC_COLUMNS)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function updateApiTokenLastUsed(db: Executor, id: string, lastUsedAt: string) {
  return db
    .updateTable('api_token')
    .set({ last_used_at: lastUsedAt })
    .where('id', '=', id)
    .execute();
}

/** Slugs of the organisations and cities a user's roles are scoped to (for /api/v1/me). */
export async function listScopeSlugs(
  db: Executor,
  organisationIds: readonly string[],
  cityIds: readonly string[],
): Promise<{ organisations: Map<string, string>; cities: Map<string, string> }> {
  const [organisations, cities] = await Promise.all([
    organisationIds.length
      ? db
          .selectFrom('organisation')
          .select(['id', 'slug'])
          .where('id', 'in', organisationIds)
          .execute()
      : Promise.resolve([]),
    cityIds.length
      ? db.selectFrom('city').select(['id', 'slug']).where('id', 'in', cityIds).execute()
      : Promise.resolve([]),
  ]);
  return {
    organisations: new Map(organisations.map((r) => [r.id, r.slug])),
    cities: new Map(cities.map((r) => [r.id, r.slug])),
  };
}

export type ApiTokenRow = NonNullable<Awaited<ReturnType<typeof findApiTokenOfUser>>>;

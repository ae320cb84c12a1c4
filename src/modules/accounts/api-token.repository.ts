import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

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

const tokens = tableAccess('api_token', PUBLIC_COLUMNS);

export const insertApiToken = tokens.insert;
export const findApiTokenByHash = (db: Executor, tokenHash: string) =>
  tokens.findBy(db, { token_hash: tokenHash });

/** A token of one user only: another user's token is as good as missing. */
export const findApiTokenOfUser = (db: Executor, userId: string, id: string) =>
  tokens.findBy(db, { id, user_id: userId });

export const listApiTokensOfUser = (db: Executor, userId: string) =>
  tokens.list(db, { user_id: userId }, [['created_at', 'desc'], 'id']);

/** Sets revoked_at unless already set; returns whether a row changed. */
export const updateApiTokenRevoked = (
  db: Executor,
  userId: string,
  id: string,
  revokedAt: string,
) => tokens.claim(db, { id, user_id: userId }, 'revoked_at', revokedAt);

/** A user's tokens that still work at an instant: neither revoked nor expired. */
export const listActiveApiTokensOfUser = (db: Executor, userId: string, now: string) =>
  tokens.list(db, { user_id: userId, revoked_at: null, expires_at: ['>', now] }, [
    'created_at',
    'id',
  ]);

export const updateApiTokenLastUsed = (db: Executor, id: string, lastUsedAt: string) =>
  tokens.update(db, id, { last_used_at: lastUsedAt });

const scopeOrganisations = tableAccess('organisation', ['id', 'slug']);
const scopeCities = tableAccess('city', ['id', 'slug']);

/** Slugs of the organisations and cities a user's roles are scoped to (for /api/v1/me). */
export async function listScopeSlugs(
  db: Executor,
  organisationIds: readonly string[],
  cityIds: readonly string[],
): Promise<{ organisations: Map<string, string>; cities: Map<string, string> }> {
  const [organisations, cities] = await Promise.all([
    organisationIds.length
      ? scopeOrganisations.list(db, { id: ['in', organisationIds] })
      : Promise.resolve([]),
    cityIds.length ? scopeCities.list(db, { id: ['in', cityIds] }) : Promise.resolve([]),
  ]);
  return {
    organisations: new Map(organisations.map((r) => [r.id, r.slug])),
    cities: new Map(cities.map((r) => [r.id, r.slug])),
  };
}

export type ApiTokenRow = NonNullable<Awaited<ReturnType<typeof findApiTokenOfUser>>>;

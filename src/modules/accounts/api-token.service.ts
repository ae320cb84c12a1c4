import { z } from 'zod';
import type { Db, Executor } from '../../db/database.ts';
import { accountPolicy } from './account.policy.ts';
import { errors } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit, type Actor, insertAudited } from '../audit/index.ts';
import { getUser, newSecretToken, sha256, type User } from './account.service.ts';
import * as repo from './api-token.repository.ts';

/**
 * Personal API tokens: a user makes them for integrations and sends them as
 * `Authorization: Bearer vpt_…` to /api/. The token acts with its user's roles.
 * Only its sha256 is stored, so it is shown once, when it is made.
 */

export const API_TOKEN_PREFIX = 'vpt_';
export const API_TOKEN_DAYS = { min: 1, max: 365, default: 90 } as const;
/** How often last_used_at is written at most. */
const TOUCH_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
}

/** The name of a token; messages are i18n keys. */
export const apiTokenName = z
  .string('apiToken.nameRequired')
  .trim()
  .min(1, 'apiToken.nameRequired')
  .max(100, 'apiToken.nameTooLong');

export const apiTokenDays = z
  .number('apiToken.expiryInvalid')
  .int('apiToken.expiryInvalid')
  .min(API_TOKEN_DAYS.min, 'apiToken.expiryInvalid')
  .max(API_TOKEN_DAYS.max, 'apiToken.expiryInvalid');

/**
 * A new token: its name and how many days it lasts, a number (command line, tests) or the
 * text of the form's field; left out, 90 days. It is also the form's schema.
 */
export const newApiTokenInput = z.object({
  name: apiTokenName,
  expiresInDays: z
    .union(
      [
        apiTokenDays,
        z
          .string()
          .trim()
          .regex(/^\d{1,6}$/, 'apiToken.expiryInvalid')
          .transform(Number)
          .pipe(apiTokenDays),
      ],
      { error: 'apiToken.expiryInvalid' },
    )
    .default(API_TOKEN_DAYS.default),
});

export type NewApiToken = z.input<typeof newApiTokenInput>;

function toApiToken(row: repo.ApiTokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    status: row.revoked_at
      ? 'revoked'
      : Date.parse(row.expires_at) <= now.getTime()
        ? 'expired'
        : 'active',
  };
}

/** Policy: a user manages only their own tokens (not even an admin those of others). */
function assertOwnTokens(actor: Actor, userId: string): void {
  if (!accountPolicy.manageApiTokens(actor, userId)) throw errors.forbidden();
}

export async function createApiToken(
  db: Db,
  actor: Actor,
  userId: string,
  input: NewApiToken,
): Promise<{ token: string; apiToken: ApiToken }> {
  assertOwnTokens(actor, userId);
  const data = parseOrThrow(newApiTokenInput, input);
  const token = API_TOKEN_PREFIX + newSecretToken();
  const now = new Date();
  const row = {
    id: newId(),
    user_id: userId,
    name: data.name,
    token_hash: sha256(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + data.expiresInDays * DAY_MS).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  return db.kysely.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user.active) throw errors.forbidden();
    // token_hash is recorded as "(set)", never its value.
    const { user_id, name, expires_at, token_hash } = row;
    await insertAudited(
      trx,
      actor,
      { entity: 'api_token', action: 'create' },
      repo.insertApiToken,
      row,
      { user_id, name, expires_at, token_hash },
    );
    return { token, apiToken: toApiToken(row, now) };
  });
}

/** A user's tokens, newest first; never the secret nor its hash. */
export async function listApiTokens(
  db: Db,
  userId: string,
  now: Date = new Date(),
): Promise<ApiToken[]> {
  const rows = await repo.listApiTokensOfUser(db.kysely, userId);
  return rows.map((r) => toApiToken(r, now));
}

/**
 * Revokes one of the user's own tokens. Another user's token (or an unknown id) is
 * refused with FORBIDDEN; revoking twice changes nothing (`alreadyRevoked`).
 */
export async function revokeApiToken(
  db: Db,
  actor: Actor,
  userId: string,
  tokenId: string,
): Promise<{ apiToken: ApiToken; alreadyRevoked: boolean }> {
  assertOwnTokens(actor, userId);
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findApiTokenOfUser(trx, userId, tokenId);
    if (!row) throw errors.forbidden();
    const now = new Date();
    if (row.revoked_at) return { apiToken: toApiToken(row, now), alreadyRevoked: true };
    const revokedAt = now.toISOString();
    if (!(await repo.updateApiTokenRevoked(trx, userId, tokenId, revokedAt))) {
      return { apiToken: toApiToken(row, now), alreadyRevoked: true };
    }
    await recordAudit(trx, actor, {
      entity: 'api_token',
      entityId: row.id,
      action: 'revoke',
      changes: diff({ revoked_at: null }, { revoked_at: revokedAt }),
    });
    return {
      apiToken: toApiToken({ ...row, revoked_at: revokedAt }, now),
      alreadyRevoked: false,
    };
  });
}

/**
 * Revokes every token of a user that still works, inside the caller's transaction (a
 * password reset, "revoke all"); each one audited as a revocation. Returns how many.
 */
export async function revokeActiveApiTokens(
  trx: Executor,
  actor: Actor,
  userId: string,
  now: Date = new Date(),
): Promise<number> {
  const revokedAt = now.toISOString();
  let revoked = 0;
  for (const row of await repo.listActiveApiTokensOfUser(trx, userId, revokedAt)) {
    if (!(await repo.updateApiTokenRevoked(trx, userId, row.id, revokedAt))) continue;
    revoked++;
    await recordAudit(trx, actor, {
      entity: 'api_token',
      entityId: row.id,
      action: 'revoke',
      changes: diff({ revoked_at: null }, { revoked_at: revokedAt }),
    });
  }
  return revoked;
}

/**
 * Revokes all of one's own tokens that still work ("revoke all" on the tokens page), in
 * one transaction; returns how many (0: there were none, nothing changed).
 */
export async function revokeAllApiTokens(db: Db, actor: Actor, userId: string): Promise<number> {
  assertOwnTokens(actor, userId);
  return db.kysely.transaction().execute((trx) => revokeActiveApiTokens(trx, actor, userId));
}

/**
 * The user behind a Bearer token, or null when the token is unknown, revoked or
 * expired, or its user is deactivated. Writes last_used_at at most once a minute.
 */
export async function resolveApiToken(
  db: Db,
  bearer: string,
  now: Date = new Date(),
): Promise<User | null> {
  if (!bearer.startsWith(API_TOKEN_PREFIX) || bearer.length > 200) return null;
  const row = await repo.findApiTokenByHash(db.kysely, sha256(bearer));
  if (!row || row.revoked_at || Date.parse(row.expires_at) <= now.getTime()) return null;
  const user = await getUser(db.kysely, row.user_id).catch(() => null);
  if (!user?.active) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
    await repo.updateApiTokenLastUsed(db.kysely, row.id, now.toISOString());
  }
  return user;
}

/** The slugs (not the ids) of the scopes of a user's roles, as the API names them. */
export interface ScopeSlugs {
  organisations: Map<string, string>;
  cities: Map<string, string>;
}

/** The slugs of the organisations and cities the user's roles are scoped to. */
export async function scopeSlugsOf(db: Db, user: User): Promise<ScopeSlugs> {
  return repo.listScopeSlugs(
    db.kysely,
    user.roles.flatMap((g) => (g.organisationId ? [g.organisationId] : [])),
    user.roles.flatMap((g) => (g.cityId ? [g.cityId] : [])),
  );
}

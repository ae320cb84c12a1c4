import * as client from 'openid-client';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId } from '../../shared/ids.ts';
import { fromNothing, recordAudit, type Actor } from '../audit/index.ts';
import {
  defaultLanguageFor,
  getUser,
  grantKey,
  grantRows,
  grantsForAudit,
  normaliseEmail,
  startSession,
  type LoginResult,
  type SessionPolicy,
} from './account.service.ts';
import * as repo from './oidc.repository.ts';
import { ROLES, type RoleGrant } from './roles.ts';
import * as users from './user.repository.ts';
import { newUserRow } from './new-user.ts';

export type OidcSettings = NonNullable<Config['oidc']>;

/**
 * Why a single sign-on failed. Every kind has a Swedish message (`oidc.error.<kind>`);
 * `message` is for the log and names the cause (and the variable, for `config`).
 */
export type OidcProblem =
  'state' | 'provider' | 'claims' | 'deactivated' | 'conflict' | 'config' | 'unavailable';

export class OidcError extends Error {
  constructor(
    public readonly problem: OidcProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

// ---- Role mapping ----------------------------------------------------------------

const mappedGrant = z
  .object({
    role: z.enum(ROLES),
    organisation: z.string().min(1).optional(),
    city: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.role === 'reporter' && !g.organisation)
      ctx.addIssue({ code: 'custom', message: 'a reporter needs "organisation" (a slug)' });
    if (g.role === 'partner' && !g.city)
      ctx.addIssue({ code: 'custom', message: 'a partner needs "city" (the slug of a twin city)' });
    if (g.organisation && g.role !== 'reporter')
      ctx.addIssue({ code: 'custom', message: '"organisation" is only for the role reporter' });
    if (g.city && g.role !== 'partner')
      ctx.addIssue({ code: 'custom', message: '"city" is only for the role partner' });
  });

const roleMappingSchema = z
  .object({
    /** Values of the `groups` claim to the roles they give. */
    groups: z.record(z.string(), z.array(mappedGrant)).default({}),
    /** E-mail addresses ("name@goteborg.se") or domains ("@goteborg.se") to roles. */
    emails: z.record(z.string(), z.array(mappedGrant)).default({}),
    /** The roles of a user whom neither a group nor an e-mail rule gives any. */
    defaultRoles: z.array(mappedGrant).default([]),
  })
  .strict();

export type RoleMapping = z.infer<typeof roleMappingSchema>;
export type MappedGrant = z.infer<typeof mappedGrant>;

/**
 * OIDC_ROLE_MAPPING as a checked mapping; null when it is unset (single sign-on then
 * leaves roles alone: new accounts get `staff`, existing ones keep theirs).
 */
export function parseRoleMapping(text: string | undefined): RoleMapping | null {
  if (text === undefined || text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OidcError(
      'config',
      `OIDC_ROLE_MAPPING is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const result = roleMappingSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`)
      .join('; ');
    throw new OidcError('config', `OIDC_ROLE_MAPPING is not a valid role mapping: ${problems}`);
  }
  return result.data;
}

/** The grants (by slug) that the mapping gives a user with these claims. */
export function mappedGrants(
  mapping: RoleMapping,
  claims: { email: string; groups: readonly string[] },
): MappedGrant[] {
  const email = normaliseEmail(claims.email);
  const domain = email.slice(email.lastIndexOf('@'));
  const found: MappedGrant[] = [];
  for (const group of claims.groups) {
    if (Object.hasOwn(mapping.groups, group)) found.push(...(mapping.groups[group] ?? []));
  }
  for (const [key, grants] of Object.entries(mapping.emails)) {
    const k = normaliseEmail(key);
    if (k === email || (k.startsWith('@') && k === domain)) found.push(...grants);
  }
  return found.length > 0 ? found : mapping.defaultRoles;
}

/** Turns slugs into ids; an unknown slug is a configuration error naming OIDC_ROLE_MAPPING. */
async function resolveGrants(db: Executor, mapped: MappedGrant[]): Promise<RoleGrant[]> {
  const orgSlugs = [...new Set(mapped.flatMap((g) => (g.organisation ? [g.organisation] : [])))];
  const citySlugs = [...new Set(mapped.flatMap((g) => (g.city ? [g.city] : [])))];
  const orgs = await repo.organisationIdsBySlug(db, orgSlugs);
  const cities = await repo.twinCityIdsBySlug(db, citySlugs);
  const grants = new Map<string, RoleGrant>();
  for (const g of mapped) {
    const organisationId = g.organisation ? orgs.get(g.organisation) : null;
    const cityId = g.city ? cities.get(g.city) : null;
    if (organisationId === undefined)
      throw new OidcError(
        'config',
        `OIDC_ROLE_MAPPING names the organisation "${g.organisation}", but there is no active organisation with that slug`,
      );
    if (cityId === undefined)
      throw new OidcError(
        'config',
        `OIDC_ROLE_MAPPING names the city "${g.city}", but there is no twin city with that slug`,
      );
    const grant = { role: g.role, organisationId, cityId };
    grants.set(grantKey(grant), grant);
  }
  return [...grants.values()];
}

// ---- The OpenID provider ----------------------------------------------------------

/** What the browser keeps (signed, HttpOnly) between the redirect and the callback. */
export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** The claims single sign-on uses. */
export interface SsoClaims {
  subject: string;
  email: string;
  name: string;
  groups: string[];
}

export interface OidcClient {
  /** The checked OIDC_ROLE_MAPPING (parsed once, at first use). */
  roleMapping(): RoleMapping | null;
  /** Where to send the browser, with PKCE (S256), state and nonce. */
  authorizationUrl(redirectUri: string): Promise<{ url: URL; pending: PendingLogin }>;
  /** Checks the callback, exchanges the code and returns the user's claims. */
  claimsFromCallback(callbackUrl: URL, pending: PendingLogin): Promise<SsoClaims>;
}

export const OIDC_SCOPE = 'openid email profile';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isNetworkError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    (error instanceof TypeError && error.message === 'fetch failed')
  );
}

/** An error's message with its cause's (fetch says only "fetch failed"). */
function describeError(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${String(e?.message ?? error)}${typeof cause === 'string' ? ` (${cause})` : ''}`;
}

/**
 * A client of the configured OpenID provider. Discovery happens at the first login and
 * is kept; a failed discovery is tried again at the next one.
 */
export function createOidcClient(
  settings: OidcSettings,
  options: { timeoutSeconds?: number } = {},
): OidcClient {
  const timeout = options.timeoutSeconds ?? 10;
  let discovered: Promise<client.Configuration> | null = null;
  let mapping: { value: RoleMapping | null } | null = null;

  function configuration(): Promise<client.Configuration> {
    if (discovered) return discovered;
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === 'http:';
    if (insecure && !LOOPBACK.has(issuer.hostname)) {
      return Promise.reject(
        new OidcError(
          'config',
          `OIDC_ISSUER must be an https URL (plain http only on loopback): ${settings.issuer}`,
        ),
      );
    }
    discovered = client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret },
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout,
          // Plain http is allowed only for a provider on loopback (development, tests).
          execute: insecure ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw new OidcError(
          'unavailable',
          `Could not discover the OpenID provider at OIDC_ISSUER=${settings.issuer}: ${describeError(error)}`,
          { cause: error },
        );
      });
    return discovered;
  }

  return {
    roleMapping() {
      mapping ??= { value: parseRoleMapping(settings.roleMapping) };
      return mapping.value;
    },

    async authorizationUrl(redirectUri) {
      const config = await configuration();
      const pending: PendingLogin = {
        codeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: OIDC_SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    async claimsFromCallback(callbackUrl, pending) {
      // Checked here too, before anything is sent to the provider.
      if (callbackUrl.searchParams.get('state') !== pending.state) {
        throw new OidcError('state', 'The state of the callback does not match this login');
      }
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          throw new OidcError(
            'provider',
            `The OpenID provider answered "${error.error}"${error.error_description ? `: ${error.error_description}` : ''}`,
            { cause: error },
          );
        }
        throw new OidcError(
          isNetworkError(error) ? 'unavailable' : 'provider',
          `The code exchange with the OpenID provider failed: ${describeError(error)}`,
          { cause: error },
        );
      }
      const idToken = tokens.claims();
      if (!idToken) throw new OidcError('provider', 'The OpenID provider sent no ID token');
      let claims: Record<string, unknown> = { ...idToken };
      if (config.serverMetadata().userinfo_endpoint) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...claims, ...info };
        } catch (error) {
          throw new OidcError(
            isNetworkError(error) ? 'unavailable' : 'provider',
            `The UserInfo request to the OpenID provider failed: ${describeError(error)}`,
            { cause: error },
          );
        }
      }
      return readClaims(claims);
    },
  };
}

/** `sub`, `email` (not explicitly unverified), `name` and `groups` from the provider's claims. */
export function readClaims(claims: Record<string, unknown>): SsoClaims {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (!subject) throw new OidcError('claims', 'The OpenID provider sent no "sub" claim');
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)
    throw new OidcError('claims', 'The OpenID provider sent no usable "email" claim');
  if (claims.email_verified === false)
    throw new OidcError('claims', `The OpenID provider says ${email} is not verified`);
  const given = [claims.given_name, claims.family_name].filter((v) => typeof v === 'string');
  const name =
    (typeof claims.name === 'string' && claims.name.trim()) || given.join(' ').trim() || email;
  const raw = claims.groups;
  const groups = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter(
    (g): g is string => typeof g === 'string',
  );
  return { subject, email, name: name.slice(0, 200), groups };
}

// ---- Just-in-time accounts ---------------------------------------------------------

/**
 * Logs a user in after single sign-on, in one transaction: finds the account by subject,
 * else by e-mail (and links the subject), else creates it; sets the mapped roles; refuses
 * deactivated accounts; starts a session; audits every change and the login.
 */
export async function ssoLogin(
  db: Db,
  claims: SsoClaims,
  mapping: RoleMapping | null,
  meta: { ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
): Promise<LoginResult & { created: boolean }> {
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const wanted = mapping
      ? await resolveGrants(trx, mappedGrants(mapping, claims))
      : await resolveGrants(trx, [{ role: 'staff' }]);
    let row = await repo.findUserByOidcSubject(trx, claims.subject);
    const actorFor = (userId: string, email: string): Actor => ({
      userId,
      label: email,
      ip: meta.ip,
    });

    let created = false;
    if (!row) {
      const byEmail = await users.findUserByEmail(trx, claims.email);
      if (byEmail) {
        if (byEmail.active !== 1) throw deactivated(byEmail.email);
        if (byEmail.oidc_subject !== null) {
          throw new OidcError(
            'conflict',
            `The account ${byEmail.email} is linked to another subject of the OpenID provider`,
          );
        }
        await users.updateUser(trx, byEmail.id, { oidc_subject: claims.subject, updated_at: now });
        await recordAudit(trx, actorFor(byEmail.id, byEmail.email), {
          entity: 'user',
          entityId: byEmail.id,
          action: 'update',
          changes: { oidc_subject: { before: null, after: claims.subject } },
        });
        row = { ...byEmail, oidc_subject: claims.subject };
      } else {
        const id = newId();
        const { email, name, subject } = claims;
        const language = await defaultLanguageFor(trx, wanted);
        const account = { email, name, password_hash: null, oidc_subject: subject, language };
        const newRow = { id, ...newUserRow(account, now) };
        await users.insertUser(trx, newRow);
        await users.replaceRoles(trx, id, grantRows(id, wanted));
        await recordAudit(trx, actorFor(id, claims.email), {
          entity: 'user',
          entityId: id,
          action: 'create',
          changes: fromNothing({
            email: newRow.email,
            name: newRow.name,
            oidc_subject: claims.subject,
            language: newRow.language,
            roles: grantsForAudit(wanted),
            method: 'sso',
          }),
        });
        row = newRow;
        created = true;
      }
    }
    if (row.active !== 1) throw deactivated(row.email);
    const actor = actorFor(row.id, row.email);

    if (mapping && !created) {
      const before = grantsForAudit((await getUser(trx, row.id)).roles);
      const after = grantsForAudit(wanted);
      if (before !== after) {
        await users.replaceRoles(trx, row.id, grantRows(row.id, wanted));
        await users.updateUser(trx, row.id, { updated_at: now });
        await recordAudit(trx, actor, {
          entity: 'user',
          entityId: row.id,
          action: 'roles.change',
          changes: { roles: { before, after } },
        });
      }
    }

    const token = await startSession(trx, row.id, meta.ip, meta.userAgent, policy);
    await users.updateUser(trx, row.id, { last_login_at: now });
    await recordAudit(trx, actor, {
      entity: 'session',
      entityId: row.id,
      action: 'login',
      changes: { method: { before: null, after: 'sso' } },
    });
    return { user: await getUser(trx, row.id), sessionToken: token, created };
  });
}

const deactivated = (email: string) =>
  new OidcError('deactivated', `The account ${email} is deactivated`);

import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { errors, type AppError, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/dates.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { fromNothing, diff, recordAudit, type Actor, type Changes } from '../audit/index.ts';
import { addressKey, BACK_OFF, backOffSeconds } from './backoff.ts';
import * as attempts from './login-attempt.repository.ts';
import * as mfaRepo from './mfa.repository.ts';
import {
  hashPassword,
  passwordProblem,
  verifyAgainstNothing,
  verifyPassword,
  type PasswordProblem,
} from './password.ts';
import { accountPolicy } from './account.policy.ts';
import { grantsOf, languageForm, loginForm, rolesForm } from './account.schema.ts';
import { isRole, type Role, type RoleGrant } from './roles.ts';
import * as sessions from './session.repository.ts';
import * as users from './user.repository.ts';
import { newUserRow } from './new-user.ts';

export type { User } from '../../platform/identity.ts';
import type { User } from '../../platform/identity.ts';

export type { SessionPolicy } from '../../platform/auth.ts';
import type { SessionPolicy } from '../../platform/auth.ts';
import { accountsErrors } from './errors.ts';

/**
 * The lockout of password-reset requests and two-step codes (a login's password has the
 * back-off of backoff.ts instead): this many per account or per address within the window.
 */
export const LOCKOUT = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

/** How long a login may wait for its two-step code (mfa.service.ts) before it starts over. */
export const MFA_PENDING_MAX_MS = 10 * 60_000;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export { hasRole } from '../../platform/roles.ts';

/** A stored language; anything else (never written, see migration 0012) reads as Swedish. */
export const languageOf = (value: string): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

function toUser(row: users.UserRow, roleRows: users.UserRoleRow[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    totpEnabled: row.totp_enabled === 1,
    lastLoginAt: row.last_login_at,
    language: languageOf(row.language),
    roles: roleRows
      .filter((r) => r.user_id === row.id && isRole(r.role))
      .map((r) => ({ role: r.role as Role, organisationId: r.organisation_id, cityId: r.city_id })),
  };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const row = await users.findUserById(db, id);
  if (!row) throw accountsErrors.userNotFound(id);
  return toUser(row, await users.listRolesOf(db, [id]));
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | null> {
  const row = await users.findUserByEmail(db, normaliseEmail(email));
  return row ? toUser(row, await users.listRolesOf(db, [row.id])) : null;
}

export async function listUsers(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ users: User[]; total: number }> {
  const [rows, total] = await Promise.all([
    users.listUsers(db.kysely, page),
    users.countUsers(db.kysely),
  ]);
  const roleRows = await users.listRolesOf(
    db.kysely,
    rows.map((r) => r.id),
  );
  return { users: rows.map((r) => toUser(r, roleRows)), total };
}

// ---- Validation ------------------------------------------------------------------

export function passwordError(problem: PasswordProblem): AppError {
  return errors.validation([{ path: 'password', message: `password.${problem}` }]);
}

/** Checks the scope each role needs: a reporter's organisation, a partner contact's city. */
async function checkGrants(db: Executor, grants: RoleGrant[]): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const g of grants) {
    if (g.role === 'reporter') {
      const org = g.organisationId
        ? await users.findActiveOrganisation(db, g.organisationId)
        : undefined;
      if (!org) problems.push({ path: 'organisation', message: 'role.reporterNeedsOrganisation' });
    } else if (g.role === 'partner') {
      const city = g.cityId ? await users.findTwinCity(db, g.cityId) : undefined;
      if (!city) problems.push({ path: 'city', message: 'role.partnerNeedsCity' });
    }
  }
  if (problems.length) throw errors.validation(problems);
}

/** The language of the twin cities' countries: Aarhus Danish, Bergen Norwegian, Turku Finnish. */
const LANGUAGE_OF_COUNTRY: Readonly<Record<string, Locale>> = { DK: 'da', NO: 'nb', FI: 'fi' };

/**
 * The language a new account gets when nobody chose one: a partner contact's city's
 * language, else Swedish (Gothenburg's own staff).
 */
export async function defaultLanguageFor(db: Executor, grants: RoleGrant[]): Promise<Locale> {
  for (const g of grants) {
    if (g.role !== 'partner' || !g.cityId) continue;
    const city = await users.findTwinCity(db, g.cityId);
    const language = city ? LANGUAGE_OF_COUNTRY[city.country_code.toUpperCase()] : undefined;
    if (language) return language;
  }
  return DEFAULT_LOCALE;
}

/** The `user_role` rows of a user's grants (a grant keeps only the scope its role has). */
export const grantRows = (userId: string, grants: RoleGrant[]) =>
  grants.map((g) => ({
    user_id: userId,
    role: g.role,
    organisation_id: g.role === 'reporter' ? g.organisationId : null,
    city_id: g.role === 'partner' ? g.cityId : null,
  }));

/** A grant as one word (`role:scope`): for the audit log and to tell grants apart. */
export const grantKey = (g: RoleGrant) =>
  [g.role, g.organisationId, g.cityId].filter(Boolean).join(':');

export const grantsForAudit = (grants: RoleGrant[]) => grants.map(grantKey).sort().join(', ');

// ---- Users -----------------------------------------------------------------------

export interface NewUser {
  email: string;
  name: string;
  roles: RoleGrant[];
  password?: string | undefined;
  /** The language of the person's mails and workspace; left out: `defaultLanguageFor` the roles. */
  language?: Locale | undefined;
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<User> {
  const email = normaliseEmail(input.email);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, email);
    if (problem) throw passwordError(problem);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return db.kysely.transaction().execute((trx) => insertNewUser(trx, actor, input, passwordHash));
}

/**
 * The inside of `createUser` for callers that own the transaction (an invitation adds
 * its token and mail to it): checks the address and the grants, inserts, audits.
 */
export async function insertNewUser(
  trx: Executor,
  actor: Actor,
  input: Omit<NewUser, 'password'>,
  passwordHash: string | null,
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (await users.findUserByEmail(trx, email)) throw accountsErrors.userExists(email);
  await checkGrants(trx, input.roles);
  const now = nowIso();
  const id = newId();
  const language = input.language ?? (await defaultLanguageFor(trx, input.roles));
  const name = input.name.trim();
  const row = { id, ...newUserRow({ email, name, password_hash: passwordHash, language }, now) };
  await users.insertUser(trx, row);
  await users.replaceRoles(trx, id, grantRows(id, input.roles));
  await recordAudit(trx, actor, {
    entity: 'user',
    entityId: id,
    action: 'create',
    changes: {
      ...diff(null, {
        email: row.email,
        name: row.name,
        password_hash: row.password_hash,
        language: row.language,
      }),
      roles: { before: null, after: grantsForAudit(input.roles) },
    },
  });
  return getUser(trx, id);
}

/** Changes a user's roles from the administration's form (rolesForm): role names and scopes. */
export async function updateUserRoles(
  db: Db,
  actor: Actor,
  userId: string,
  input: z.input<typeof rolesForm>,
): Promise<User> {
  const grants = grantsOf(parseOrThrow(rolesForm, input));
  return db.kysely.transaction().execute(async (trx) => {
    const before = await getUser(trx, userId);
    await checkGrants(trx, grants);
    await users.replaceRoles(trx, userId, grantRows(userId, grants));
    const after = await getUser(trx, userId);
    const b = grantsForAudit(before.roles);
    const a = grantsForAudit(after.roles);
    if (a !== b) {
      await users.updateUser(trx, userId, { updated_at: nowIso() });
      await recordAudit(trx, actor, {
        entity: 'user',
        entityId: userId,
        action: 'roles.change',
        changes: { roles: { before: b, after: a } },
      });
    }
    return after;
  });
}

/** One change to a user's row: the columns it sets, its audit event, what else it does. */
interface UserChange {
  set: Omit<Parameters<typeof users.updateUser>[2], 'updated_at'>;
  action: string;
  changes: Changes;
  also?: (trx: Executor) => Promise<unknown>;
}

/**
 * Changes a user's row as `change` says from the user as they are (null: nothing to change),
 * in one transaction with its audit event: the user after it.
 */
async function changeUser(
  db: Db,
  actor: Actor,
  userId: string,
  change: (before: User) => UserChange | null,
): Promise<User> {
  return db.kysely.transaction().execute(async (trx) => {
    const c = change(await getUser(trx, userId));
    if (c) {
      await users.updateUser(trx, userId, { ...c.set, updated_at: nowIso() });
      await c.also?.(trx);
      await recordAudit(trx, actor, {
        entity: 'user',
        entityId: userId,
        action: c.action,
        changes: c.changes,
      });
    }
    return getUser(trx, userId);
  });
}

export async function updateUserName(
  db: Db,
  actor: Actor,
  userId: string,
  name: string,
): Promise<User> {
  const after = { name: name.trim() };
  return changeUser(db, actor, userId, (before) =>
    before.name === after.name
      ? null
      : { set: after, action: 'update', changes: diff({ name: before.name }, after) },
  );
}

/**
 * A person changes the language of their own mails and workspace (languageForm); nobody
 * else's. A language that is not one of the five changes nothing.
 */
export async function setOwnLanguage(
  db: Db,
  actor: Actor,
  userId: string,
  input: z.input<typeof languageForm>,
): Promise<User> {
  if (!accountPolicy.changeLanguage(actor, userId)) throw errors.forbidden();
  const { language } = parseOrThrow(languageForm, input);
  return changeUser(db, actor, userId, (before) =>
    before.language === language
      ? null
      : {
          set: { language },
          action: 'language.change',
          changes: diff({ language: before.language }, { language }),
        },
  );
}

/** Deactivation, never deletion: a user who has acted stays in the record. */
export async function setUserActive(
  db: Db,
  actor: Actor,
  userId: string,
  active: boolean,
): Promise<User> {
  if (!accountPolicy.setActive(actor, userId, active)) throw errors.forbidden();
  return changeUser(db, actor, userId, (before) =>
    before.active === active
      ? null
      : {
          set: { active: active ? 1 : 0 },
          action: active ? 'activate' : 'deactivate',
          changes: { active: { before: before.active, after: active } },
          // Whoever is deactivated is signed out everywhere.
          also: active ? undefined : (trx) => sessions.deleteSessionsOfUser(trx, userId),
        },
  );
}

export async function setPassword(
  db: Db,
  actor: Actor,
  userId: string,
  password: string,
): Promise<void> {
  const user = await getUser(db.kysely, userId);
  const problem = passwordProblem(password, user.email);
  if (problem) throw passwordError(problem);
  const passwordHash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    await users.updateUser(trx, userId, { password_hash: passwordHash, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      entity: 'user',
      entityId: userId,
      action: 'password.set',
      changes: { password_hash: { before: user.hasPassword ? '(set)' : null, after: '(set)' } },
    });
  });
}

// ---- Login and sessions ----------------------------------------------------------

/** Why and for how long a login must wait before it is even tried (see `loginBackOff`). */
export interface LoginWait {
  seconds: number;
  /** Which back-off asks for the longer wait. */
  by: 'address' | 'account';
}

const remainingMs = (last: string | null, seconds: number, now: Date): number =>
  last !== null && seconds > 0 ? Date.parse(last) + seconds * 1000 - now.getTime() : 0;

/**
 * The back-off of failed logins (docs/decisions/015-lockout.md), or null when the login
 * may be tried now. Two waits, the longer one counts, each measured from a last failure:
 * - the address's: after `freePerAddress` failures from it (against any accounts) within
 *   the window, 1, 2, 4 … seconds after its latest failure;
 * - the account's: after `freePerAccount` failures against the account (from anywhere),
 *   1, 2, 4 … seconds after this address's latest failure against it, but only for an
 *   address that has failed against it since it last logged in to it. An address that has
 *   not failed is never slowed down by the account's failures, so the owner gets in.
 */
export async function loginBackOff(
  db: Executor,
  email: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<LoginWait | null> {
  const since = new Date(now.getTime() - BACK_OFF.windowMinutes * 60_000).toISOString();
  const address = addressKey(ip);
  const account = await attempts.summariseFailuresSince(db, 'login', { email }, since);
  const accountSeconds = backOffSeconds(account.count, BACK_OFF.freePerAccount);
  let byAddress = 0;
  let byAccount = 0;
  if (address === null) {
    // Not from a request (no address): the account's back-off applies as to a failed one.
    byAccount = remainingMs(account.last, accountSeconds, now);
  } else {
    const fromAddress = await attempts.summariseFailuresSince(db, 'login', { ip: address }, since);
    byAddress = remainingMs(
      fromAddress.last,
      backOffSeconds(fromAddress.count, BACK_OFF.freePerAddress),
      now,
    );
    if (accountSeconds > 0) {
      const pair = { email, ip: address };
      const success = await attempts.findLastSuccessSince(db, 'login', pair, since);
      const failed = await attempts.summariseFailuresSince(
        db,
        'login',
        pair,
        since,
        success ?? undefined,
      );
      if (failed.count > 0) byAccount = remainingMs(failed.last, accountSeconds, now);
    }
  }
  const wait = Math.max(byAddress, byAccount);
  if (wait <= 0) return null;
  return { seconds: Math.ceil(wait / 1000), by: byAddress >= byAccount ? 'address' : 'account' };
}

export async function recordAttempt(
  db: Executor,
  kind: 'login' | 'reset',
  email: string,
  ip: string | null,
  succeeded: boolean,
): Promise<void> {
  await attempts.insertLoginAttempt(db, {
    id: newId(),
    kind,
    email,
    ip: addressKey(ip),
    succeeded: succeeded ? 1 : 0,
    occurred_at: nowIso(),
  });
}

export interface LoginResult {
  user: User;
  sessionToken: string;
  /** Two-step verification is on: the session waits for the code at /login/mfa. */
  mfaPending?: boolean;
}

export async function login(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
): Promise<LoginResult> {
  // A form without an address or a password is a problem of the form, not a failed attempt.
  const form = parseOrThrow(loginForm, { email: input.email, password: input.password });
  const email = normaliseEmail(form.email);
  // Slowed down after failures from this address: refused before the password is even
  // checked (so a wait says nothing about it), and audited.
  const wait = await loginBackOff(db.kysely, email, input.ip);
  if (wait) {
    const known = await users.findUserByEmail(db.kysely, email);
    const actor: Actor = { userId: known?.id ?? null, label: email, ip: input.ip };
    await db.kysely.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        entity: 'session',
        entityId: null,
        action: 'login.throttled',
        changes: fromNothing({
          backOff: wait.by,
          retryAfter: wait.seconds,
        }),
      }),
    );
    throw accountsErrors.loginThrottled(wait.seconds);
  }
  const row = await users.findUserByEmail(db.kysely, email);
  const ok =
    row && row.active === 1 && row.password_hash
      ? await verifyPassword(row.password_hash, form.password)
      : await verifyAgainstNothing(form.password);
  const actor: Actor = { userId: row?.id ?? null, label: email, ip: input.ip };
  if (!ok || !row) {
    await db.kysely.transaction().execute(async (trx) => {
      await recordAttempt(trx, 'login', email, input.ip, false);
      await recordAudit(trx, actor, { entity: 'session', entityId: null, action: 'login.failed' });
    });
    throw accountsErrors.invalidCredentials();
  }
  // With two-step verification on, the password only opens a short-lived session that
  // grants nothing until the code is given (mfa.service.ts completeMfaLogin).
  const mfaPending = row.totp_enabled === 1 && row.totp_secret !== null;
  return db.kysely.transaction().execute(async (trx) => {
    await recordAttempt(trx, 'login', email, input.ip, true);
    const token = await startSession(
      trx,
      row.id,
      input.ip,
      input.userAgent,
      mfaPending ? { ...policy, maxAgeMs: Math.min(policy.maxAgeMs, MFA_PENDING_MAX_MS) } : policy,
    );
    if (mfaPending) {
      await mfaRepo.markSessionMfaPending(trx, sha256(token));
      await recordAudit(trx, actor, {
        entity: 'session',
        entityId: row.id,
        action: 'login.mfa-pending',
      });
      return { user: await getUser(trx, row.id), sessionToken: token, mfaPending };
    }
    await users.updateUser(trx, row.id, { last_login_at: nowIso() });
    await recordAudit(trx, actor, { entity: 'session', entityId: row.id, action: 'login' });
    return { user: await getUser(trx, row.id), sessionToken: token, mfaPending };
  });
}

/** A new session (a new id at every login); returns the cookie value. */
export async function startSession(
  db: Executor,
  userId: string,
  ip: string | null,
  userAgent: string | null,
  policy: SessionPolicy,
): Promise<string> {
  const token = newSecretToken();
  const now = new Date();
  await sessions.insertSession(db, {
    id: sha256(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + policy.maxAgeMs).toISOString(),
    ip,
    user_agent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export interface ResolvedSession {
  id: string;
  user: User;
  /**
   * The session waits for its two-step code: it must be treated as NOT logged in
   * (platform/auth.ts), except to log out or give the code at /login/mfa.
   */
  mfaPending: boolean;
}

/** The user behind a session cookie, or null when it is unknown, idle too long or too old. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  // With its two-step state (migration 0003-mfa).
  const session = await mfaRepo.findSessionWithMfa(db.kysely, id);
  if (!session) return null;
  const lastSeen = Date.parse(session.last_seen_at);
  if (
    Date.parse(session.expires_at) <= now.getTime() ||
    lastSeen + policy.idleMs <= now.getTime()
  ) {
    await sessions.deleteSession(db.kysely, id);
    return null;
  }
  const row = await users.findUserById(db.kysely, session.user_id);
  if (!row || row.active !== 1) return null;
  // Write the last-seen time at most once a minute.
  if (now.getTime() - lastSeen > 60_000)
    await sessions.touchSession(db.kysely, id, now.toISOString());
  return {
    id,
    user: toUser(row, await users.listRolesOf(db.kysely, [row.id])),
    mfaPending: session.mfa_pending === 1,
  };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, sessionId);
    await recordAudit(trx, actor, { entity: 'session', entityId: actor.userId, action: 'logout' });
  });
}

export async function logoutEverywhere(db: Db, actor: Actor, userId: string): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const n = await sessions.deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      entity: 'session',
      entityId: userId,
      action: 'logout.everywhere',
      changes: { sessions: { before: n, after: 0 } },
    });
    return n;
  });
}

export function countSessions(db: Db, userId: string): Promise<number> {
  return sessions.countSessionsOfUser(db.kysely, userId);
}

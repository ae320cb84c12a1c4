import { Secret, TOTP } from 'otpauth';
import type { Db, Executor } from '../../db/database.ts';
import { findSetting, upsertSetting } from '../../db/settings.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import {
  getUser,
  hasRole,
  LOCKOUT,
  resolveSession,
  startSession,
  type LoginResult,
  type SessionPolicy,
  type User,
} from './account.service.ts';
import { mfaCodeForm, mfaLoginForm, securityForm } from './account.schema.ts';
import { addressKey } from './backoff.ts';
import * as attempts from './login-attempt.repository.ts';
import * as repo from './mfa.repository.ts';
import { ROLES, type Role } from './roles.ts';
import * as sessions from './session.repository.ts';
import * as users from './user.repository.ts';
import { accountsErrors } from './errors.ts';

/**
 * Two-step verification for local accounts: a time-based one-time code (TOTP, RFC 6238:
 * SHA-1, 6 digits, 30 seconds) from an authenticator app, asked for after the password.
 * Single sign-on accounts get theirs from the identity provider.
 */
export const TOTP_ISSUER = 'Vänortsportalen';
export const TOTP_PERIOD = 30;
/** Codes of the step before and after are accepted too (clock drift). */
export const TOTP_WINDOW = 1;
/** The app_setting with the roles that must use two-step verification (comma list). */
export const MFA_REQUIRED_ROLES_KEY = 'mfa_required_roles';

/** A form field's problem, as the pages show it. */
const codeProblem = (message: string) => errors.validation([{ path: 'code', message }]);

export const mfaErrors = {
  /** The pending login is unknown, expired or already completed: log in again. */
  pendingSessionInvalid: accountsErrors.mfaSessionInvalid,
  alreadyEnabled: accountsErrors.mfaAlreadyEnabled,
} as const;

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The step (counter) a code belongs to within the window, or null when it matches none. */
export function matchingStep(
  secret: string,
  code: string,
  now: number = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret, 'check');
  const delta = totp.validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

// ---- Status ----------------------------------------------------------------------

export interface MfaStatus {
  enabled: boolean;
  /** Set while enrolment has started but no code has confirmed it yet. */
  enrolling: { secret: string; uri: string } | null;
  /** One of the user's roles requires two-step verification. */
  required: boolean;
  /** Only accounts that log in with a password can use it. */
  localAccount: boolean;
}

export async function getMfaStatus(db: Db, user: User): Promise<MfaStatus> {
  const row = await repo.findTotp(db.kysely, user.id);
  const enabled = row?.totp_enabled === 1;
  const secret = !enabled ? (row?.totp_secret ?? null) : null;
  return {
    enabled,
    enrolling: secret ? { secret, uri: otpauthUri(secret, user.email) } : null,
    required: await isMfaRequiredFor(db.kysely, user),
    localAccount: user.hasPassword,
  };
}

// ---- Required per role -------------------------------------------------------------

export async function getMfaRequiredRoles(db: Executor): Promise<Role[]> {
  const value = (await findSetting(db, MFA_REQUIRED_ROLES_KEY)) ?? '';
  return ROLES.filter((r) => value.split(',').includes(r));
}

async function isMfaRequiredFor(db: Executor, user: User): Promise<boolean> {
  if (!user.hasPassword) return false;
  const required = await getMfaRequiredRoles(db);
  return required.length > 0 && hasRole(user, ...required);
}

/**
 * True when the user must set up two-step verification before doing anything else:
 * a local account with a role that requires it, and none set up yet.
 */
export async function mustEnrollMfa(db: Db, user: User): Promise<boolean> {
  if (user.totpEnabled || !user.hasPassword) return false;
  return isMfaRequiredFor(db.kysely, user);
}

/** Administrators choose the roles that must use two-step verification. */
export async function setMfaRequiredRoles(
  db: Db,
  actor: Actor,
  by: User,
  roles: readonly string[],
): Promise<Role[]> {
  if (!hasRole(by, 'admin')) throw errors.forbidden();
  const form = parseOrThrow(securityForm, { roles });
  const wanted = ROLES.filter((r) => form.roles.includes(r));
  return db.kysely.transaction().execute(async (trx) => {
    const before = await getMfaRequiredRoles(trx);
    if (before.join(',') !== wanted.join(',')) {
      await upsertSetting(trx, MFA_REQUIRED_ROLES_KEY, wanted.join(','));
      await recordAudit(trx, actor, {
        entity: 'setting',
        entityId: MFA_REQUIRED_ROLES_KEY,
        action: 'mfa.required-roles',
        changes: { roles: { before: before.join(', '), after: wanted.join(', ') } },
      });
    }
    return wanted;
  });
}

// ---- Enrolment, confirmation, disabling ----------------------------------------------

/** Starts (or restarts) enrolment with a new secret; it does nothing until confirmed. */
export async function beginMfaEnrollment(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const user = await getUser(trx, userId);
    if (!user.hasPassword) {
      throw errors.validation([{ path: 'form', message: 'mfa.localOnly' }]);
    }
    const row = await repo.findTotp(trx, userId);
    if (row?.totp_enabled === 1) throw mfaErrors.alreadyEnabled();
    const secret = new Secret({ size: 20 }).base32;
    await repo.updateTotp(trx, userId, {
      totp_secret: secret,
      totp_enabled: 0,
      totp_last_step: null,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      entity: 'user',
      entityId: userId,
      action: 'mfa.enroll',
      changes: { totp_secret: { before: row?.totp_secret ? '(set)' : null, after: '(set)' } },
    });
  });
}

/** Confirms enrolment with a code from the app: from now on, logging in asks for one. */
export async function confirmMfaEnrollment(
  db: Db,
  actor: Actor,
  userId: string,
  input: string,
): Promise<void> {
  const { code } = parseOrThrow(mfaCodeForm, { code: input });
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findTotp(trx, userId);
    if (row?.totp_enabled === 1) throw mfaErrors.alreadyEnabled();
    if (!row?.totp_secret) throw codeProblem('mfa.notEnrolling');
    const step = matchingStep(row.totp_secret, code);
    if (step === null) throw codeProblem('mfa.codeWrong');
    await repo.updateTotp(trx, userId, {
      totp_enabled: 1,
      totp_last_step: step,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      entity: 'user',
      entityId: userId,
      action: 'mfa.enable',
      changes: { totp_enabled: { before: false, after: true } },
    });
  });
}

/** Turns two-step verification off; needs a current code, and a role that allows it. */
export async function disableMfa(
  db: Db,
  actor: Actor,
  user: User,
  input: string,
  ip: string | null,
): Promise<void> {
  const { code } = parseOrThrow(mfaCodeForm, { code: input });
  const row = await repo.findTotp(db.kysely, user.id);
  if (row?.totp_enabled !== 1 || !row.totp_secret) throw codeProblem('mfa.notEnabled');
  if (await isMfaRequiredFor(db.kysely, user)) throw codeProblem('mfa.disableRequired');
  await checkMfaLockout(db.kysely, user.email, ip);
  const step = matchingStep(row.totp_secret, code);
  const done =
    step !== null &&
    (await db.kysely.transaction().execute(async (trx) => {
      if (!(await repo.claimTotpStep(trx, user.id, step))) return false;
      await repo.updateTotp(trx, user.id, {
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        updated_at: nowIso(),
      });
      await recordMfaAttempt(trx, user.email, ip, true);
      await recordAudit(trx, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'mfa.disable',
        changes: {
          totp_enabled: { before: true, after: false },
          totp_secret: { before: '(set)', after: null },
        },
      });
      return true;
    }));
  if (!done) {
    await recordMfaFailure(db, actor, user, ip);
    throw codeProblem(step === null ? 'mfa.codeWrong' : 'mfa.codeUsed');
  }
}

/** An administrator clears a user's two-step verification (e.g. a lost phone). */
export async function resetMfa(db: Db, actor: Actor, by: User, userId: string): Promise<boolean> {
  if (!hasRole(by, 'admin')) throw errors.forbidden();
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findTotp(trx, userId);
    if (!row) throw accountsErrors.userNotFound(userId);
    if (row.totp_enabled !== 1 && row.totp_secret === null) return false;
    await repo.updateTotp(trx, userId, {
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      updated_at: nowIso(),
    });
    // A login half-way through (password given, code not yet) ends as well.
    await repo.deletePendingSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      entity: 'user',
      entityId: userId,
      action: 'mfa.reset',
      changes: {
        totp_enabled: { before: row.totp_enabled === 1, after: false },
        totp_secret: { before: row.totp_secret ? '(set)' : null, after: null },
      },
    });
    return true;
  });
}

// ---- The second step of logging in ------------------------------------------------------

export interface PendingLogin {
  sessionId: string;
  user: User;
}

/** The login behind a session cookie that waits for its code, or null. */
export async function findPendingLogin(
  db: Db,
  token: string | undefined,
  policy: SessionPolicy,
): Promise<PendingLogin | null> {
  if (!token) return null;
  const session = await resolveSession(db, token, policy);
  if (!session?.mfaPending || !session.user.totpEnabled) return null;
  return { sessionId: session.id, user: session.user };
}

async function checkMfaLockout(db: Executor, email: string, ip: string | null): Promise<void> {
  const since = new Date(Date.now() - LOCKOUT.windowMinutes * 60_000).toISOString();
  const byAccount = await attempts.countFailuresSince(db, 'mfa', { email }, since);
  const address = addressKey(ip);
  const byAddress = address
    ? await attempts.countFailuresSince(db, 'mfa', { ip: address }, since)
    : 0;
  if (byAccount >= LOCKOUT.perAccount || byAddress >= LOCKOUT.perAddress) {
    throw accountsErrors.tooManyAttempts(LOCKOUT.windowMinutes);
  }
}

function recordMfaAttempt(db: Executor, email: string, ip: string | null, succeeded: boolean) {
  return attempts.insertLoginAttempt(db, {
    id: newId(),
    kind: 'mfa',
    email,
    ip: addressKey(ip),
    succeeded: succeeded ? 1 : 0,
    occurred_at: nowIso(),
  });
}

async function recordMfaFailure(db: Db, actor: Actor, user: User, ip: string | null) {
  await db.kysely.transaction().execute(async (trx) => {
    await recordMfaAttempt(trx, user.email, ip, false);
    await recordAudit(trx, actor, {
      entity: 'session',
      entityId: user.id,
      action: 'login.mfa-failed',
    });
  });
}

/**
 * Completes a login with the code from the app: the waiting session is replaced by a
 * new, full one (a new id). A wrong or reused code counts towards the lockout.
 */
export async function completeMfaLogin(
  db: Db,
  token: string | undefined,
  input: { code: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
): Promise<LoginResult> {
  const pending = await findPendingLogin(db, token, policy);
  if (!pending) throw mfaErrors.pendingSessionInvalid();
  const { user } = pending;
  // A malformed code is a problem of the form: it neither counts nor waits for the lockout.
  const { code } = parseOrThrow(mfaLoginForm, { code: input.code });
  const actor: Actor = { userId: user.id, label: user.email, ip: input.ip };
  await checkMfaLockout(db.kysely, user.email, input.ip);
  const row = await repo.findTotp(db.kysely, user.id);
  if (row?.totp_enabled !== 1 || !row.totp_secret) throw mfaErrors.pendingSessionInvalid();
  const step = matchingStep(row.totp_secret, code);
  const result =
    step === null
      ? null
      : await db.kysely.transaction().execute(async (trx) => {
          if (!(await repo.claimTotpStep(trx, user.id, step))) return null;
          await sessions.deleteSession(trx, pending.sessionId);
          const sessionToken = await startSession(trx, user.id, input.ip, input.userAgent, policy);
          await users.updateUser(trx, user.id, { last_login_at: nowIso() });
          await recordMfaAttempt(trx, user.email, input.ip, true);
          await recordAudit(trx, actor, { entity: 'session', entityId: user.id, action: 'login' });
          return { user: await getUser(trx, user.id), sessionToken, mfaPending: false };
        });
  if (!result) {
    await recordMfaFailure(db, actor, user, input.ip);
    throw codeProblem(step === null ? 'mfa.codeWrong' : 'mfa.codeUsed');
  }
  return result;
}

import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { isEnabledLocale, type Locale } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';
import { nowIso } from '../../shared/dates.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import {
  getUser,
  insertNewUser,
  languageOf,
  LOCKOUT,
  newSecretToken,
  normaliseEmail,
  passwordError,
  recordAttempt,
  sha256,
  type User,
} from './account.service.ts';
import {
  grantsOf,
  inviteForm,
  invitationSchema,
  newPasswordForm,
  resetRequestForm,
} from './account.schema.ts';
import { revokeActiveApiTokens } from './api-token.service.ts';
import { addressKey } from './backoff.ts';
import { hashPassword, passwordProblem } from './password.ts';
import type { RoleGrant } from './roles.ts';
import * as sessions from './session.repository.ts';
import * as tokens from './user-token.repository.ts';
import * as users from './user.repository.ts';
import { accountsErrors } from './errors.ts';

/** What an e-mailed one-time link is for. */
export type TokenKind = 'reset' | 'invite';

export const RESET_VALID_MINUTES = 30;
export const INVITE_VALID_DAYS = 7;

const VALIDITY_MS: Record<TokenKind, number> = {
  reset: RESET_VALID_MINUTES * 60_000,
  invite: INVITE_VALID_DAYS * 86_400_000,
};

/** Tokens are 32 random bytes in base64url (43 characters); anything else is not one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** What a mailed link is for, with what its text needs. */
type LinkMail = { kind: 'reset' } | { kind: 'invite'; name: string };

/**
 * The languages of a mail to a person: theirs first, then English for a reader who
 * prefers it (a Swedish account keeps its Swedish + English mail); English alone for an
 * English account.
 */
const mailLanguages = (language: Locale): Locale[] =>
  language === 'en' ? ['en'] : [language, 'en'];

/**
 * A link mail in the recipient's languages (`mailLanguages`): subjects joined by " / ",
 * texts one after the other. Each part's link opens the page in that part's language.
 */
function mailText(mail: LinkMail, language: Locale, baseUrl: string, token: string) {
  const parts = mailLanguages(language).map((locale) => {
    const { t } = i18nFor(locale);
    const link = linkFor(baseUrl, mail.kind, token, locale);
    return mail.kind === 'reset'
      ? {
          subject: t('mail.reset.subject'),
          text: t('mail.reset.text', { link, minutes: RESET_VALID_MINUTES }),
        }
      : {
          subject: t('mail.invite.subject'),
          text: t('mail.invite.text', { name: mail.name, link, days: INVITE_VALID_DAYS }),
        };
  });
  return {
    subject: parts.map((p) => p.subject).join(' / '),
    text: `${parts.map((p) => p.text).join('\n\n---\n\n')}\n`,
  };
}

/** Creates a one-time token for a user; returns the token for the link (only its hash is stored). */
async function issueToken(trx: Executor, userId: string, kind: TokenKind): Promise<string> {
  const token = newSecretToken();
  const now = new Date();
  await tokens.insertUserToken(trx, {
    id: sha256(token),
    user_id: userId,
    kind,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + VALIDITY_MS[kind]).toISOString(),
    used_at: null,
  });
  return token;
}

/** The one-time link's page in a language: `/reset/…` in Swedish, `/nb/reset/…` in Norwegian. */
const linkFor = (baseUrl: string, kind: TokenKind, token: string, locale: Locale) =>
  `${baseUrl.replace(/\/+$/, '')}${localizePath(`/${kind}/${token}`, locale)}`;

// ---- Asking for a reset ----------------------------------------------------------

/** Refuses when the address or the e-mail has asked for links too often lately. */
async function checkResetLockout(db: Executor, email: string, ip: string | null): Promise<void> {
  const since = new Date(Date.now() - LOCKOUT.windowMinutes * 60_000).toISOString();
  const byAccount = await tokens.countResetRequestsSince(db, { email }, since);
  const byAddress = ip ? await tokens.countResetRequestsSince(db, { ip }, since) : 0;
  if (byAccount >= LOCKOUT.perAccount || byAddress >= LOCKOUT.perAddress) {
    throw accountsErrors.tooManyAttempts(LOCKOUT.windowMinutes);
  }
}

/**
 * Mails a one-time link (valid 30 minutes) to an active user, in the user's language (then
 * English). For an unknown or inactive address nothing is sent and the caller sees no
 * difference; the attempt is recorded for the lockout either way. Throws TOO_MANY_ATTEMPTS after 5 requests per e-mail or 20 per
 * address within 15 minutes.
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  email: string,
  baseUrl: string,
): Promise<void> {
  const address = normaliseEmail(parseOrThrow(resetRequestForm, { email }).email);
  await checkResetLockout(db.kysely, address, addressKey(actor.ip));
  const who: Actor = actor.userId ? actor : { ...actor, label: address };
  await db.kysely.transaction().execute(async (trx) => {
    const row = await users.findUserByEmail(trx, address);
    if (!row || row.active !== 1) {
      await recordAttempt(trx, 'reset', address, actor.ip, false);
      await recordAudit(trx, who, {
        entity: 'user',
        entityId: null,
        action: 'password.reset.refused',
      });
      return;
    }
    await recordAttempt(trx, 'reset', address, actor.ip, true);
    const token = await issueToken(trx, row.id, 'reset');
    await mailer.send(trx, {
      to: row.email,
      ...mailText({ kind: 'reset' }, languageOf(row.language), baseUrl, token),
    });
    await recordAudit(trx, who, {
      entity: 'user',
      entityId: row.id,
      action: 'password.reset.requested',
    });
  });
}

// ---- Invitations -----------------------------------------------------------------

export interface Invitation {
  email: string;
  name: string;
  roles: RoleGrant[];
  /** The language of the invitation and the workspace; left out: chosen from the roles. */
  language?: Locale | undefined;
}

/**
 * Creates a user without a password and mails a one-time link (valid 7 days) where they
 * choose one, in the user's language (then English); user, roles, token, mail and audit
 * events in one transaction.
 */
export async function inviteUser(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: Invitation,
  baseUrl: string,
): Promise<User> {
  const parsed = parseOrThrow(invitationSchema, { email: input.email, name: input.name });
  return db.kysely.transaction().execute(async (trx) => {
    const user = await insertNewUser(trx, actor, { ...input, ...parsed }, null);
    const token = await issueToken(trx, user.id, 'invite');
    await mailer.send(trx, {
      to: user.email,
      ...mailText({ kind: 'invite', name: user.name }, user.language, baseUrl, token),
    });
    await recordAudit(trx, actor, { entity: 'user', entityId: user.id, action: 'invite.sent' });
    return user;
  });
}

/** An invitation from the administration's form (inviteForm): role names and scopes. */
export async function inviteUserByForm(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: z.input<typeof inviteForm>,
  baseUrl: string,
): Promise<User> {
  const form = parseOrThrow(inviteForm, input);
  return inviteUser(
    db,
    mailer,
    actor,
    {
      email: form.email,
      name: form.name,
      roles: grantsOf(form),
      language: isEnabledLocale(form.language) ? form.language : undefined,
    },
    baseUrl,
  );
}

// ---- Using a link ----------------------------------------------------------------

/** The token's row when it may be used now, else TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED. */
async function usableToken(
  db: Executor,
  kind: TokenKind,
  token: string,
  now: Date,
): Promise<tokens.UserTokenRow> {
  if (!TOKEN_SHAPE.test(token)) throw accountsErrors.tokenInvalid();
  const row = await tokens.findUserToken(db, sha256(token));
  if (!row || row.kind !== kind || row.active !== 1) throw accountsErrors.tokenInvalid();
  if (row.used_at !== null) throw accountsErrors.tokenUsed();
  if (Date.parse(row.expires_at) <= now.getTime()) throw accountsErrors.tokenExpired();
  return row;
}

/** Checks a link before showing its form; returns the account's e-mail address. */
export async function checkToken(
  db: Db,
  kind: TokenKind,
  token: string,
): Promise<{ email: string }> {
  const row = await usableToken(db.kysely, kind, token, new Date());
  return { email: row.email };
}

/**
 * Sets a new password through a one-time link: the link is then used up (and the user's
 * other open links with it), every session of the user ends and every API token of the
 * user is revoked. A bad, used or expired
 * link, or a password that is not good enough, changes nothing.
 */
export async function redeemToken(
  db: Db,
  actor: Actor,
  kind: TokenKind,
  token: string,
  newPassword: string,
): Promise<User> {
  const found = await usableToken(db.kysely, kind, token, new Date());
  const problem = passwordProblem(newPassword, found.email);
  if (problem) throw passwordError(problem);
  const passwordHash = await hashPassword(newPassword);
  return db.kysely.transaction().execute(async (trx) => {
    // Again inside the transaction: the link may have been used meanwhile.
    const row = await usableToken(trx, kind, token, new Date());
    const now = nowIso();
    if (!(await tokens.updateTokenUsed(trx, row.id, now))) throw accountsErrors.tokenUsed();
    const closed = await tokens.updateOtherTokensUsed(trx, row.user_id, row.id, now);
    await users.updateUser(trx, row.user_id, { password_hash: passwordHash, updated_at: now });
    const ended = await sessions.deleteSessionsOfUser(trx, row.user_id);
    const who: Actor = actor.userId
      ? actor
      : { userId: row.user_id, label: row.email, ip: actor.ip };
    // Whoever held the account before the link (a stolen password) keeps no way in: the
    // API tokens end with the sessions, each revocation audited.
    const revoked = await revokeActiveApiTokens(trx, who, row.user_id);
    await recordAudit(trx, who, {
      entity: 'user',
      entityId: row.user_id,
      action: kind === 'reset' ? 'password.reset' : 'invite.accepted',
      changes: {
        password_hash: { before: row.password_hash === null ? null : '(set)', after: '(set)' },
        sessions: { before: ended, after: 0 },
        ...(closed > 0 ? { openLinks: { before: closed, after: 0 } } : {}),
        ...(revoked > 0 ? { apiTokens: { before: revoked, after: 0 } } : {}),
      },
    });
    return getUser(trx, row.user_id);
  });
}

/** The new-password form of a link (newPasswordForm: typed twice), then `redeemToken`. */
export async function chooseNewPassword(
  db: Db,
  actor: Actor,
  kind: TokenKind,
  token: string,
  input: z.input<typeof newPasswordForm>,
): Promise<User> {
  const form = parseOrThrow(newPasswordForm, input);
  return redeemToken(db, actor, kind, token, form.password);
}

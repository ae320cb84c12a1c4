/** The newsletter's settings, one-time tokens, the mail-or-refuse step and the topics (twin cities). */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { type Locale } from '../../platform/i18n/locales.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { smtpAnswer } from '../../platform/mail/mailer.ts';
import { errors } from '../../shared/errors.ts';
import { type Actor } from '../audit/index.ts';
import { listCities, localized } from '../cities/index.ts';

/** The settings the newsletter works by (from the configuration; defaults for tests). */
export interface NewsletterSettings {
  confirmHours: number;
  retentionDays: number;
  ratePerMinute: number;
  batchSize: number;
  maxAttempts: number;
}

export const DEFAULT_SETTINGS: NewsletterSettings = {
  confirmHours: 48,
  retentionDays: 30,
  ratePerMinute: 120,
  batchSize: 20,
  maxAttempts: 3,
};

/** A waiting address gets at most one confirmation mail in this time. */
export const CONFIRM_RESEND_MS = 5 * 60_000;

/** A claim older than this whose answer was never recorded counts as interrupted. */
export const STALE_CLAIM_MS = 10 * 60_000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are 32 random bytes in base64url (43 characters); anything else is not one. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Who did it, without the address: the audit trail must not keep what an erasure removes. */
export const SUBSCRIBER_ACTOR = (actor: Actor): Actor => ({
  ...actor,
  userId: null,
  label: 'subscriber',
});

/**
 * Sends a mail that the person waits for on the page (a confirmation, a test): when the mail
 * server refuses or cannot be reached, the form says so (and the surrounding transaction,
 * with what it stored, is rolled back) instead of an error page.
 */
export async function sendOrRefuse(
  mailer: Mailer,
  trx: Executor,
  message: Parameters<Mailer['send']>[1],
  refusal: 'newsletter.err.mailFailed' | 'newsletter.err.testFailed',
): Promise<void> {
  try {
    await mailer.send(trx, message);
  } catch (error) {
    const { answer } = smtpAnswer(error);
    throw errors.validation([{ path: 'form', message: refusal, params: { answer } }]);
  }
}

// ---- Topics: the twin cities -------------------------------------------------------

export interface Topic {
  slug: string;
  name: string;
  lang: Locale;
  id: string;
}

/** The topics a subscriber may choose: the active twin cities, named in `locale`. */
export async function topicChoices(db: Db, locale: Locale): Promise<Topic[]> {
  const cities = await listCities(db);
  return cities
    .filter((c) => c.kind === 'twin' && c.status === 'active')
    .map((c) => {
      const name = localized(c, locale);
      return { slug: c.slug, id: c.id, name: name.name, lang: name.lang };
    });
}

export const splitTopics = (value: string) => value.split(',').filter(Boolean);

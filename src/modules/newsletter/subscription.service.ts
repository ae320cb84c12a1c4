/** Subscriptions: double opt-in, the subscriber's own page (see, unsubscribe, export, erase) and retention. */
import type { Db, Executor } from '../../db/database.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { fromNothing, recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import { confirmUrl, subscriptionUrl } from './newsletter.mail.ts';
import * as repo from './newsletter.repository.ts';
import { subscribeForm } from './newsletter.schema.ts';
import {
  CONFIRM_RESEND_MS,
  DEFAULT_SETTINGS,
  SUBSCRIBER_ACTOR,
  TOKEN_SHAPE,
  newToken,
  sendOrRefuse,
  sha256,
  splitTopics,
  topicChoices,
  type NewsletterSettings,
} from './newsletter.common.ts';
import { newsletterErrors } from './errors.ts';

// ---- Subscribing ------------------------------------------------------------------

/**
 * Subscribes an address with double opt-in: a new or not yet confirmed address gets a
 * confirmation mail (its link opens a page whose button confirms); an address already
 * confirmed gets a mail with the link to its subscription, and nothing changes. The caller
 * sees the same answer either way, so the form never reveals who subscribes.
 */
export async function subscribe(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  input: { email: string; language: string; topics: readonly string[] },
  options: { baseUrl: string; settings?: Pick<NewsletterSettings, 'confirmHours'> },
): Promise<void> {
  const values = parseOrThrow(subscribeForm, input);
  const topics = await topicChoices(db, 'sv');
  const chosen = [...new Set(values.topics)];
  if (chosen.some((slug) => !topics.some((t) => t.slug === slug))) {
    throw errors.validation([{ path: 'topics', message: 'newsletter.err.topicUnknown' }]);
  }
  const email = values.email.trim().toLowerCase();
  const hours = options.settings?.confirmHours ?? DEFAULT_SETTINGS.confirmHours;
  const now = new Date();
  const who = SUBSCRIBER_ACTOR(actor);
  await db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findSubscriberByEmail(trx, email);
    if (existing?.status === 'confirmed') {
      const lang = isLocale(existing.language) ? existing.language : 'sv';
      await mailSubscriber(mailer, trx, email, lang, (t) => ({
        subject: t('newsletter.mail.already.subject'),
        text: t('newsletter.mail.already.text', {
          link: subscriptionUrl(options.baseUrl, existing.manage_token, lang),
        }),
      }));
      await recordAudit(trx, who, {
        entity: 'newsletter_subscriber',
        entityId: existing.id,
        action: 'newsletter.subscribe.repeated',
      });
      return;
    }
    if (
      existing?.status === 'pending' &&
      now.getTime() - Date.parse(existing.updated_at) < CONFIRM_RESEND_MS &&
      (existing.confirm_expires_at ?? '') > now.toISOString()
    ) {
      // A confirmation mail went to this address minutes ago and its link still works: the
      // form is not a way to flood someone's inbox. The answer stays the same.
      await recordAudit(trx, who, {
        entity: 'newsletter_subscriber',
        entityId: existing.id,
        action: 'newsletter.subscribe.throttled',
      });
      return;
    }
    const token = newToken();
    const stamp = now.toISOString();
    const expires = new Date(now.getTime() + hours * 3600_000).toISOString();
    // A new address and one asked again (pending, unsubscribed) wait for the same confirmation.
    const pending = {
      language: values.language,
      topics: chosen.join(','),
      status: 'pending',
      confirm_token_hash: sha256(token),
      confirm_expires_at: expires,
      confirmed_at: null,
      unsubscribed_at: null,
      updated_at: stamp,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.updateSubscriber(trx, id, pending);
    } else {
      id = newId();
      await repo.insertSubscriber(trx, {
        id,
        email,
        ...pending,
        manage_token: newToken(),
        created_at: stamp,
      });
    }
    await mailSubscriber(mailer, trx, email, values.language, (t) => ({
      subject: t('newsletter.mail.confirm.subject'),
      text: t('newsletter.mail.confirm.text', {
        link: confirmUrl(options.baseUrl, token, values.language),
        hours,
      }),
    }));
    await recordAudit(trx, who, {
      entity: 'newsletter_subscriber',
      entityId: id,
      action: 'newsletter.subscribe',
      changes: fromNothing({
        language: values.language,
        topics: chosen.join(','),
      }),
    });
  });
}

/**
 * Sends a subscriber the mail `compose` writes in `language` (the text ends with a line
 * break); when it cannot go, the form refuses with newsletter.err.mailFailed.
 */
async function mailSubscriber(
  mailer: Mailer,
  trx: Executor,
  to: string,
  language: Locale,
  compose: (t: ReturnType<typeof i18nFor>['t']) => { subject: string; text: string },
): Promise<void> {
  const { subject, text } = compose(i18nFor(language).t);
  await sendOrRefuse(
    mailer,
    trx,
    { to, subject, text: `${text}\n`, language },
    'newsletter.err.mailFailed',
  );
}

/** The subscriber a confirmation link belongs to; refuses an unknown, expired or used link. */
async function subscriberOfConfirmLink(db: Executor, token: string, now: Date) {
  if (!TOKEN_SHAPE.test(token)) throw newsletterErrors.newsletterLinkInvalid();
  const row = await repo.findSubscriberByConfirmHash(db, sha256(token));
  if (!row) throw newsletterErrors.newsletterLinkInvalid();
  if (row.status !== 'pending') throw newsletterErrors.newsletterLinkUsed();
  if (!row.confirm_expires_at || row.confirm_expires_at <= now.toISOString()) {
    throw newsletterErrors.newsletterLinkExpired();
  }
  return row;
}

/** Checks a confirmation link without using it (the page with the button). */
export async function checkConfirmLink(db: Db, token: string, now = new Date()) {
  const row = await subscriberOfConfirmLink(db.kysely, token, now);
  return { language: isLocale(row.language) ? row.language : ('sv' as Locale) };
}

/** Confirms a subscription (the button on the link's page); the link works once. */
export async function confirmSubscription(
  db: Db,
  actor: Actor,
  token: string,
  now = new Date(),
): Promise<{ manageToken: string; language: Locale }> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await subscriberOfConfirmLink(trx, token, now);
    await repo.updateSubscriber(trx, row.id, {
      status: 'confirmed',
      confirmed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, SUBSCRIBER_ACTOR(actor), {
      entity: 'newsletter_subscriber',
      entityId: row.id,
      action: 'newsletter.confirm',
    });
    return {
      manageToken: row.manage_token,
      language: isLocale(row.language) ? row.language : 'sv',
    };
  });
}

// ---- The subscription's own page: see, unsubscribe, export, erase -----------------

export interface Subscription {
  email: string;
  language: Locale;
  topics: string[];
  status: 'pending' | 'confirmed' | 'unsubscribed';
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  /** When the address will be deleted (unsubscribed: after the retention period). */
  deleteAfter: string | null;
}

async function subscriberOfManageToken(db: Executor, token: string) {
  if (!TOKEN_SHAPE.test(token)) throw newsletterErrors.newsletterLinkInvalid();
  const row = await repo.findSubscriberByManageToken(db, token);
  if (!row) throw newsletterErrors.newsletterLinkInvalid();
  return row;
}

function toSubscription(row: repo.SubscriberRow, retentionDays: number): Subscription {
  return {
    email: row.email,
    language: isLocale(row.language) ? row.language : 'sv',
    topics: splitTopics(row.topics),
    status: row.status as Subscription['status'],
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    deleteAfter: row.unsubscribed_at
      ? new Date(Date.parse(row.unsubscribed_at) + retentionDays * 86_400_000).toISOString()
      : null,
  };
}

/** What is stored about the subscription a link's token belongs to. */
export async function subscriptionOf(
  db: Db,
  token: string,
  retentionDays = DEFAULT_SETTINGS.retentionDays,
): Promise<Subscription> {
  return toSubscription(await subscriberOfManageToken(db.kysely, token), retentionDays);
}

/**
 * Unsubscribes: no newsletter is sent to the address from now on (queued deliveries are
 * skipped); the address is deleted after the retention period by the nightly job.
 * `via`: the page's button or an RFC 8058 one-click POST. Unsubscribing twice changes nothing.
 */
export async function unsubscribe(
  db: Db,
  actor: Actor,
  token: string,
  via: 'page' | 'one-click',
): Promise<{ language: Locale }> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await subscriberOfManageToken(trx, token);
    const language = isLocale(row.language) ? row.language : 'sv';
    if (row.status === 'unsubscribed') return { language };
    const now = nowIso();
    await repo.updateSubscriber(trx, row.id, {
      status: 'unsubscribed',
      unsubscribed_at: now,
      updated_at: now,
    });
    await recordAudit(trx, SUBSCRIBER_ACTOR(actor), {
      entity: 'newsletter_subscriber',
      entityId: row.id,
      action: via === 'one-click' ? 'newsletter.unsubscribe.oneClick' : 'newsletter.unsubscribe',
    });
    return { language };
  });
}

/** Everything stored about a subscription, for the person's own download (JSON). */
export async function exportSubscription(db: Db, token: string, retentionDays?: number) {
  const row = await subscriberOfManageToken(db.kysely, token);
  const deliveries = await repo.listDeliveriesOfSubscriber(db.kysely, row.id);
  const texts = await repo.listIssueTexts(db.kysely, [
    ...new Set(deliveries.map((d) => d.issue_id)),
  ]);
  const s = toSubscription(row, retentionDays ?? DEFAULT_SETTINGS.retentionDays);
  return {
    subscription: s,
    newsletters: deliveries.map((d) => ({
      subject:
        texts.find((t) => t.issue_id === d.issue_id && t.lang === (d.language ?? 'sv'))?.subject ??
        null,
      language: d.language,
      status: d.status,
      attempts: d.attempts,
      sentAt: d.sent_at,
    })),
  };
}

/** The manage token of an address's subscription, or null (the privacy module's export). */
export async function subscriptionTokenOf(db: Executor, email: string): Promise<string | null> {
  const row = await repo.findSubscriberByEmail(db, email.trim().toLowerCase());
  return row?.manage_token ?? null;
}

/**
 * Deletes an address's subscription in the caller's transaction, audited (an administrator
 * erasing a person's data at their request, the privacy module). Whether there was one.
 */
export async function eraseSubscriberOf(
  db: Executor,
  actor: Actor,
  email: string,
): Promise<boolean> {
  const row = await repo.findSubscriberByEmail(db, email.trim().toLowerCase());
  if (!row) return false;
  await repo.deleteSubscribers(db, [row.id]);
  await recordAudit(db, actor, {
    entity: 'newsletter_subscriber',
    entityId: row.id,
    action: 'newsletter.erase',
  });
  return true;
}

/** Deletes the address and everything tied to it now, at the person's request. */
export async function eraseSubscription(db: Db, actor: Actor, token: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await subscriberOfManageToken(trx, token);
    await repo.deleteSubscribers(trx, [row.id]);
    await recordAudit(trx, SUBSCRIBER_ACTOR(actor), {
      entity: 'newsletter_subscriber',
      entityId: row.id,
      action: 'newsletter.erase',
    });
  });
}

/**
 * The addresses the retention job deletes at `now`: the same rule as the job's, for its dry
 * run (the privacy module's `vanort privacy retention --dry-run`).
 */
export function subscribersPastRetention(
  db: Executor,
  now: Date,
  retentionDays: number,
): Promise<string[]> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return repo.listSubscribersDueForDeletion(db, {
    unsubscribedBefore: before,
    expiredBefore: before,
  });
}

/**
 * The retention job: deletes the addresses unsubscribed more than `retentionDays` ago, and
 * those never confirmed whose link expired more than `retentionDays` ago. Audited as one event.
 */
export async function deleteExpiredSubscribers(
  db: Db,
  now: Date,
  retentionDays: number,
): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const ids = await subscribersPastRetention(trx, now, retentionDays);
    const deleted = await repo.deleteSubscribers(trx, ids);
    if (deleted > 0) {
      await recordAudit(trx, SYSTEM_ACTOR, {
        entity: 'newsletter_subscriber',
        entityId: null,
        action: 'newsletter.retention.deleted',
        changes: fromNothing({
          deleted,
          retentionDays,
        }),
      });
    }
    return deleted;
  });
}

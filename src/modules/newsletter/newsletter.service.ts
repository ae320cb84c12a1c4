import { createHash, randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { ALL_LOCALES, isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { smtpAnswer } from '../../platform/mail/mailer.ts';
import { currentYear, formatDateRange, nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import { getChain, listCities, localized, type City } from '../cities/index.ts';
import { publicCollaborationChanges } from '../collaborations/index.ts';
import { listMeetings } from '../meetings/index.ts';
import { listPublishedNews, newsVersion } from '../news/index.ts';
import {
  confirmUrl,
  renderIssueMail,
  subscriptionUrl,
  versionFor,
  type IssueVersion,
} from './newsletter.mail.ts';
import * as repo from './newsletter.repository.ts';
import { issueForm, subscribeForm, testForm, type IssueInput } from './newsletter.schema.ts';

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

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
/** Tokens are 32 random bytes in base64url (43 characters); anything else is not one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Who did it, without the address: the audit trail must not keep what an erasure removes. */
const SUBSCRIBER_ACTOR = (actor: Actor): Actor => ({ ...actor, userId: null, label: 'subscriber' });

/**
 * Sends a mail that the person waits for on the page (a confirmation, a test): when the mail
 * server refuses or cannot be reached, the form says so (and the surrounding transaction,
 * with what it stored, is rolled back) instead of an error page.
 */
async function sendOrRefuse(
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

const splitTopics = (value: string) => value.split(',').filter(Boolean);

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
      const { t } = i18nFor(lang);
      await sendOrRefuse(
        mailer,
        trx,
        {
          to: email,
          subject: t('newsletter.mail.already.subject'),
          text: `${t('newsletter.mail.already.text', {
            link: subscriptionUrl(options.baseUrl, existing.manage_token, lang),
          })}\n`,
          language: lang,
        },
        'newsletter.err.mailFailed',
      );
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
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.updateSubscriber(trx, id, {
        language: values.language,
        topics: chosen.join(','),
        status: 'pending',
        confirm_token_hash: sha256(token),
        confirm_expires_at: expires,
        confirmed_at: null,
        unsubscribed_at: null,
        updated_at: stamp,
      });
    } else {
      id = newId();
      await repo.insertSubscriber(trx, {
        id,
        email,
        language: values.language,
        topics: chosen.join(','),
        status: 'pending',
        confirm_token_hash: sha256(token),
        confirm_expires_at: expires,
        confirmed_at: null,
        manage_token: newToken(),
        unsubscribed_at: null,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    const { t } = i18nFor(values.language);
    await sendOrRefuse(
      mailer,
      trx,
      {
        to: email,
        subject: t('newsletter.mail.confirm.subject'),
        text: `${t('newsletter.mail.confirm.text', {
          link: confirmUrl(options.baseUrl, token, values.language),
          hours,
        })}\n`,
        language: values.language,
      },
      'newsletter.err.mailFailed',
    );
    await recordAudit(trx, who, {
      entity: 'newsletter_subscriber',
      entityId: id,
      action: 'newsletter.subscribe',
      changes: {
        language: { before: null, after: values.language },
        topics: { before: null, after: chosen.join(',') },
      },
    });
  });
}

/** The subscriber a confirmation link belongs to; refuses an unknown, expired or used link. */
async function subscriberOfConfirmLink(db: Executor, token: string, now: Date) {
  if (!TOKEN_SHAPE.test(token)) throw errors.newsletterLinkInvalid();
  const row = await repo.findSubscriberByConfirmHash(db, sha256(token));
  if (!row) throw errors.newsletterLinkInvalid();
  if (row.status !== 'pending') throw errors.newsletterLinkUsed();
  if (!row.confirm_expires_at || row.confirm_expires_at <= now.toISOString()) {
    throw errors.newsletterLinkExpired();
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
  if (!TOKEN_SHAPE.test(token)) throw errors.newsletterLinkInvalid();
  const row = await repo.findSubscriberByManageToken(db, token);
  if (!row) throw errors.newsletterLinkInvalid();
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
 * The retention job: deletes the addresses unsubscribed more than `retentionDays` ago, and
 * those never confirmed whose link expired more than `retentionDays` ago. Audited as one event.
 */
export async function deleteExpiredSubscribers(
  db: Db,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const ids = await repo.listSubscribersDueForDeletion(trx, {
      unsubscribedBefore: before,
      expiredBefore: before,
    });
    const deleted = await repo.deleteSubscribers(trx, ids);
    if (deleted > 0) {
      await recordAudit(trx, SYSTEM_ACTOR, {
        entity: 'newsletter_subscriber',
        entityId: null,
        action: 'newsletter.retention.deleted',
        changes: {
          deleted: { before: null, after: deleted },
          retentionDays: { before: null, after: retentionDays },
        },
      });
    }
    return deleted;
  });
}

// ---- Issues -----------------------------------------------------------------------

export interface Issue {
  id: string;
  status: 'draft' | 'sending' | 'sent';
  topics: string[];
  digestSince: string | null;
  versions: IssueVersion[];
  createdAt: string;
  updatedAt: string;
  sendStartedAt: string | null;
  sentAt: string | null;
}

function toIssue(row: repo.IssueRow, texts: readonly repo.IssueTextRow[]): Issue {
  return {
    id: row.id,
    status: row.status as Issue['status'],
    topics: splitTopics(row.topics),
    digestSince: row.digest_since,
    versions: ALL_LOCALES.flatMap((lang) => {
      const t = texts.find((x) => x.issue_id === row.id && x.lang === lang);
      return t ? [{ lang, subject: t.subject, body: t.body }] : [];
    }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sendStartedAt: row.send_started_at,
    sentAt: row.sent_at,
  };
}

export async function getIssue(db: Db, id: string): Promise<Issue> {
  const row = await repo.findIssue(db.kysely, id);
  if (!row) throw errors.newsletterIssueNotFound(id);
  return toIssue(row, await repo.listIssueTexts(db.kysely, [id]));
}

export async function listIssues(db: Db, limit = 50): Promise<Issue[]> {
  const rows = await repo.listIssues(db.kysely, limit);
  const texts = await repo.listIssueTexts(
    db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toIssue(r, texts));
}

export const subscriberCounts = (db: Db) => repo.countSubscribersByStatus(db.kysely);

/** What the digest found: the items behind the suggested text. */
export interface Digest {
  since: string | null;
  news: number;
  meetings: number;
  collaborations: number;
  /** The twin cities the items are about (slugs). */
  topics: string[];
  versions: IssueVersion[];
}

const abs = (baseUrl: string, path: string, lang: Locale) =>
  `${baseUrl.replace(/\/+$/, '')}${localizePath(path, lang)}`;

/**
 * The suggested digest since the last issue went out: news published since then, the
 * coming meetings, and public collaborations that are new or finished since then; a
 * subject and a text in every language (items without a version in a language in Swedish).
 */
export async function suggestDigest(db: Db, baseUrl: string, now = new Date()): Promise<Digest> {
  const since = await repo.latestSendStart(db.kysely);
  const [news, cities, collaborations] = await Promise.all([
    listPublishedNews(db.kysely, { ...(since ? { since } : {}), limit: 20 }),
    listCities(db),
    publicCollaborationChanges(db.kysely, since),
  ]);
  const chain = await getChain(db, cities);
  const year = currentYear(now);
  const meetings = chain
    ? (await listMeetings(db, chain, cities))
        .filter(
          (m) =>
            m.year >= year &&
            (m.status === 'planned' || m.status === 'confirmed' || m.status === 'postponed'),
        )
        .sort((a, b) => a.year - b.year)
        .slice(0, 3)
    : [];
  const byId = new Map(cities.map((c) => [c.id, c] as const));
  const twins = new Set(cities.filter((c) => c.kind === 'twin').map((c) => c.slug));
  const topics = new Set<string>();
  for (const c of collaborations)
    for (const id of c.cityIds) {
      const slug = byId.get(id)?.slug;
      if (slug && twins.has(slug)) topics.add(slug);
    }
  for (const n of news)
    for (const l of n.links)
      if (l.kind === 'city') {
        const slug = byId.get(l.id)?.slug;
        if (slug && twins.has(slug)) topics.add(slug);
      }
  const cityName = (c: City | undefined, lang: Locale) => (c ? localized(c, lang).name : '');
  const versions = ALL_LOCALES.map((lang): IssueVersion => {
    const { t } = i18nFor(lang);
    const intl = lang === 'sv' ? 'sv-SE' : lang;
    const parts: string[] = [t('newsletter.digest.intro')];
    if (news.length > 0) {
      parts.push(
        [
          t('newsletter.digest.news'),
          ...news.map(
            (n) => `- ${newsVersion(n, lang).title}: ${abs(baseUrl, `/news/${n.id}`, lang)}`,
          ),
        ].join('\n'),
      );
    }
    if (meetings.length > 0) {
      parts.push(
        [
          t('newsletter.digest.meetings'),
          ...meetings.map((m) => {
            const when = m.startDate
              ? formatDateRange(m.startDate, m.endDate, intl)
              : String(m.year);
            return `- ${t('newsletter.digest.meeting', { city: cityName(m.host, lang), when })}: ${abs(baseUrl, `/meetings/${m.id}`, lang)}`;
          }),
        ].join('\n'),
      );
    }
    for (const change of ['new', 'finished'] as const) {
      const items = collaborations.filter((c) => c.change === change);
      if (items.length === 0) continue;
      parts.push(
        [
          t(
            change === 'new'
              ? 'newsletter.digest.newCollaborations'
              : 'newsletter.digest.finishedCollaborations',
          ),
          ...items.slice(0, 20).map((c) => {
            const with_ = c.cityIds
              .map((id) => cityName(byId.get(id), lang))
              .filter(Boolean)
              .join(', ');
            return `- ${c.title}${with_ ? ` (${with_})` : ''}: ${abs(baseUrl, `/collaborations/${c.id}`, lang)}`;
          }),
        ].join('\n'),
      );
    }
    const empty = news.length + meetings.length + collaborations.length === 0;
    return {
      lang,
      subject: t('newsletter.digest.subject', { date: now.toISOString().slice(0, 10) }),
      body: empty ? '' : parts.join('\n\n'),
    };
  });
  return {
    since,
    news: news.length,
    meetings: meetings.length,
    collaborations: collaborations.length,
    topics: [...topics].sort(),
    versions,
  };
}

/** Starts a new issue as a draft from the suggested digest. */
export async function createIssueFromDigest(
  db: Db,
  actor: Actor,
  baseUrl: string,
  now = new Date(),
): Promise<string> {
  const digest = await suggestDigest(db, baseUrl, now);
  const id = newId();
  const stamp = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await repo.insertIssue(trx, {
      id,
      status: 'draft',
      topics: digest.topics.join(','),
      digest_since: digest.since,
      created_by: actor.userId,
      sent_by: null,
      created_at: stamp,
      updated_at: stamp,
      send_started_at: null,
      sent_at: null,
    });
    await repo.replaceIssueTexts(
      trx,
      id,
      digest.versions.map((v) => ({
        issue_id: id,
        lang: v.lang,
        subject: v.subject,
        body: v.body,
      })),
    );
    await recordAudit(trx, actor, {
      entity: 'newsletter_issue',
      entityId: id,
      action: 'newsletter.issue.create',
      changes: {
        news: { before: null, after: digest.news },
        meetings: { before: null, after: digest.meetings },
        collaborations: { before: null, after: digest.collaborations },
      },
    });
  });
  return id;
}

/** The issue form's values from an issue. */
export function issueValues(issue: Issue): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { topics: issue.topics };
  for (const lang of ALL_LOCALES) {
    const v = issue.versions.find((x) => x.lang === lang);
    values[`subject_${lang}`] = v?.subject ?? '';
    values[`body_${lang}`] = v?.body ?? '';
  }
  return values;
}

async function checkTopics(db: Db, topics: readonly string[]) {
  const choices = await topicChoices(db, 'sv');
  if (topics.some((slug) => !choices.some((c) => c.slug === slug))) {
    throw errors.validation([{ path: 'topics', message: 'newsletter.err.topicUnknown' }]);
  }
}

function versionsOf(values: IssueInput): IssueVersion[] {
  const v = values as unknown as Record<string, string>;
  return ALL_LOCALES.flatMap((lang) => {
    const subject = v[`subject_${lang}`] ?? '';
    const body = v[`body_${lang}`] ?? '';
    return subject === '' && body === '' ? [] : [{ lang, subject, body }];
  });
}

/** Problems that keep a saved issue from being sent: Swedish subject and text, each version whole. */
function completenessProblems(versions: readonly IssueVersion[]) {
  const problems: { path: string; message: string }[] = [];
  const sv = versions.find((v) => v.lang === 'sv');
  if (!sv || sv.body.trim() === '')
    problems.push({ path: 'body_sv', message: 'newsletter.err.empty' });
  if (!sv || sv.subject.trim() === '')
    problems.push({ path: 'subject_sv', message: 'newsletter.err.subjectRequired' });
  for (const v of versions) {
    if (v.lang === 'sv') continue;
    if (v.subject.trim() === '' && v.body.trim() !== '')
      problems.push({ path: `subject_${v.lang}`, message: 'newsletter.err.subjectMissing' });
    if (v.body.trim() === '' && v.subject.trim() !== '')
      problems.push({ path: `body_${v.lang}`, message: 'newsletter.err.bodyMissing' });
  }
  return problems;
}

/** Saves the coordinator's edit of a draft (a draft may be incomplete; sending checks it). */
export async function saveIssue(db: Db, actor: Actor, id: string, input: unknown): Promise<void> {
  const values = parseOrThrow(issueForm, input);
  await checkTopics(db, values.topics);
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findIssue(trx, id);
    if (!row) throw errors.newsletterIssueNotFound(id);
    if (row.status !== 'draft') throw errors.newsletterIssueNotDraft(id);
    const before = await repo.listIssueTexts(trx, [id]);
    const versions = versionsOf(values);
    await repo.replaceIssueTexts(
      trx,
      id,
      versions.map((v) => ({ issue_id: id, lang: v.lang, subject: v.subject, body: v.body })),
    );
    await repo.updateIssue(trx, id, {
      topics: [...new Set(values.topics)].join(','),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      entity: 'newsletter_issue',
      entityId: id,
      action: 'newsletter.issue.update',
      changes: {
        languages: {
          before: before.map((t) => t.lang).join(','),
          after: versions.map((v) => v.lang).join(','),
        },
        topics: { before: row.topics, after: [...new Set(values.topics)].join(',') },
      },
    });
  });
}

/** The issue as a recipient in `lang` will see it (preview and test mail). */
export function previewIssue(issue: Issue, lang: Locale, baseUrl: string, token = 'x'.repeat(43)) {
  return renderIssueMail(issue.versions, { language: lang, manageToken: token }, baseUrl);
}

/** Sends the issue to the coordinator themselves, as a subscriber in `language` would get it. */
export async function sendTestIssue(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  user: User,
  id: string,
  input: unknown,
  baseUrl: string,
): Promise<string> {
  const { language } = parseOrThrow(testForm, input);
  const issue = await getIssue(db, id);
  const problems = completenessProblems(issue.versions);
  if (problems.length > 0) throw errors.validation(problems);
  const mail = previewIssue(issue, language, baseUrl);
  await db.kysely.transaction().execute(async (trx) => {
    await sendOrRefuse(
      mailer,
      trx,
      {
        to: user.email,
        subject: `[${i18nFor(language).t('newsletter.test.prefix')}] ${mail.subject}`,
        text: mail.text,
        html: mail.html,
        language: mail.language,
        headers: mail.headers,
      },
      'newsletter.err.testFailed',
    );
    await recordAudit(trx, actor, {
      entity: 'newsletter_issue',
      entityId: id,
      action: 'newsletter.issue.test',
      changes: { language: { before: null, after: language } },
    });
  });
  return user.email;
}

/**
 * Sends an issue: refuses an empty or incomplete one and one without any recipient;
 * otherwise writes one delivery row per confirmed subscriber of its topics (unique per
 * issue and subscriber) and marks it `sending`; the sending job does the rest.
 */
export async function startSending(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findIssue(trx, id);
    if (!row) throw errors.newsletterIssueNotFound(id);
    if (row.status !== 'draft') throw errors.newsletterIssueNotDraft(id);
    const versions = toIssue(row, await repo.listIssueTexts(trx, [id])).versions;
    const problems = completenessProblems(versions);
    if (problems.length > 0) throw errors.validation(problems);
    const topics = splitTopics(row.topics);
    const recipients = (await repo.listConfirmedSubscribers(trx)).filter(
      (s) => topics.length === 0 || splitTopics(s.topics).some((t) => topics.includes(t)),
    );
    if (recipients.length === 0)
      throw errors.validation([{ path: 'form', message: 'newsletter.err.noRecipients' }]);
    const stamp = now.toISOString();
    await repo.insertDeliveries(
      trx,
      recipients.map((s) => ({
        id: newId(),
        issue_id: id,
        subscriber_id: s.id,
        status: 'queued',
        attempts: 0,
        language: versionFor(versions, isLocale(s.language) ? s.language : 'sv').lang,
        last_error: null,
        next_attempt_at: null,
        claimed_at: null,
        sent_at: null,
        updated_at: stamp,
      })),
    );
    await repo.updateIssue(trx, id, {
      status: 'sending',
      send_started_at: stamp,
      sent_by: actor.userId,
      updated_at: stamp,
    });
    await recordAudit(trx, actor, {
      entity: 'newsletter_issue',
      entityId: id,
      action: 'newsletter.issue.send',
      changes: { recipients: { before: null, after: recipients.length } },
    });
    return recipients.length;
  });
}

export interface Progress {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  /** Deliveries that took more than one attempt (sent or not). */
  retried: number;
  failures: { attempts: number; answer: string | null; email: string | null }[];
}

export async function issueProgress(db: Db, id: string): Promise<Progress> {
  const { byStatus, retried } = await repo.deliveryCounts(db.kysely, id);
  const failures = await repo.listFailedDeliveries(db.kysely, id, 50);
  const n = (s: string) => byStatus[s] ?? 0;
  return {
    total: n('queued') + n('sending') + n('sent') + n('failed'),
    queued: n('queued'),
    sending: n('sending'),
    sent: n('sent'),
    failed: n('failed'),
    retried,
    failures: failures.map((f) => ({ attempts: f.attempts, answer: f.last_error, email: f.email })),
  };
}

// ---- Sending (the job) ------------------------------------------------------------

export interface SendOptions {
  baseUrl: string;
  settings: NewsletterSettings;
  now?: () => Date;
  /** Stop after this many batches (tests: a restart in the middle of a send). */
  maxBatches?: number;
  /** Waits between batches (the rate); tests give one that does not wait. */
  pause?: (ms: number) => Promise<void>;
}

export interface SendResult {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  interrupted: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends what is due, in batches of `batchSize` at no more than `ratePerMinute` mails a
 * minute, for at most about a minute (the job runs every minute). Each delivery is claimed
 * (status `sending`) in its own transaction just before its mail is sent, and the answer is
 * recorded at once; a claim never recorded (the process stopped in between) is failed after
 * STALE_CLAIM_MS and never sent again: nobody gets an issue twice. A temporary SMTP failure
 * (4xx, or no answer) is retried later up to `maxAttempts`; a permanent one (5xx) fails at
 * once with the server's answer.
 */
export async function sendDueDeliveries(
  db: Db,
  mailer: Mailer,
  options: SendOptions,
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  const pause = options.pause ?? wait;
  const { batchSize, ratePerMinute, maxAttempts } = options.settings;
  const result: SendResult = { sent: 0, failed: 0, retrying: 0, skipped: 0, interrupted: 0 };
  result.interrupted = await repo.failStaleClaims(
    db.kysely,
    new Date(now().getTime() - STALE_CLAIM_MS).toISOString(),
    now().toISOString(),
    'interrupted: the sender stopped before the answer was recorded; not sent again',
  );
  const maxBatches = options.maxBatches ?? Math.max(1, Math.floor(ratePerMinute / batchSize));
  const gapMs = Math.ceil((60_000 * batchSize) / ratePerMinute);
  const texts = new Map<string, IssueVersion[]>();
  for (let batch = 0; batch < maxBatches; batch++) {
    if (batch > 0) await pause(gapMs);
    const due = await repo.listDueDeliveryIds(db.kysely, now().toISOString(), batchSize);
    if (due.length === 0) break;
    for (const id of due) {
      // Claimed one by one, just before its mail is sent: a crash leaves at most the one
      // mail in flight uncertain, never the rest of the batch.
      const stamp = now().toISOString();
      const [d] = await db.kysely.transaction().execute(async (trx) => {
        await repo.claimDeliveries(trx, [id], stamp);
        return repo.listClaimed(trx, [id], stamp);
      });
      if (!d) continue; // no longer queued
      const at = now().toISOString();
      if (!d.email || !d.manage_token || d.subscriber_status !== 'confirmed') {
        // Unsubscribed or erased since the issue was queued: nothing is sent.
        await repo.updateDelivery(db.kysely, d.id, {
          status: 'failed',
          last_error: 'not sent: no longer subscribed',
          updated_at: at,
        });
        result.skipped++;
        continue;
      }
      let versions = texts.get(d.issue_id);
      if (!versions) {
        const rows = await repo.listIssueTexts(db.kysely, [d.issue_id]);
        versions = rows.flatMap((r) =>
          isLocale(r.lang) ? [{ lang: r.lang, subject: r.subject, body: r.body }] : [],
        );
        texts.set(d.issue_id, versions);
      }
      const language = isLocale(d.language) ? d.language : 'sv';
      const mail = renderIssueMail(
        versions,
        { language, manageToken: d.manage_token },
        options.baseUrl,
      );
      try {
        await mailer.send(db.kysely, {
          to: d.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          language: mail.language,
          headers: mail.headers,
        });
        await repo.updateDelivery(db.kysely, d.id, {
          status: 'sent',
          attempts: d.attempts + 1,
          sent_at: now().toISOString(),
          last_error: null,
          updated_at: now().toISOString(),
        });
        result.sent++;
      } catch (error) {
        const { answer, permanent } = smtpAnswer(error);
        const attempts = d.attempts + 1;
        const retry = !permanent && attempts < maxAttempts;
        await repo.updateDelivery(db.kysely, d.id, {
          status: retry ? 'queued' : 'failed',
          attempts,
          last_error: answer,
          claimed_at: null,
          // Back off: 1, 2, 4 … minutes.
          next_attempt_at: retry
            ? new Date(now().getTime() + 60_000 * 2 ** (attempts - 1)).toISOString()
            : null,
          updated_at: now().toISOString(),
        });
        if (retry) result.retrying++;
        else result.failed++;
      }
    }
  }
  await finishIssues(db, now());
  return result;
}

/** Marks issues sent whose deliveries all have an outcome. */
async function finishIssues(db: Db, now: Date): Promise<void> {
  for (const issue of await repo.listSendingIssues(db.kysely)) {
    const { byStatus } = await repo.deliveryCounts(db.kysely, issue.id);
    if ((byStatus.queued ?? 0) + (byStatus.sending ?? 0) > 0) continue;
    await db.kysely.transaction().execute(async (trx) => {
      await repo.updateIssue(trx, issue.id, {
        status: 'sent',
        sent_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(trx, SYSTEM_ACTOR, {
        entity: 'newsletter_issue',
        entityId: issue.id,
        action: 'newsletter.issue.sent',
        changes: {
          sent: { before: null, after: byStatus.sent ?? 0 },
          failed: { before: null, after: byStatus.failed ?? 0 },
        },
      });
    });
  }
}

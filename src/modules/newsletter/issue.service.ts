/** Issues: the suggested digest, composing per language, preview, a test mail, starting a send, progress. */
import type { Db, Executor } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { ALL_LOCALES, isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { currentYear, formatDateRange, nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { fromNothing, recordAudit, type Actor } from '../audit/index.ts';
import { getChain, listCities, localized, type City } from '../cities/index.ts';
import { publicCollaborationChanges } from '../collaborations/index.ts';
import { listMeetings } from '../meetings/index.ts';
import { listPublishedNews, newsVersion } from '../news/index.ts';
import { renderIssueMail, versionFor, type IssueVersion } from './newsletter.mail.ts';
import * as repo from './newsletter.repository.ts';
import { issueForm, testForm, type IssueInput } from './newsletter.schema.ts';
import { sendOrRefuse, splitTopics, topicChoices } from './newsletter.common.ts';
import { newsletterErrors } from './errors.ts';

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

/** Issues from their rows, with their texts (one query for all). */
async function issuesOf(db: Executor, rows: readonly repo.IssueRow[]): Promise<Issue[]> {
  const texts = await repo.listIssueTexts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toIssue(r, texts));
}

export async function getIssue(db: Db, id: string): Promise<Issue> {
  const row = await repo.findIssue(db.kysely, id);
  if (!row) throw newsletterErrors.newsletterIssueNotFound(id);
  return (await issuesOf(db.kysely, [row]))[0]!;
}

export async function listIssues(db: Db, limit = 50): Promise<Issue[]> {
  return issuesOf(db.kysely, await repo.listIssues(db.kysely, limit));
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
      changes: fromNothing({
        news: digest.news,
        meetings: digest.meetings,
        collaborations: digest.collaborations,
      }),
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
    if (!row) throw newsletterErrors.newsletterIssueNotFound(id);
    if (row.status !== 'draft') throw newsletterErrors.newsletterIssueNotDraft(id);
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
/** The confirmed subscribers of an issue's topics: to whom `startSending` would send it now. */
async function recipientsOf(db: Executor, topicsOfIssue: string) {
  const topics = splitTopics(topicsOfIssue);
  return (await repo.listConfirmedSubscribers(db)).filter(
    (s) => topics.length === 0 || splitTopics(s.topics).some((t) => topics.includes(t)),
  );
}

/** How many subscribers a draft would go to if it were sent now (its confirmation page). */
export async function recipientCount(db: Db, id: string): Promise<number> {
  const row = await repo.findIssue(db.kysely, id);
  if (!row) throw newsletterErrors.newsletterIssueNotFound(id);
  return (await recipientsOf(db.kysely, row.topics)).length;
}

export async function startSending(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findIssue(trx, id);
    if (!row) throw newsletterErrors.newsletterIssueNotFound(id);
    if (row.status !== 'draft') throw newsletterErrors.newsletterIssueNotDraft(id);
    const versions = toIssue(row, await repo.listIssueTexts(trx, [id])).versions;
    const problems = completenessProblems(versions);
    if (problems.length > 0) throw errors.validation(problems);
    const recipients = await recipientsOf(trx, row.topics);
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

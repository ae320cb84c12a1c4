import { inBatches } from '../../db/batches.ts';
import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type {
  NewsletterDeliveryTable,
  NewsletterIssueTable,
  NewsletterIssueTextTable,
  NewsletterSubscriberTable,
} from './newsletter.table.ts';

export type SubscriberRow = NewsletterSubscriberTable;
export type IssueRow = NewsletterIssueTable;
export type IssueTextRow = NewsletterIssueTextTable;
export type DeliveryRow = NewsletterDeliveryTable;

// ---- Subscribers ------------------------------------------------------------------

const subscribers = tableAccess('newsletter_subscriber', '*');
const recipients = tableAccess('newsletter_subscriber', ['id', 'language', 'topics']);
const issues = tableAccess('newsletter_issue', '*');
const issueTexts = tableAccess('newsletter_issue_text', '*');
const deliveries = tableAccess('newsletter_delivery', '*');

export const findSubscriberByEmail = (db: Executor, email: string) =>
  subscribers.findBy(db, { email });

export const findSubscriberByConfirmHash = (db: Executor, hash: string) =>
  subscribers.findBy(db, { confirm_token_hash: hash });

export const findSubscriberByManageToken = (db: Executor, token: string) =>
  subscribers.findBy(db, { manage_token: token });

export const insertSubscriber = subscribers.insert;
export const updateSubscriber = subscribers.update;

export async function deleteSubscribers(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return subscribers.removeWhere(db, { id: ['in', ids] });
}

/** Confirmed subscribers: the recipients an issue may go to. */
export const listConfirmedSubscribers = (db: Executor) =>
  recipients.list(db, { status: 'confirmed' }, ['id']);

/** The subscribers by status (numbers only; the addresses never leave the module). */
export const countSubscribersByStatus = async (db: Executor): Promise<Record<string, number>> =>
  Object.fromEntries(await subscribers.countBy(db, 'status'));

/**
 * Subscribers whose address is due for deletion: unsubscribed before `unsubscribedBefore`,
 * or never confirmed and their link expired before `expiredBefore`.
 */
export async function listSubscribersDueForDeletion(
  db: Executor,
  { unsubscribedBefore, expiredBefore }: { unsubscribedBefore: string; expiredBefore: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('newsletter_subscriber')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'unsubscribed'), eb('unsubscribed_at', '<', unsubscribedBefore)]),
        eb.and([eb('status', '=', 'pending'), eb('confirm_expires_at', '<', expiredBefore)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

// ---- Issues -----------------------------------------------------------------------

export const insertIssue = issues.insert;
export const updateIssue = issues.update;
export const findIssue = issues.find;

/** Issues, newest first. */
export const listIssues = (db: Executor, limit: number) =>
  issues.list(
    db,
    {},
    [
      ['created_at', 'desc'],
      ['id', 'desc'],
    ],
    { limit },
  );

/** When the latest issue that went out started sending (the next digest's start), or null. */
export const latestSendStart = (db: Executor): Promise<string | null> =>
  issues.max(db, 'send_started_at', { status: ['in', ['sending', 'sent']] });

export function listIssueTexts(db: Executor, issueIds: readonly string[]) {
  if (issueIds.length === 0) return Promise.resolve([] as IssueTextRow[]);
  return issueTexts.list(db, { issue_id: ['in', issueIds] });
}

/** Replaces an issue's language versions with `texts`. */
export const replaceIssueTexts = (db: Executor, issueId: string, texts: readonly IssueTextRow[]) =>
  issueTexts.replace(db, { issue_id: issueId }, texts);

/** Issues being sent (the job finishes them when nothing is left to send). */
export const listSendingIssues = (db: Executor) =>
  issues.list(db, { status: 'sending' }, ['send_started_at']);

// ---- Deliveries -------------------------------------------------------------------

export async function insertDeliveries(db: Executor, rows: readonly DeliveryRow[]): Promise<void> {
  await inBatches(rows, 500, (batch) => deliveries.insertMany(db, batch));
}

/** Deliveries due now (queued, their retry time passed), oldest issue first. */
export async function listDueDeliveryIds(db: Executor, now: string, limit: number) {
  const rows = await db
    .selectFrom('newsletter_delivery as d')
    .innerJoin('newsletter_issue as i', 'i.id', 'd.issue_id')
    .select('d.id')
    .where('d.status', '=', 'queued')
    .where('i.status', '=', 'sending')
    .where((eb) => eb.or([eb('d.next_attempt_at', 'is', null), eb('d.next_attempt_at', '<=', now)]))
    .orderBy('i.send_started_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Claims queued deliveries: status `sending`, `claimed_at` = the claim's stamp. */
export async function claimDeliveries(
  db: Executor,
  ids: readonly string[],
  stamp: string,
): Promise<void> {
  if (ids.length === 0) return;
  await deliveries.updateWhere(
    db,
    { id: ['in', ids], status: 'queued' },
    { status: 'sending', claimed_at: stamp, updated_at: stamp },
  );
}

/** The deliveries of one claim, with their recipients and the issue they belong to. */
export function listClaimed(db: Executor, ids: readonly string[], stamp: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('newsletter_delivery as d')
    .leftJoin('newsletter_subscriber as s', 's.id', 'd.subscriber_id')
    .select([
      'd.id',
      'd.issue_id',
      'd.attempts',
      's.email',
      's.language',
      's.manage_token',
      's.status as subscriber_status',
    ])
    .where('d.id', 'in', ids)
    .where('d.status', '=', 'sending')
    .where('d.claimed_at', '=', stamp)
    .orderBy('d.id')
    .execute();
}

export const updateDelivery = deliveries.update;

/**
 * Claims older than `before` that were never recorded (the process stopped between the
 * claim and the answer): failed, never sent again (see docs/decisions/018-…).
 */
export const failStaleClaims = (db: Executor, before: string, now: string, message: string) =>
  deliveries.updateWhere(
    db,
    { status: 'sending', claimed_at: ['<', before] },
    { status: 'failed', last_error: message, updated_at: now },
  );

/** An issue's deliveries by status, and how many needed more than one attempt. */
export async function deliveryCounts(db: Executor, issueId: string) {
  const byStatus = await deliveries.countBy(db, 'status', { issue_id: issueId });
  const retried = await deliveries.count(db, { issue_id: issueId, attempts: ['>', 1] });
  return {
    byStatus: Object.fromEntries(byStatus) as Record<string, number>,
    retried,
  };
}

/** The failed deliveries of an issue with the SMTP answer and the address (the coordinators' page only). */
export function listFailedDeliveries(db: Executor, issueId: string, limit: number) {
  return db
    .selectFrom('newsletter_delivery as d')
    .leftJoin('newsletter_subscriber as s', 's.id', 'd.subscriber_id')
    .select(['d.id', 'd.attempts', 'd.last_error', 'd.updated_at', 's.email'])
    .where('d.issue_id', '=', issueId)
    .where('d.status', '=', 'failed')
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** What was sent to one subscriber (their export). */
export function listDeliveriesOfSubscriber(db: Executor, subscriberId: string) {
  return db
    .selectFrom('newsletter_delivery as d')
    .select(['d.issue_id', 'd.status', 'd.attempts', 'd.language', 'd.sent_at'])
    .where('d.subscriber_id', '=', subscriberId)
    .orderBy('d.updated_at')
    .execute();
}

/** Deliveries of every issue by status (queued, sending, sent, failed): /metrics's mail queue. */
export const deliveryCountsByStatus = (db: Executor): Promise<Map<string, number>> =>
  deliveries.countBy(db, 'status');

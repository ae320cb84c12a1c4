import type { Executor } from '../../db/database.ts';
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

export function findSubscriberByEmail(db: Executor, email: string) {
  return db
    .selectFrom('newsletter_subscriber')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
}

export function findSubscriberByConfirmHash(db: Executor, hash: string) {
  return db
    .selectFrom('newsletter_subscriber')
    .selectAll()
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
}

export function findSubscriberByManageToken(db: Executor, token: string) {
  return db
    .selectFrom('newsletter_subscriber')
    .selectAll()
    .where('manage_token', '=', token)
    .executeTakeFirst();
}

export async function insertSubscriber(db: Executor, row: SubscriberRow): Promise<void> {
  await db.insertInto('newsletter_subscriber').values(row).execute();
}

export async function updateSubscriber(
  db: Executor,
  id: string,
  patch: Partial<Omit<SubscriberRow, 'id'>>,
): Promise<void> {
  await db.updateTable('newsletter_subscriber').set(patch).where('id', '=', id).execute();
}

export async function deleteSubscribers(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('newsletter_subscriber').where('id', 'in', ids).execute();
  return Number(result[0]?.numDeletedRows ?? 0);
}

/** Confirmed subscribers: the recipients an issue may go to. */
export function listConfirmedSubscribers(db: Executor) {
  return db
    .selectFrom('newsletter_subscriber')
    .select(['id', 'language', 'topics'])
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .execute();
}

/** The subscribers by status (numbers only; the addresses never leave the module). */
export async function countSubscribersByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('newsletter_subscriber')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

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

export async function insertIssue(db: Executor, row: IssueRow): Promise<void> {
  await db.insertInto('newsletter_issue').values(row).execute();
}

export async function updateIssue(
  db: Executor,
  id: string,
  patch: Partial<Omit<IssueRow, 'id'>>,
): Promise<void> {
  await db.updateTable('newsletter_issue').set(patch).where('id', '=', id).execute();
}

export function findIssue(db: Executor, id: string) {
  return db.selectFrom('newsletter_issue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Issues, newest first. */
export function listIssues(db: Executor, limit: number) {
  return db
    .selectFrom('newsletter_issue')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** When the latest issue that went out started sending (the next digest's start), or null. */
export async function latestSendStart(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('newsletter_issue')
    .select((eb) => eb.fn.max('send_started_at').as('latest'))
    .where('status', 'in', ['sending', 'sent'])
    .executeTakeFirst();
  return row?.latest ?? null;
}

export function listIssueTexts(db: Executor, issueIds: readonly string[]) {
  if (issueIds.length === 0) return Promise.resolve([] as IssueTextRow[]);
  return db
    .selectFrom('newsletter_issue_text')
    .selectAll()
    .where('issue_id', 'in', issueIds)
    .execute();
}

/** Replaces an issue's language versions with `texts`. */
export async function replaceIssueTexts(
  db: Executor,
  issueId: string,
  texts: readonly IssueTextRow[],
): Promise<void> {
  await db.deleteFrom('newsletter_issue_text').where('issue_id', '=', issueId).execute();
  if (texts.length > 0)
    await db
      .insertInto('newsletter_issue_text')
      .values([...texts])
      .execute();
}

/** Issues being sent (the job finishes them when nothing is left to send). */
export function listSendingIssues(db: Executor) {
  return db
    .selectFrom('newsletter_issue')
    .selectAll()
    .where('status', '=', 'sending')
    .orderBy('send_started_at')
    .execute();
}

// ---- Deliveries -------------------------------------------------------------------

export async function insertDeliveries(db: Executor, rows: readonly DeliveryRow[]): Promise<void> {
  // In chunks: PostgreSQL takes at most 65 535 parameters a statement, SQLite 32 766.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('newsletter_delivery')
      .values(rows.slice(i, i + 500))
      .execute();
  }
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
  await db
    .updateTable('newsletter_delivery')
    .set({ status: 'sending', claimed_at: stamp, updated_at: stamp })
    .where('id', 'in', ids)
    .where('status', '=', 'queued')
    .execute();
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

export async function updateDelivery(
  db: Executor,
  id: string,
  patch: Partial<Omit<DeliveryRow, 'id'>>,
): Promise<void> {
  await db.updateTable('newsletter_delivery').set(patch).where('id', '=', id).execute();
}

/**
 * Claims older than `before` that were never recorded (the process stopped between the
 * claim and the answer): failed, never sent again (see docs/decisions/018-…).
 */
export async function failStaleClaims(
  db: Executor,
  before: string,
  now: string,
  message: string,
): Promise<number> {
  const result = await db
    .updateTable('newsletter_delivery')
    .set({ status: 'failed', last_error: message, updated_at: now })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An issue's deliveries by status, and how many needed more than one attempt. */
export async function deliveryCounts(db: Executor, issueId: string) {
  const rows = await db
    .selectFrom('newsletter_delivery')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute();
  const retried = await db
    .selectFrom('newsletter_delivery')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issue_id', '=', issueId)
    .where('attempts', '>', 1)
    .executeTakeFirst();
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<
      string,
      number
    >,
    retried: Number(retried?.n ?? 0),
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
export async function deliveryCountsByStatus(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('newsletter_delivery')
    .select(['status'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

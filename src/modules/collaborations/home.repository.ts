import { countWhere } from '../../db/aggregates.ts';
import type { Executor } from '../../db/database.ts';
import { withOrganisation } from '../../db/joins.ts';
import { tableAccess, type Page } from '../../db/table-access.ts';
import { askedAnyone, campaignCounts } from './campaign.repository.ts';

// The workspace start page's reads of the collaborations module (collaboration.home.ts):
// each one aggregated or bounded, so a source costs a fixed number of queries.

/** How many rows of a table wait in the review queue, and the oldest submission. */
const waiting = (db: Executor, table: 'collaboration' | 'exchange') =>
  db
    .selectFrom(table)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('submitted_at').as('oldest'),
    ])
    .where('review_state', '=', 'submitted')
    .executeTakeFirst();

/** How many collaborations and exchanges wait in the review queue, and since when. */
export async function reviewQueue(db: Executor) {
  const [c, e] = await Promise.all([waiting(db, 'collaboration'), waiting(db, 'exchange')]);
  const oldest = [c?.oldest, e?.oldest].filter((v): v is string => typeof v === 'string').sort();
  return {
    collaborations: Number(c?.n ?? 0),
    exchanges: Number(e?.n ?? 0),
    oldest: oldest[0] ?? null,
  };
}

/** Open campaigns with how many organisations were asked and how many answered. */
export function listOpenCampaignCounts(db: Executor, limit: number) {
  return db
    .selectFrom('campaign')
    .select(['campaign.id', 'campaign.title', 'campaign.deadline'])
    .select(campaignCounts)
    .where(askedAnyone)
    .where('campaign.status', '=', 'open')
    .orderBy('campaign.deadline')
    .limit(limit)
    .execute();
}

/** The latest campaign (by start) with its counts, or undefined when none was ever run. */
export function latestCampaignCounts(db: Executor) {
  return db
    .selectFrom('campaign')
    .select(['campaign.id', 'campaign.title', 'campaign.deadline', 'campaign.status'])
    .select(campaignCounts)
    .where(askedAnyone)
    .orderBy('campaign.created_at', 'desc')
    .orderBy('campaign.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Open campaigns the organisations have not answered yet (at most `limit`). */
export function listOwedAnswers(db: Executor, organisationIds: readonly string[], limit: number) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaign_organisation as co')
    .innerJoin('campaign as c', 'c.id', 'co.campaign_id')
    .select(['c.id', 'c.title', 'c.deadline'])
    .$call((q) => withOrganisation(q, 'co.organisation_id'))
    .where('c.status', '=', 'open')
    .where('co.answer', 'is', null)
    .where('co.organisation_id', 'in', organisationIds)
    .orderBy('c.deadline')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** The records of a table that may be returned for completion (a `tableAccess`). */
interface Returnable<R> {
  list(
    db: Executor,
    match: { review_state: 'returned'; organisation_id: readonly ['in', readonly string[]] },
    order: readonly ('reviewed_at' | 'id')[],
    page: Page,
  ): Promise<R[]>;
}

/** The organisations' records returned for completion (at most `limit`), the longest waiting first. */
const returnedRecords =
  <R>(records: Returnable<R>) =>
  (db: Executor, organisationIds: readonly string[], limit: number): Promise<R[]> => {
    if (organisationIds.length === 0) return Promise.resolve([]);
    const returnedTo = {
      review_state: 'returned',
      organisation_id: ['in', organisationIds],
    } as const;
    return records.list(db, returnedTo, ['reviewed_at', 'id'], { limit });
  };

export const listReturnedCollaborations = returnedRecords(
  tableAccess('collaboration', ['id', 'title', 'reviewed_at']),
);
export const listReturnedExchanges = returnedRecords(
  tableAccess('exchange', ['id', 'city_id', 'occurred_on', 'reviewed_at']),
);

/**
 * Planned and ongoing collaborations: how many, by how many organisations, and how many
 * belong to an organisation that is no longer active (nobody manages them, P7).
 */
export async function runningCollaborations(db: Executor) {
  const row = await db
    .selectFrom('collaboration as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>('c.organisation_id').distinct().as('organisations'),
      countWhere(eb, eb('o.active', '=', 0)).as('orphaned'),
    ])
    .where('c.status', 'in', ['planned', 'ongoing'])
    .executeTakeFirst();
  return {
    total: Number(row?.total ?? 0),
    organisations: Number(row?.organisations ?? 0),
    orphaned: Number(row?.orphaned ?? 0),
  };
}

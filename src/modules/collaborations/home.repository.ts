import type { Executor } from '../../db/database.ts';
import { askedAnyone, campaignCounts } from './campaign.repository.ts';

// The workspace start page's reads of the collaborations module (collaboration.home.ts):
// each one aggregated or bounded, so a source costs a fixed number of queries.

/** How many collaborations and exchanges wait in the review queue, and since when. */
export async function reviewQueue(db: Executor) {
  const [c, e] = await Promise.all([
    db
      .selectFrom('collaboration')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min('submitted_at').as('oldest'),
      ])
      .where('review_state', '=', 'submitted')
      .executeTakeFirst(),
    db
      .selectFrom('exchange')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min('submitted_at').as('oldest'),
      ])
      .where('review_state', '=', 'submitted')
      .executeTakeFirst(),
  ]);
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
    .innerJoin('organisation as o', 'o.id', 'co.organisation_id')
    .select(['c.id', 'c.title', 'c.deadline', 'o.name as organisation_name'])
    .where('c.status', '=', 'open')
    .where('co.answer', 'is', null)
    .where('co.organisation_id', 'in', organisationIds)
    .orderBy('c.deadline')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** The organisations' collaborations returned for completion (at most `limit`). */
export function listReturnedCollaborations(
  db: Executor,
  organisationIds: readonly string[],
  limit: number,
) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('collaboration')
    .select(['id', 'title', 'reviewed_at'])
    .where('review_state', '=', 'returned')
    .where('organisation_id', 'in', organisationIds)
    .orderBy('reviewed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The organisations' exchanges returned for completion (at most `limit`). */
export function listReturnedExchanges(
  db: Executor,
  organisationIds: readonly string[],
  limit: number,
) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exchange')
    .select(['id', 'city_id', 'occurred_on', 'reviewed_at'])
    .where('review_state', '=', 'returned')
    .where('organisation_id', 'in', organisationIds)
    .orderBy('reviewed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

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
      eb.fn
        .sum<number | string | null>(eb.case().when('o.active', '=', 0).then(1).else(0).end())
        .as('orphaned'),
    ])
    .where('c.status', 'in', ['planned', 'ongoing'])
    .executeTakeFirst();
  return {
    total: Number(row?.total ?? 0),
    organisations: Number(row?.organisations ?? 0),
    orphaned: Number(row?.orphaned ?? 0),
  };
}

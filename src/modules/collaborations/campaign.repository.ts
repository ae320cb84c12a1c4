import type { ExpressionBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { withOrganisation, withUserName } from '../../db/joins.ts';
import { hasRow, tableAccess } from '../../db/table-access.ts';
import type { CampaignOrganisationTable } from './collaboration.table.ts';
import { listReporterEmails as listReviewRecipients } from './review.repository.ts';

/** All SQL of campaigns (inventering): the campaign, the organisations asked, their answers. */

const campaigns = tableAccess('campaign', '*');
/** An organisation asked in a campaign: keyed by (campaign_id, organisation_id). */
const asked = tableAccess('campaign_organisation', '*', {
  fixed: ['campaign_id', 'organisation_id'],
});

export const insertCampaign = campaigns.insert;
export const insertCampaignOrganisations = asked.insertMany;
export const findCampaign = campaigns.find;

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/**
 * How many organisations a campaign asked and how many answered, counted per listed campaign
 * through the primary key of campaign_organisation (campaign first) rather than by grouping
 * every campaign's rows before the limit (decision 043): the table grows by one row per
 * organisation and campaign.
 */
export const campaignCounts = (eb: ExpressionBuilder<Database, 'campaign'>) => {
  const asked = eb
    .selectFrom('campaign_organisation as co')
    .whereRef('co.campaign_id', '=', 'campaign.id');
  return [
    eb.fn
      .coalesce(
        asked.select((c) => c.fn.countAll<number | string>().as('n')),
        eb.lit(0),
      )
      .as('asked'),
    eb.fn
      .coalesce(
        asked.select((c) => c.fn.count<number | string>('co.answer').as('n')),
        eb.lit(0),
      )
      .as('answered'),
  ];
};

/** A campaign that asked no organisation is not listed (as the inner join did before). */
export const askedAnyone = hasRow('campaign_organisation', 'campaign_id', 'campaign.id');

/** Every campaign, newest first, with how many organisations were asked and have answered. */
export function listCampaigns(db: Executor, organisationId: string | null = null) {
  let q = db
    .selectFrom('campaign')
    .selectAll('campaign')
    .select(campaignCounts)
    .where(askedAnyone)
    .orderBy('campaign.created_at', 'desc')
    .orderBy('campaign.id');
  if (organisationId)
    q = q.where(
      hasRow('campaign_organisation', 'campaign_id', 'campaign.id', {
        organisation_id: organisationId,
      }),
    );
  return q.execute();
}

/** The organisations asked in a campaign with their answers (and who answered). */
export function listCampaignOrganisations(db: Executor, campaignId: string) {
  return db
    .selectFrom('campaign_organisation as co')
    .$call((q) => withOrganisation(q, 'co.organisation_id'))
    .$call((q) => withUserName(q, 'co.answered_by', 'answered_by'))
    .select([
      'co.campaign_id',
      'co.organisation_id',
      'co.answer',
      'co.comment',
      'co.answered_at',
      'co.answered_by',
      'co.snapshot',
      'co.reminded_at',
      'co.overdue_reminded_at',
      'o.slug as organisation_slug',
      'o.email as organisation_email',
    ])
    .where('co.campaign_id', '=', campaignId)
    .orderBy('o.name')
    .execute();
}

export type CampaignOrganisationRow = Awaited<ReturnType<typeof listCampaignOrganisations>>[number];

export const findCampaignOrganisation = (
  db: Executor,
  campaignId: string,
  organisationId: string,
) => asked.findBy(db, { campaign_id: campaignId, organisation_id: organisationId });

export const updateCampaignOrganisation = (
  db: Executor,
  campaignId: string,
  organisationId: string,
  values: Partial<Omit<CampaignOrganisationTable, 'campaign_id' | 'organisation_id'>>,
) => asked.updateWhere(db, { campaign_id: campaignId, organisation_id: organisationId }, values);

export const updateCampaign = campaigns.update;

const organisations = tableAccess('organisation', ['id', 'slug', 'name', 'email']);

export const listActiveOrganisations = (db: Executor) =>
  organisations.list(db, { active: 1 }, ['name']);

/** An organisation's collaborations that overlap a period (plain dates). */
export function listCollaborationsInPeriod(
  db: Executor,
  organisationId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('collaboration')
    .select(['id', 'title', 'kind', 'status', 'starts_on', 'ends_on', 'review_state'])
    .where('organisation_id', '=', organisationId)
    .where('starts_on', '<=', to)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

/** An organisation's experience exchanges within a period, with the city's Swedish name. */
export function listExchangesInPeriod(
  db: Executor,
  organisationId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('exchange as e')
    .leftJoin('city_translation as ct', (j) =>
      j.onRef('ct.city_id', '=', 'e.city_id').on('ct.lang', '=', 'sv'),
    )
    .select([
      'e.id',
      'e.occurred_on',
      'e.direction',
      'e.activities',
      'e.review_state',
      'ct.name as city_name',
    ])
    .where('e.organisation_id', '=', organisationId)
    .where('e.occurred_on', '>=', from)
    .where('e.occurred_on', '<=', to)
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute();
}

/** Open campaigns' organisations that have not answered, with the campaign's dates. */
export function listUnansweredInOpenCampaigns(db: Executor) {
  return db
    .selectFrom('campaign_organisation as co')
    .innerJoin('campaign as c', 'c.id', 'co.campaign_id')
    .select([
      'c.id as campaign_id',
      'c.title',
      'c.deadline',
      'c.period_from',
      'c.period_to',
      'co.organisation_id',
      'co.reminded_at',
      'co.overdue_reminded_at',
    ])
    .$call((q) => withOrganisation(q, 'co.organisation_id'))
    .select('o.email as organisation_email')
    .where('c.status', '=', 'open')
    .where('co.answer', 'is', null)
    .orderBy('c.id')
    .orderBy('o.name')
    .execute();
}

/** The e-mail addresses of an organisation's active reporters. */
export async function listReporterEmails(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await listReviewRecipients(db, organisationId, null);
  return rows.map((r) => r.email);
}

/** Marks a reminder as sent only if it was not (a second run of the job sends nothing). */
export const claimReminder = (
  db: Executor,
  campaignId: string,
  organisationId: string,
  column: 'reminded_at' | 'overdue_reminded_at',
  at: string,
): Promise<boolean> =>
  asked.claim(
    db,
    { campaign_id: campaignId, organisation_id: organisationId, answer: null },
    column,
    at,
  );

import type { Db, Executor } from '../../db/database.ts';
import { gothenburgDay, isPlainDate, nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { zodProblems } from '../../shared/validation.ts';
import { diff, recordAudit, statusChange, type Actor } from '../audit/index.ts';
import type { User } from '../accounts/index.ts';
import { campaignPolicy, reporterOrganisations } from './campaign.policy.ts';
import * as repo from './campaign.repository.ts';
import {
  answerSchema,
  campaignSchema,
  type AnswerInput,
  type CampaignInput,
} from './campaign.schema.ts';
import { collaborationsErrors } from './errors.ts';

export type CampaignStatus = 'open' | 'closed';
export type CampaignAnswer = 'confirmed' | 'no_activity';

export interface Campaign {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  message: string | null;
  status: CampaignStatus;
  createdAt: string;
  closedAt: string | null;
  asked: number;
  answered: number;
}

/** One asked organisation's line in the live table. */
export interface CampaignResponse {
  organisationId: string;
  organisationName: string;
  answer: CampaignAnswer | null;
  comment: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  /** answered; missing (before or on the deadline); overdue (after it, still missing). */
  state: 'answered' | 'missing' | 'overdue';
  snapshot: CampaignSnapshot | null;
}

export interface CampaignSnapshot {
  collaborations: {
    id: string;
    title: string;
    status: string;
    startsOn: string;
    endsOn: string | null;
  }[];
  exchanges: { id: string; occurredOn: string; city: string | null; activities: string }[];
}

/** Today's date in Gothenburg (YYYY-MM-DD). */
export const stockholmToday = gothenburgDay;

export const campaignNotFound = collaborationsErrors.campaignNotFound;
export const campaignClosed = collaborationsErrors.campaignClosed;

const toCampaign = (
  r: repo.CampaignRow & { asked?: number | string; answered?: number | string },
): Campaign => ({
  id: r.id,
  title: r.title,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  deadline: r.deadline,
  message: r.message,
  status: r.status as CampaignStatus,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  asked: Number(r.asked ?? 0),
  answered: Number(r.answered ?? 0),
});

function parseSnapshot(text: string | null): CampaignSnapshot | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as CampaignSnapshot;
  } catch {
    return null;
  }
}

/** Starts a campaign for all active organisations or the chosen ones (coordinators only). */
export async function startCampaign(
  db: Db,
  actor: Actor,
  user: User,
  input: CampaignInput,
  now: Date = new Date(),
): Promise<Campaign> {
  if (!campaignPolicy.run(user)) throw errors.forbidden();
  const parsed = campaignSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const today = stockholmToday(now);
  const deadline = String(input.deadline ?? '').trim();
  if (isPlainDate(deadline) && deadline < today)
    problems.push({ path: 'deadline', message: 'campaign.error.deadlinePast' });
  if (!parsed.success || problems.length) throw errors.validation(problems);
  const values = parsed.data;
  return db.kysely.transaction().execute(async (trx) => {
    const active = await repo.listActiveOrganisations(trx);
    const chosen =
      values.scope === 'all' ? active : active.filter((o) => values.organisations.includes(o.id));
    if (values.scope === 'chosen' && chosen.length !== new Set(values.organisations).size)
      throw errors.validation([
        { path: 'organisations', message: 'campaign.error.organisationsUnknown' },
      ]);
    if (chosen.length === 0)
      throw errors.validation([
        { path: 'organisations', message: 'campaign.error.organisationsRequired' },
      ]);
    const row = {
      id: newId(),
      title: values.title,
      period_from: values.periodFrom,
      period_to: values.periodTo,
      deadline: values.deadline,
      message: values.message || null,
      status: 'open',
      created_by: actor.userId,
      created_at: nowIso(),
      closed_at: null,
      closed_by: null,
    };
    await repo.insertCampaign(trx, row);
    await repo.insertCampaignOrganisations(
      trx,
      chosen.map((o) => ({
        campaign_id: row.id,
        organisation_id: o.id,
        answer: null,
        comment: null,
        answered_at: null,
        answered_by: null,
        snapshot: null,
        reminded_at: null,
        overdue_reminded_at: null,
      })),
    );
    await recordAudit(trx, actor, {
      entity: 'campaign',
      entityId: row.id,
      action: 'start',
      changes: {
        ...diff(null, { ...row, created_by: undefined }),
        organisations: { before: null, after: chosen.map((o) => o.slug).join(', ') },
      },
    });
    return toCampaign({ ...row, asked: chosen.length, answered: 0 });
  });
}

/** The campaigns a user sees: all for coordinators, their organisations' for reporters. */
export async function listCampaignsFor(db: Db, user: User): Promise<Campaign[]> {
  if (campaignPolicy.seeAll(user)) return (await repo.listCampaigns(db.kysely)).map(toCampaign);
  const orgs = reporterOrganisations(user);
  const lists = await Promise.all(orgs.map((o) => repo.listCampaigns(db.kysely, o)));
  const byId = new Map(lists.flat().map((r) => [r.id, toCampaign(r)]));
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getCampaign(db: Db, id: string): Promise<Campaign> {
  const row = await repo.findCampaign(db.kysely, id);
  if (!row) throw campaignNotFound(id);
  return toCampaign(row);
}

/** The live table: every asked organisation, answered or missing (overdue after the deadline). */
export async function campaignTable(
  db: Db,
  user: User,
  id: string,
  now: Date = new Date(),
): Promise<{ campaign: Campaign; responses: CampaignResponse[] }> {
  const campaign = await getCampaign(db, id);
  const rows = await repo.listCampaignOrganisations(db.kysely, id);
  const mine = new Set(reporterOrganisations(user));
  if (!campaignPolicy.seeAll(user) && !rows.some((r) => mine.has(r.organisation_id)))
    throw campaignNotFound(id);
  const today = stockholmToday(now);
  const responses = rows
    .filter((r) => campaignPolicy.seeAll(user) || mine.has(r.organisation_id))
    .map((r): CampaignResponse => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      answer: r.answer as CampaignAnswer | null,
      comment: r.comment,
      answeredAt: r.answered_at,
      answeredByName: r.answered_by_name,
      state: r.answer ? 'answered' : today > campaign.deadline ? 'overdue' : 'missing',
      snapshot: parseSnapshot(r.snapshot),
    }));
  return {
    campaign: { ...campaign, asked: rows.length, answered: rows.filter((r) => r.answer).length },
    responses,
  };
}

/** The organisation a reporter answers for in a campaign (their first one that was asked). */
export async function answeringOrganisation(
  db: Db,
  user: User,
  campaignId: string,
): Promise<{ id: string; name: string }> {
  const rows = await repo.listCampaignOrganisations(db.kysely, campaignId);
  const row = rows.find((r) => campaignPolicy.answerFor(user, r.organisation_id));
  if (!row) {
    if (!(await repo.findCampaign(db.kysely, campaignId))) throw campaignNotFound(campaignId);
    throw errors.forbidden();
  }
  return { id: row.organisation_id, name: row.organisation_name };
}

/** What an organisation has registered in the campaign's period: its list to confirm. */
export async function organisationList(
  db: Db,
  organisationId: string,
  campaign: Pick<Campaign, 'periodFrom' | 'periodTo'>,
): Promise<CampaignSnapshot> {
  return listInPeriod(db.kysely, organisationId, campaign.periodFrom, campaign.periodTo);
}

/** The collaborations and exchanges an organisation has registered between two dates. */
async function listInPeriod(
  db: Executor,
  organisationId: string,
  from: string,
  to: string,
): Promise<CampaignSnapshot> {
  const [collaborations, exchanges] = await Promise.all([
    repo.listCollaborationsInPeriod(db, organisationId, from, to),
    repo.listExchangesInPeriod(db, organisationId, from, to),
  ]);
  return {
    collaborations: collaborations.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
    })),
    exchanges: exchanges.map((e) => ({
      id: e.id,
      occurredOn: e.occurred_on,
      city: e.city_name,
      activities: e.activities,
    })),
  };
}

/** A reporter answers (or changes the answer) for their organisation while the campaign is open. */
export async function answerCampaign(
  db: Db,
  actor: Actor,
  user: User,
  campaignId: string,
  organisationId: string,
  input: AnswerInput,
): Promise<void> {
  if (!campaignPolicy.answerFor(user, organisationId)) throw errors.forbidden();
  const parsed = answerSchema.safeParse(input);
  await db.kysely.transaction().execute(async (trx) => {
    const campaign = await repo.findCampaign(trx, campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    const before = await repo.findCampaignOrganisation(trx, campaignId, organisationId);
    if (!before) throw errors.forbidden();
    if (campaign.status !== 'open') throw campaignClosed(campaignId);
    if (!parsed.success) throw errors.validation(zodProblems(parsed.error));
    const values = {
      answer: parsed.data.answer,
      comment: parsed.data.comment || null,
      answered_at: nowIso(),
      answered_by: actor.userId,
    };
    await repo.updateCampaignOrganisation(trx, campaignId, organisationId, values);
    await recordAudit(trx, actor, {
      entity: 'campaign',
      entityId: campaignId,
      action: before.answer ? 'answer.change' : 'answer',
      changes: {
        organisation_id: { before: organisationId, after: organisationId },
        ...diff(
          { answer: before.answer, comment: before.comment },
          { answer: values.answer, comment: values.comment },
        ),
      },
    });
  });
}

/** Closes a campaign: each organisation's list is frozen as a snapshot; answers stop changing. */
export async function closeCampaign(
  db: Db,
  actor: Actor,
  user: User,
  campaignId: string,
): Promise<void> {
  if (!campaignPolicy.run(user)) throw errors.forbidden();
  await db.kysely.transaction().execute(async (trx) => {
    const campaign = await repo.findCampaign(trx, campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    if (campaign.status !== 'open') throw campaignClosed(campaignId);
    const asked = await repo.listCampaignOrganisations(trx, campaignId);
    for (const org of asked) {
      const snapshot = await listInPeriod(
        trx,
        org.organisation_id,
        campaign.period_from,
        campaign.period_to,
      );
      await repo.updateCampaignOrganisation(trx, campaignId, org.organisation_id, {
        snapshot: JSON.stringify(snapshot),
      });
    }
    const closedAt = nowIso();
    await repo.updateCampaign(trx, campaignId, {
      status: 'closed',
      closed_at: closedAt,
      closed_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      entity: 'campaign',
      entityId: campaignId,
      action: 'close',
      changes: statusChange('open', 'closed', {
        answered: `${asked.filter((a) => a.answer).length}/${asked.length}`,
      }),
    });
  });
}

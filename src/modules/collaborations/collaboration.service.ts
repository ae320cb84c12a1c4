import type { Db, Executor } from '../../db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { parseOrThrow, zodProblems } from '../../shared/validation.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit, type Actor } from '../audit/audit.service.ts';
import type { RoleGrant } from '../accounts/roles.ts';
import { getChain, listCities, type City } from '../cities/city.service.ts';
import * as orgRepo from '../organisations/organisation.repository.ts';
import * as areaRepo from './area.repository.ts';
import { ensureDefaultAreas } from './area.service.ts';
import {
  type CollaborationFilters,
  type CollaborationKind,
  type CollaborationStatus,
  type ReviewState,
} from './collaboration.filters.ts';
import { collaborationPolicy, reportingOrganisations } from './collaboration.policy.ts';
import * as repo from './collaboration.repository.ts';
import {
  amountDigits,
  type DIRECTIONS,
  collaborationForm,
  exchangeForm,
  inFieldOrder,
  reviewForm,
  type CollaborationInput,
  type ExchangeInput,
  type ReviewInput,
} from './collaboration.schema.ts';
import { collaborationSearchDocument, exchangeSearchDocument } from './search-document.ts';

export { DIRECTIONS, FUNDING_KINDS, LIMITS, VISIBILITIES } from './collaboration.schema.ts';
export type { CollaborationInput, ExchangeInput, ReviewInput } from './collaboration.schema.ts';

export interface Reporter {
  id: string;
  roles: readonly RoleGrant[];
}

export interface Collaboration {
  id: string;
  organisation: { id: string; slug: string; name: string };
  title: string;
  kind: CollaborationKind;
  status: CollaborationStatus;
  startsOn: string;
  endsOn: string | null;
  goals: string | null;
  results: string | null;
  contactName: string | null;
  contactEmail: string | null;
  funding: { kind: string | null; programme: string | null; amount: number | null };
  strategyTags: string[];
  visibility: 'public' | 'internal';
  review: {
    state: ReviewState;
    comment: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
  };
  publishedAt: string | null;
  createdBy: string | null;
  updatedAt: string;
  cities: { id: string; slug: string }[];
  areas: { id: string; slug: string; nameSv: string; nameEn: string }[];
}

export const splitTags = (tags: string) => [
  ...new Set(
    tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

function toCollaboration(
  r: repo.CollaborationRow,
  cities: Awaited<ReturnType<typeof repo.listCollaborationCities>>,
  areas: Awaited<ReturnType<typeof repo.listCollaborationAreas>>,
): Collaboration {
  return {
    id: r.id,
    organisation: { id: r.organisation_id, slug: r.organisation_slug, name: r.organisation_name },
    title: r.title,
    kind: r.kind as CollaborationKind,
    status: r.status as CollaborationStatus,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    goals: r.goals,
    results: r.results,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    funding: { kind: r.funding_kind, programme: r.funding_programme, amount: r.funding_amount },
    strategyTags: splitTags(r.strategy_tags),
    visibility: r.visibility as 'public' | 'internal',
    review: {
      state: r.review_state as ReviewState,
      comment: r.review_comment,
      submittedAt: r.submitted_at,
      reviewedAt: r.reviewed_at,
    },
    publishedAt: r.published_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    cities: cities
      .filter((c) => c.collaboration_id === r.id)
      .map((c) => ({ id: c.id, slug: c.slug })),
    areas: areas
      .filter((a) => a.collaboration_id === r.id)
      .map((a) => ({ id: a.id, slug: a.slug, nameSv: a.name_sv, nameEn: a.name_en })),
  };
}

async function hydrate(db: Executor, rows: repo.CollaborationRow[]): Promise<Collaboration[]> {
  const ids = rows.map((r) => r.id);
  const [cities, areas] = await Promise.all([
    repo.listCollaborationCities(db, ids),
    repo.listCollaborationAreas(db, ids),
  ]);
  return rows.map((r) => toCollaboration(r, cities, areas));
}

export const collaborationNotFound = errors.collaborationNotFound;
export const exchangeNotFound = errors.exchangeNotFound;
/** A reporter of another organisation: refused, with a clear message. */
export const notYourOrganisation = errors.notYourOrganisation;

/** The chain's active twin cities: the only partner cities a collaboration may name. */
export async function partnerCities(db: Db): Promise<City[]> {
  const all = await listCities(db);
  const chain = await getChain(db, all);
  const members = new Set(chain?.members.map((m) => m.city.id) ?? []);
  return all.filter((c) => c.kind === 'twin' && c.status === 'active' && members.has(c.id));
}

/** The organisation the input names, if the user may report for it. */
async function resolveOrganisation(
  db: Executor,
  user: Reporter,
  slug: string,
): Promise<{ id: string } | FieldProblem> {
  const orgs = reportingOrganisations(user);
  if (!slug.trim()) {
    if (orgs !== 'all' && orgs.length === 1) return { id: orgs[0]! };
    return { path: 'organisation', message: 'collab.err.organisationRequired' };
  }
  const org = await orgRepo.findOrganisationBySlug(db, slug.trim());
  if (!org || org.active !== 1)
    return { path: 'organisation', message: 'collab.err.organisationRequired' };
  if (!collaborationPolicy.canChange(user, org.id))
    return { path: 'organisation', message: 'collab.err.notYourOrganisation' };
  return { id: org.id };
}

interface ResolvedCollaboration {
  organisationId: string;
  cityIds: string[];
  areaIds: string[];
  areaNamesSv: string[];
  amount: number | null;
}

/** Field by field, what is wrong; the ids the slugs name when nothing is. */
export async function collaborationProblems(
  twins: readonly City[],
  trx: Executor,
  user: Reporter,
  input: CollaborationInput,
  /** Areas the collaboration already has: they stay allowed after being deactivated. */
  keptAreaIds: readonly string[] = [],
): Promise<{ problems: FieldProblem[]; resolved: ResolvedCollaboration }> {
  const parsed = collaborationForm.safeParse(input);
  const problems: FieldProblem[] = parsed.success ? [] : zodProblems(parsed.error);
  const add = (path: string, message: string) => {
    if (!problems.some((p) => p.path === path)) problems.push({ path, message });
  };
  const org = await resolveOrganisation(trx, user, input.organisation);
  if ('path' in org) add(org.path, org.message);

  const cityIds: string[] = [];
  for (const slug of input.cities) {
    const city = twins.find((c) => c.slug === slug);
    if (!city) {
      add('cities', 'collab.err.cityUnknown');
      break;
    }
    if (!cityIds.includes(city.id)) cityIds.push(city.id);
  }

  await ensureDefaultAreas(trx);
  const areas = await areaRepo.listAreas(trx);
  const areaIds: string[] = [];
  const areaNamesSv: string[] = [];
  for (const slug of input.areas) {
    const area = areas.find(
      (a) => a.slug === slug && (a.active === 1 || keptAreaIds.includes(a.id)),
    );
    if (!area) {
      add('areas', 'collab.err.areaUnknown');
      break;
    }
    if (!areaIds.includes(area.id)) {
      areaIds.push(area.id);
      areaNamesSv.push(area.name_sv);
    }
  }
  const digits = amountDigits(input.fundingAmount);
  const amount = parsed.success && digits ? Number(digits) : null;
  return {
    problems: inFieldOrder(collaborationForm, problems),
    resolved: {
      organisationId: 'id' in org ? org.id : '',
      cityIds,
      areaIds,
      areaNamesSv,
      amount,
    },
  };
}

function collaborationValues(input: CollaborationInput, resolved: ResolvedCollaboration) {
  const text = (v: string) => v.trim() || null;
  return {
    organisation_id: resolved.organisationId,
    title: input.title.trim(),
    kind: input.kind,
    status: input.status,
    starts_on: input.startsOn.trim(),
    ends_on: text(input.endsOn),
    goals: text(input.goals),
    results: text(input.results),
    contact_name: text(input.contactName),
    contact_email: text(input.contactEmail)?.toLowerCase() ?? null,
    funding_kind: input.fundingKind || null,
    funding_programme: text(input.fundingProgramme),
    funding_amount: resolved.amount,
    strategy_tags: splitTags(input.strategyTags).join(', '),
    visibility: input.visibility,
  };
}

/** A reporter's save enters the review queue (P8); a coordinator's edit keeps the state. */
function reviewAfterSave(user: Reporter, current: { review_state: string } | null, now: string) {
  if (current && collaborationPolicy.canReview(user)) return {};
  return { review_state: 'submitted', submitted_at: now, review_comment: null };
}

async function submittedEvent(
  trx: Executor,
  actor: Actor,
  entity: 'collaboration' | 'exchange',
  id: string,
  now: string,
) {
  await repo.insertReviewEvent(trx, {
    id: newId(),
    entity,
    entity_id: id,
    action: 'submitted',
    comment: null,
    actor_user_id: actor.userId,
    created_at: now,
  });
}

export async function registerCollaboration(
  db: Db,
  actor: Actor,
  user: Reporter,
  input: CollaborationInput,
): Promise<Collaboration> {
  if (!collaborationPolicy.canReport(user)) throw notYourOrganisation();
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const { problems, resolved } = await collaborationProblems(twins, trx, user, input);
    if (problems.length) throw errors.validation(problems);
    const now = nowIso();
    const row = {
      id: newId(),
      ...collaborationValues(input, resolved),
      review_state: 'submitted',
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      submitted_at: now,
      published_at: null,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    };
    await repo.insertCollaboration(trx, row);
    await repo.replaceCollaborationLinks(trx, row.id, resolved.cityIds, resolved.areaIds);
    await repo.upsertSearchDocument(
      trx,
      collaborationSearchDocument({
        ...row,
        areaNamesSv: resolved.areaNamesSv,
        cityIds: resolved.cityIds,
        areaIds: resolved.areaIds,
      }),
    );
    await submittedEvent(trx, actor, 'collaboration', row.id, now);
    await recordAudit(trx, actor, {
      entity: 'collaboration',
      entityId: row.id,
      action: 'create',
      changes: diff(null, {
        ...collaborationValues(input, resolved),
        cities: input.cities,
        areas: input.areas,
        review_state: 'submitted',
      }),
    });
    return (await hydrate(trx, [(await repo.findCollaboration(trx, row.id))!]))[0]!;
  });
}

export async function changeCollaboration(
  db: Db,
  actor: Actor,
  user: Reporter,
  id: string,
  input: CollaborationInput,
): Promise<Collaboration> {
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findCollaboration(trx, id);
    if (!before) throw collaborationNotFound(id);
    if (!collaborationPolicy.canChange(user, before.organisation_id)) throw notYourOrganisation();
    const [beforeFull] = await hydrate(trx, [before]);
    const { problems, resolved } = await collaborationProblems(
      twins,
      trx,
      user,
      input,
      beforeFull!.areas.map((a) => a.id),
    );
    if (problems.length) throw errors.validation(problems);
    const now = nowIso();
    const values = collaborationValues(input, resolved);
    const review = reviewAfterSave(user, before, now);
    await repo.updateCollaboration(trx, id, { ...values, ...review, updated_at: now });
    await repo.replaceCollaborationLinks(trx, id, resolved.cityIds, resolved.areaIds);
    await repo.upsertSearchDocument(
      trx,
      collaborationSearchDocument({
        id,
        ...values,
        areaNamesSv: resolved.areaNamesSv,
        cityIds: resolved.cityIds,
        areaIds: resolved.areaIds,
      }),
    );
    // Its exchanges are found by the collaboration's areas too.
    await repo.refreshExchangeFacets(trx, id, resolved.areaIds);
    if (review.review_state) await submittedEvent(trx, actor, 'collaboration', id, now);
    await recordAudit(trx, actor, {
      entity: 'collaboration',
      entityId: id,
      action: 'update',
      changes: diff(
        {
          ...Object.fromEntries(
            Object.keys(values).map((k) => [k, before[k as keyof typeof before]]),
          ),
          cities: beforeFull!.cities.map((c) => c.slug).sort(),
          areas: beforeFull!.areas.map((a) => a.slug).sort(),
          review_state: before.review_state,
        },
        {
          ...values,
          cities: [...new Set(input.cities)].sort(),
          areas: [...new Set(input.areas)].sort(),
          review_state: review.review_state ?? before.review_state,
        },
      ),
    });
    return (await hydrate(trx, [(await repo.findCollaboration(trx, id))!]))[0]!;
  });
}

/** One collaboration; the public sees only public, published ones (else 404). */
export async function getCollaboration(
  db: Executor,
  id: string,
  scope: repo.Scope,
): Promise<Collaboration> {
  const row = await repo.findCollaboration(db, id);
  if (!row || (scope === 'public' && (row.visibility !== 'public' || !row.published_at)))
    throw collaborationNotFound(id);
  return (await hydrate(db, [row]))[0]!;
}

/**
 * The filters with their slugs resolved to ids from the cached registry; null when a slug
 * names nothing (then nothing matches, and no query is needed).
 */
export async function resolveFilters(
  db: Executor,
  filters: CollaborationFilters,
): Promise<repo.ResolvedFilters | null> {
  const ids = await cachedRead(db, 'registry', 'filter-ids', async () => {
    const all = await repo.listFilterIds(db);
    const bySlug = (rows: { id: string; slug: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, string | undefined>;
    return {
      cities: bySlug(all.cities),
      areas: bySlug(all.areas),
      organisations: bySlug(all.organisations),
    };
  });
  const lookup = (table: Record<string, string | undefined>, slug: string | undefined) =>
    slug === undefined ? undefined : Object.hasOwn(table, slug) ? (table[slug] ?? null) : null;
  const cityId = lookup(ids.cities, filters.city);
  const areaId = lookup(ids.areas, filters.area);
  const organisationId = lookup(ids.organisations, filters.organisation);
  if (cityId === null || areaId === null || organisationId === null) return null;
  return {
    cityId,
    areaId,
    organisationId,
    year: filters.year,
    status: filters.status,
    kind: filters.kind,
  };
}

export async function listCollaborations(
  db: Executor,
  filters: CollaborationFilters,
  scope: repo.Scope,
  page: { limit: number; offset: number },
) {
  const resolved = await resolveFilters(db, filters);
  if (!resolved) return { collaborations: [], total: 0 };
  const [rows, total] = await Promise.all([
    repo.listCollaborations(db, resolved, scope, page),
    // Counting every match is the slow part of a filtered list (it visits every match,
    // while the page stops after 25): cached until the next write (platform/read-cache.ts).
    cachedRead(db, 'collaborations', cacheKey('count', scope, resolved), () =>
      repo.countCollaborations(db, resolved, scope),
    ),
  ]);
  return { collaborations: await hydrate(db, rows), total };
}

/** A keyset slice (API, CSV): the rows after `after`, newest period first. */
export async function listCollaborationsAfter(
  db: Executor,
  filters: CollaborationFilters,
  scope: repo.Scope,
  after: { startsOn: string; id: string } | null,
  limit: number,
): Promise<Collaboration[]> {
  const resolved = await resolveFilters(db, filters);
  if (!resolved) return [];
  return hydrate(db, await repo.listCollaborationsAfter(db, resolved, scope, after, limit));
}

/** Every matching collaboration, in keyset batches (memory stays flat however many). */
export async function* eachCollaboration(
  db: Executor,
  filters: CollaborationFilters,
  scope: repo.Scope,
  batch = 500,
): AsyncGenerator<Collaboration> {
  let after: { startsOn: string; id: string } | null = null;
  for (;;) {
    const rows = await listCollaborationsAfter(db, filters, scope, after, batch);
    for (const row of rows) yield row;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { startsOn: last.startsOn, id: last.id };
  }
}

export async function publicCollaborationsOfCity(db: Executor, cityId: string, limit = 10) {
  return repo.listPublicCollaborationsOfCity(db, cityId, limit);
}

export async function reviewHistory(
  db: Executor,
  entity: 'collaboration' | 'exchange',
  id: string,
) {
  return repo.listReviewEvents(db, entity, id);
}

// Exchanges.

export interface Exchange {
  id: string;
  organisation: { id: string; slug: string; name: string };
  city: { id: string; slug: string };
  collaboration: { id: string; title: string } | null;
  occurredOn: string;
  direction: (typeof DIRECTIONS)[number];
  participants: number;
  activities: string;
  learnings: string | null;
  visibility: 'public' | 'internal';
  review: {
    state: ReviewState;
    comment: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
  };
  publishedAt: string | null;
  createdBy: string | null;
}

export const toExchange = (r: repo.ExchangeRow): Exchange => ({
  id: r.id,
  organisation: { id: r.organisation_id, slug: r.organisation_slug, name: r.organisation_name },
  city: { id: r.city_id, slug: r.city_slug },
  collaboration:
    r.collaboration_id && r.collaboration_title
      ? { id: r.collaboration_id, title: r.collaboration_title }
      : null,
  occurredOn: r.occurred_on,
  direction: r.direction as Exchange['direction'],
  participants: r.participants,
  activities: r.activities,
  learnings: r.learnings,
  visibility: r.visibility as 'public' | 'internal',
  review: {
    state: r.review_state as ReviewState,
    comment: r.review_comment,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
  },
  publishedAt: r.published_at,
  createdBy: r.created_by,
});

async function exchangeProblems(
  twins: readonly City[],
  trx: Executor,
  user: Reporter,
  input: ExchangeInput,
) {
  const parsed = exchangeForm.safeParse(input);
  const problems: FieldProblem[] = parsed.success ? [] : zodProblems(parsed.error);
  const add = (path: string, message: string) => {
    if (!problems.some((p) => p.path === path)) problems.push({ path, message });
  };
  const org = await resolveOrganisation(trx, user, input.organisation);
  if ('path' in org) add(org.path, org.message);
  const city = twins.find((c) => c.slug === input.city);
  if (input.city && !city) add('city', 'collab.err.cityUnknown');
  const participants = input.participants.trim();
  let collaborationId: string | null = null;
  if (input.collaboration) {
    const c = await repo.findCollaboration(trx, input.collaboration);
    if (!c || !('id' in org) || c.organisation_id !== org.id)
      add('collaboration', 'collab.err.collaborationOtherOrganisation');
    else collaborationId = c.id;
  }
  return {
    problems: inFieldOrder(exchangeForm, problems),
    values: {
      organisation_id: 'id' in org ? org.id : '',
      city_id: city?.id ?? '',
      collaboration_id: collaborationId,
      occurred_on: input.occurredOn.trim(),
      direction: input.direction,
      participants: Number(participants),
      activities: input.activities.trim(),
      learnings: input.learnings.trim() || null,
      visibility: input.visibility,
    },
  };
}

export async function registerExchange(
  db: Db,
  actor: Actor,
  user: Reporter,
  input: ExchangeInput,
): Promise<Exchange> {
  if (!collaborationPolicy.canReport(user)) throw notYourOrganisation();
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const { problems, values } = await exchangeProblems(twins, trx, user, input);
    if (problems.length) throw errors.validation(problems);
    const now = nowIso();
    const row = {
      id: newId(),
      ...values,
      review_state: 'submitted',
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      submitted_at: now,
      published_at: null,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    };
    await repo.insertExchange(trx, row);
    await repo.upsertSearchDocument(
      trx,
      exchangeSearchDocument({
        ...row,
        areaIds: await repo.areaIdsOfCollaboration(trx, row.collaboration_id),
      }),
    );
    await submittedEvent(trx, actor, 'exchange', row.id, now);
    await recordAudit(trx, actor, {
      entity: 'exchange',
      entityId: row.id,
      action: 'create',
      changes: diff(null, { ...values, review_state: 'submitted' }),
    });
    return toExchange((await repo.findExchange(trx, row.id))!);
  });
}

export async function changeExchange(
  db: Db,
  actor: Actor,
  user: Reporter,
  id: string,
  input: ExchangeInput,
): Promise<Exchange> {
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findExchange(trx, id);
    if (!before) throw exchangeNotFound(id);
    if (!collaborationPolicy.canChange(user, before.organisation_id)) throw notYourOrganisation();
    const { problems, values } = await exchangeProblems(twins, trx, user, input);
    if (problems.length) throw errors.validation(problems);
    const now = nowIso();
    const review = reviewAfterSave(user, before, now);
    await repo.updateExchange(trx, id, { ...values, ...review, updated_at: now });
    await repo.upsertSearchDocument(
      trx,
      exchangeSearchDocument({
        id,
        ...values,
        areaIds: await repo.areaIdsOfCollaboration(trx, values.collaboration_id),
      }),
    );
    if (review.review_state) await submittedEvent(trx, actor, 'exchange', id, now);
    await recordAudit(trx, actor, {
      entity: 'exchange',
      entityId: id,
      action: 'update',
      changes: diff(
        {
          ...Object.fromEntries(
            Object.keys(values).map((k) => [k, before[k as keyof typeof before]]),
          ),
          review_state: before.review_state,
        },
        { ...values, review_state: review.review_state ?? before.review_state },
      ),
    });
    return toExchange((await repo.findExchange(trx, id))!);
  });
}

export async function getExchange(db: Executor, id: string): Promise<Exchange> {
  const row = await repo.findExchange(db, id);
  if (!row) throw exchangeNotFound(id);
  return toExchange(row);
}

export async function listExchanges(
  db: Executor,
  filters: {
    organisation?: string | undefined;
    city?: string | undefined;
    year?: string | undefined;
  },
  page: { limit: number; offset: number },
) {
  const [rows, total] = await Promise.all([
    repo.listExchanges(db, filters, page),
    cachedRead(db, 'collaborations', cacheKey('exchange-count', filters), () =>
      repo.countExchanges(db, filters),
    ),
  ]);
  return { exchanges: rows.map(toExchange), total };
}

export async function exchangesOfCollaboration(db: Executor, id: string, scope: repo.Scope) {
  return (await repo.listExchangesOfCollaboration(db, id, scope)).map(toExchange);
}

/** Collaborations the user may attach an exchange to. */
export async function collaborationChoices(db: Executor, user: Reporter) {
  const orgs = reportingOrganisations(user);
  return repo.listCollaborationChoices(db, orgs === 'all' ? null : orgs);
}

// Review (P8).

export type ReviewEntity = 'collaboration' | 'exchange';

export async function reviewQueue(db: Executor) {
  const [collaborations, exchanges] = await Promise.all([
    repo.listSubmittedCollaborations(db, 200),
    repo.listSubmittedExchanges(db, 200),
  ]);
  return {
    collaborations: await hydrate(db, collaborations),
    exchanges: exchanges.map(toExchange),
  };
}

export interface ReviewMail {
  publicUrl: string;
  subject: (kind: 'acknowledged' | 'returned', title: string) => string;
  text: (kind: 'acknowledged' | 'returned', title: string, comment: string, link: string) => string;
}

/**
 * A coordinator acknowledges a submitted report (it is published, if public, from then
 * on) or returns it with a comment. The reporters of the organisation and the item's
 * creator are told by e-mail, in the same transaction.
 */
export async function reviewItem(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  user: Reporter,
  entity: ReviewEntity,
  id: string,
  input: ReviewInput,
  mail: ReviewMail,
): Promise<void> {
  if (!collaborationPolicy.canReview(user)) throw errors.forbidden();
  const { decision, comment } = parseOrThrow(reviewForm, input);
  await db.kysely.transaction().execute(async (trx) => {
    const item =
      entity === 'collaboration'
        ? await repo.findCollaboration(trx, id)
        : await repo.findExchange(trx, id);
    if (!item) throw entity === 'collaboration' ? collaborationNotFound(id) : exchangeNotFound(id);
    if (item.review_state !== 'submitted')
      throw errors.validation([{ path: 'decision', message: 'collab.err.notSubmitted' }]);
    const now = nowIso();
    const state = decision === 'acknowledge' ? 'acknowledged' : 'returned';
    const values = {
      review_state: state,
      review_comment: comment || null,
      reviewed_by: user.id,
      reviewed_at: now,
      ...(state === 'acknowledged' && !item.published_at ? { published_at: now } : {}),
    };
    if (entity === 'collaboration') await repo.updateCollaboration(trx, id, values);
    else await repo.updateExchange(trx, id, values);
    await repo.insertReviewEvent(trx, {
      id: newId(),
      entity,
      entity_id: id,
      action: state,
      comment: comment || null,
      actor_user_id: actor.userId,
      created_at: now,
    });
    await recordAudit(trx, actor, {
      entity,
      entityId: id,
      action: state === 'acknowledged' ? 'acknowledge' : 'return',
      changes: diff(
        { review_state: item.review_state, review_comment: item.review_comment },
        { review_state: state, review_comment: comment || null },
      ),
    });
    const title = 'title' in item ? item.title : item.activities.slice(0, 80);
    const link = `${mail.publicUrl.replace(/\/$/, '')}/workspace/${entity === 'collaboration' ? 'collaborations' : 'exchanges'}/${id}`;
    const recipients = await repo.listReporterEmails(trx, item.organisation_id, item.created_by);
    for (const r of recipients) {
      await mailer.send(trx, {
        to: r.email,
        subject: mail.subject(state, title),
        text: mail.text(state, title, comment, link),
      });
    }
  });
}

export async function organisationChoices(db: Executor, user: Reporter) {
  const orgs = reportingOrganisations(user);
  const all = (await orgRepo.listOrganisations(db)).filter((o) => o.active === 1);
  return orgs === 'all' ? all : all.filter((o) => orgs.includes(o.id));
}

import type { Executor } from '../../db/database.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import { listOrganisations } from '../organisations/index.ts';
import type {
  CollaborationFilters,
  CollaborationKind,
  CollaborationStatus,
} from './collaboration.filters.ts';
import {
  collaborationNotFound,
  reportedRecord,
  type Reporter,
  type ReportedRecord,
} from './collaboration.helpers.ts';
import { reportingOrganisations } from './collaboration.policy.ts';
import * as repo from './collaboration.repository.ts';
import {
  collaborationProblems,
  collaborationValues,
  splitTags,
  type CollaborationInput,
} from './collaboration.validation.ts';
import { reportWrites } from './report.service.ts';
import { collaborationSearchDocument } from './search-document.ts';

// Collaborations: registering and changing one (a reporter's save enters the review
// queue), reading one, the filtered lists. Exchanges and the review have their own services.

export interface Collaboration extends ReportedRecord {
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
  cities: { id: string; slug: string }[];
  areas: { id: string; slug: string; nameSv: string; nameEn: string }[];
}

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
    ...reportedRecord(r),
    cities: cities
      .filter((c) => c.collaboration_id === r.id)
      .map((c) => ({ id: c.id, slug: c.slug })),
    areas: areas
      .filter((a) => a.collaboration_id === r.id)
      .map((a) => ({ id: a.id, slug: a.slug, nameSv: a.name_sv, nameEn: a.name_en })),
  };
}

export async function hydrate(
  db: Executor,
  rows: repo.CollaborationRow[],
): Promise<Collaboration[]> {
  const ids = rows.map((r) => r.id);
  const [cities, areas] = await Promise.all([
    repo.listCollaborationCities(db, ids),
    repo.listCollaborationAreas(db, ids),
  ]);
  return rows.map((r) => toCollaboration(r, cities, areas));
}

/**
 * Registering a collaboration (a reporter's new one enters the review queue) and changing one, only
 * over the version the edit form was opened at.
 */
export const { register: registerCollaboration, change: changeCollaboration } = reportWrites({
  entity: 'collaboration',
  check: async (
    twins,
    trx,
    user,
    input: CollaborationInput,
    before: repo.CollaborationRow | null,
  ) => {
    if (!before)
      return { ...(await collaborationProblems(twins, trx, user, input)), beforeFull: null };
    const [beforeFull] = await hydrate(trx, [before]);
    const keptAreaIds = beforeFull!.areas.map((a) => a.id);
    const checked = await collaborationProblems(twins, trx, user, input, keptAreaIds);
    return { ...checked, beforeFull: beforeFull! };
  },
  values: (input, { resolved }) => collaborationValues(input, resolved),
  find: (trx, id) => repo.findCollaboration(trx, id),
  insert: repo.insertCollaboration,
  save: repo.updateCollaboration,
  written: async (trx, row, { resolved }, created) => {
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
    // Its exchanges are found by the collaboration's areas too.
    if (!created) await repo.refreshExchangeFacets(trx, row.id, resolved.areaIds);
  },
  linked: {
    created: (input) => ({ cities: input.cities, areas: input.areas }),
    changed: (input, { beforeFull }) => ({
      before: {
        cities: beforeFull!.cities.map((c) => c.slug).sort(),
        areas: beforeFull!.areas.map((a) => a.slug).sort(),
      },
      after: {
        cities: [...new Set(input.cities)].sort(),
        areas: [...new Set(input.areas)].sort(),
      },
    }),
  },
  read: async (trx, id) => (await hydrate(trx, [(await repo.findCollaboration(trx, id))!]))[0]!,
});

/**
 * One collaboration, if the scope may read it, else 404 (as if it did not exist): the
 * public only public, published ones; a partner contact also those of their city.
 */
export async function getCollaboration(
  db: Executor,
  id: string,
  scope: repo.Scope,
): Promise<Collaboration> {
  const row = await repo.findCollaboration(db, id, scope);
  if (!row) throw collaborationNotFound(id);
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

/** A public collaboration that is new or finished since a moment (the newsletter's digest). */
export interface CollaborationChange {
  id: string;
  title: string;
  /** `new`: published since then; `finished`: completed since then. */
  change: 'new' | 'finished';
  startsOn: string;
  endsOn: string | null;
  cityIds: string[];
}

/**
 * Public collaborations published since `since`, and those completed since then (`since`
 * null: every public one published), for the newsletter's digest.
 */
export async function publicCollaborationChanges(
  db: Executor,
  since: string | null,
): Promise<CollaborationChange[]> {
  const rows = await repo.listPublicCollaborationChanges(db, since);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    change:
      r.status === 'completed' && (since === null || (r.published_at ?? '') < since)
        ? 'finished'
        : 'new',
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    cityIds: r.city_ids,
  }));
}

export async function organisationChoices(db: Executor, user: Reporter) {
  const orgs = reportingOrganisations(user);
  const all = (await listOrganisations(db)).filter((o) => o.active);
  return orgs === 'all' ? all : all.filter((o) => orgs.includes(o.id));
}

/** When a collaboration the public may read last changed (an ISO instant), or null. */
export async function latestPublicCollaborationChange(db: Executor): Promise<string | null> {
  return repo.latestPublicCollaborationChange(db);
}

/**
 * Public, published collaborations with their titles, for other modules that link to them
 * (news): all of them by title, or only the ones named.
 */
export async function publicCollaborationTitles(
  db: Executor,
  options: { ids?: readonly string[]; limit?: number } = {},
): Promise<{ id: string; title: string; startsOn: string }[]> {
  const rows = await repo.listPublicCollaborationTitles(db, {
    ...(options.ids ? { ids: options.ids } : {}),
    limit: options.limit ?? 1000,
  });
  return rows.map((r) => ({ id: r.id, title: r.title, startsOn: r.starts_on }));
}

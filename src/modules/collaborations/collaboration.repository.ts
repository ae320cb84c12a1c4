import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { withOrganisation } from '../../db/joins.ts';
import { afterCursor } from '../../db/keyset.ts';
import { qualified } from '../../db/qualified.ts';
import { tableAccess } from '../../db/table-access.ts';
import { facetsText } from './search-document.ts';
import type { CollaborationTable, SearchDocumentTable } from './collaboration.table.ts';

/**
 * Who is looking (collaboration.policy.ts `readScope`): `public` sees only public,
 * acknowledged (published) rows; `internal` every row; a partner contact the public rows
 * and those linked to one of their cities.
 */
export type Scope = 'public' | 'internal' | { readonly partnerCityIds: readonly string[] };

/** What a collaboration records (what its page shows and the export writes). */
export const COLLABORATION_FACTS = [
  'title',
  'kind',
  'status',
  'starts_on',
  'ends_on',
  'goals',
  'results',
  'contact_name',
  'contact_email',
  'funding_kind',
  'funding_programme',
  'funding_amount',
  'strategy_tags',
  'visibility',
  'review_state',
] as const;

const COLLAB_COLUMNS = [
  'c.id',
  'c.organisation_id',
  ...qualified('c', COLLABORATION_FACTS),
  'c.review_comment',
  'c.reviewed_by',
  'c.reviewed_at',
  'c.submitted_at',
  'c.published_at',
  'c.created_by',
  'c.created_at',
  'c.updated_at',
] as const;

type CollabQuery = SelectQueryBuilder<
  Database & { c: CollaborationTable; o: Database['organisation'] },
  'c' | 'o',
  object
>;

function baseCollaborations(db: Executor) {
  return db
    .selectFrom('collaboration as c')
    .select(COLLAB_COLUMNS)
    .$call((q) => withOrganisation(q, 'c.organisation_id'))
    .select('o.slug as organisation_slug');
}

/**
 * The filters of collaboration.filters.ts with the slugs already resolved to ids (the
 * service does that from the cached registry): the link tables are then probed by their
 * primary keys, without joining cities, areas or organisations.
 */
export interface ResolvedFilters {
  cityId?: string | undefined;
  areaId?: string | undefined;
  organisationId?: string | undefined;
  year?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
}

/** The rows a scope may read, as SQL (one predicate for lists, counts and single rows). */
function applyScope(q: CollabQuery, scope: Scope): CollabQuery {
  if (scope === 'internal') return q;
  if (scope === 'public')
    return q.where('c.visibility', '=', 'public').where('c.published_at', 'is not', null);
  const cityIds = scope.partnerCityIds;
  return q.where((eb) =>
    eb.or([
      eb.and([eb('c.visibility', '=', 'public'), eb('c.published_at', 'is not', null)]),
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('collaboration_city as own')
          .select('own.collaboration_id')
          .where('own.city_id', 'in', cityIds.length > 0 ? cityIds : ['']),
      ),
    ]),
  );
}

/** The filters as SQL; `year` means the period overlaps the year. */
function applyFilters<Q extends CollabQuery>(q: Q, f: ResolvedFilters, scope: Scope): Q {
  let out = applyScope(q, scope);
  if (f.organisationId) out = out.where('c.organisation_id', '=', f.organisationId);
  if (f.status) out = out.where('c.status', '=', f.status);
  if (f.kind) out = out.where('c.kind', '=', f.kind);
  if (f.year) {
    const year = f.year;
    out = out
      .where('c.starts_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', `${year}-01-01`)]));
  }
  // IN over the link tables (indexed by city/area first) lets the database start from
  // the few linked rows, or probe them by primary key, instead of joining the registry.
  if (f.cityId) {
    const cityId = f.cityId;
    out = out.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('collaboration_city as cc')
        .select('cc.collaboration_id')
        .where('cc.city_id', '=', cityId),
    );
  }
  if (f.areaId) {
    const areaId = f.areaId;
    out = out.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('collaboration_area as ca')
        .select('ca.collaboration_id')
        .where('ca.area_id', '=', areaId),
    );
  }
  return out as Q;
}

const filtered = (db: Executor, f: ResolvedFilters, scope: Scope) =>
  applyFilters(baseCollaborations(db) as unknown as CollabQuery, f, scope) as unknown as ReturnType<
    typeof baseCollaborations
  >;

const collaborations = tableAccess('collaboration', ['id'], {
  fixed: ['created_at', 'created_by'],
});
const cityLinks = tableAccess('collaboration_city', ['collaboration_id', 'city_id']);
const areaLinks = tableAccess('collaboration_area', ['area_id']);
const slugs = {
  cities: tableAccess('city', ['id', 'slug']),
  areas: tableAccess('area', ['id', 'slug']),
  organisations: tableAccess('organisation', ['id', 'slug']),
};

/** Ids by slug of cities, areas and organisations (to resolve list filters). */
export async function listFilterIds(db: Executor) {
  const [cities, areas, organisations] = await Promise.all([
    slugs.cities.list(db, {}),
    slugs.areas.list(db, {}),
    slugs.organisations.list(db, {}),
  ]);
  return { cities, areas, organisations };
}

/** One collaboration, if the scope may read it (by default: any). */
export function findCollaboration(db: Executor, id: string, scope: Scope = 'internal') {
  return filtered(db, {}, scope).where('c.id', '=', id).executeTakeFirst();
}

/** Of these collaborations, the ids the scope may read. */
export async function listReadableCollaborationIds(
  db: Executor,
  ids: readonly string[],
  scope: Scope,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await filtered(db, {}, scope).where('c.id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export type CollaborationRow = NonNullable<Awaited<ReturnType<typeof findCollaboration>>>;

/** One page by offset, newest period first (HTML lists). */
export function listCollaborations(
  db: Executor,
  f: ResolvedFilters,
  scope: Scope,
  page: { limit: number; offset: number },
) {
  return filtered(db, f, scope)
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countCollaborations(
  db: Executor,
  f: ResolvedFilters,
  scope: Scope,
): Promise<number> {
  const q = db
    .selectFrom('collaboration as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id') as unknown as CollabQuery;
  const row = await applyFilters(q, f, scope)
    .select((eb: ExpressionBuilder<Database & { c: CollaborationTable }, 'c'>) =>
      eb.fn.countAll<number>().as('n'),
    )
    .executeTakeFirst();
  return Number((row as { n?: number } | undefined)?.n ?? 0);
}

/**
 * One slice by keyset on (starts_on, id), descending: the rows after `after`. Stable
 * under inserts, constant cost per slice (API and CSV).
 */
export function listCollaborationsAfter(
  db: Executor,
  f: ResolvedFilters,
  scope: Scope,
  after: { startsOn: string; id: string } | null,
  limit: number,
) {
  let q = filtered(db, f, scope);
  if (after) {
    const cursor = { value: after.startsOn, id: after.id };
    q = q.where(afterCursor('c.starts_on', 'c.id', cursor, 'desc'));
  }
  return q.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
}

export const insertCollaboration = collaborations.insert;

/** Updates the row, with a version only while it is still that version (optimistic locking). */
export const updateCollaboration = collaborations.updateVersioned;

export async function replaceCollaborationLinks(
  db: Executor,
  id: string,
  cityIds: readonly string[],
  areaIds: readonly string[],
) {
  const links = { collaboration_id: id };
  await cityLinks.replace(
    db,
    links,
    cityIds.map((city_id) => ({ ...links, city_id })),
  );
  await areaLinks.replace(
    db,
    links,
    areaIds.map((area_id) => ({ ...links, area_id })),
  );
}

/** Partner cities of collaborations: (collaboration_id, city id, slug). */
export function listCollaborationCities(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('collaboration_city as cc')
    .innerJoin('city', 'city.id', 'cc.city_id')
    .select(['cc.collaboration_id', 'city.id', 'city.slug'])
    .where('cc.collaboration_id', 'in', ids)
    .execute();
}

export function listCollaborationAreas(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('collaboration_area as ca')
    .innerJoin('area', 'area.id', 'ca.area_id')
    .select(['ca.collaboration_id', 'area.id', 'area.slug', 'area.name_sv', 'area.name_en'])
    .where('ca.collaboration_id', 'in', ids)
    .orderBy('area.position')
    .execute();
}

/** Public collaborations with a city (the city page). */
export function listPublicCollaborationsOfCity(db: Executor, cityId: string, limit: number) {
  return db
    .selectFrom('collaboration as c')
    .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
    .select(['c.id', 'c.title', 'c.starts_on', 'c.ends_on'])
    .$call((q) => withOrganisation(q, 'c.organisation_id'))
    .where('cc.city_id', '=', cityId)
    .where('c.visibility', '=', 'public')
    .where('c.published_at', 'is not', null)
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}
/**
 * Public collaborations published since `since` (new) or completed since then (their last
 * change on or after `since`), with their cities: the newsletter's digest.
 */
export async function listPublicCollaborationChanges(db: Executor, since: string | null) {
  let query = db
    .selectFrom('collaboration as c')
    .select([
      'c.id',
      'c.title',
      'c.status',
      'c.starts_on',
      'c.ends_on',
      'c.published_at',
      'c.updated_at',
    ])
    .where('c.visibility', '=', 'public')
    .where('c.published_at', 'is not', null);
  if (since) {
    query = query.where((eb) =>
      eb.or([
        eb('c.published_at', '>=', since),
        eb.and([eb('c.status', '=', 'completed'), eb('c.updated_at', '>=', since)]),
      ]),
    );
  }
  const rows = await query.orderBy('c.published_at', 'desc').orderBy('c.id').limit(200).execute();
  const cities =
    rows.length === 0
      ? []
      : await cityLinks.list(db, { collaboration_id: ['in', rows.map((r) => r.id)] });
  return rows.map((r) => ({
    ...r,
    city_ids: cities.filter((c) => c.collaboration_id === r.id).map((c) => c.city_id),
  }));
}
// Search documents (the knowledge bank's index, written with the entity).

const exchangesOfCollaboration = tableAccess('exchange', [
  'id',
  'city_id',
  'organisation_id',
  'occurred_on',
]);
const searchDocuments = tableAccess('search_document', ['id']);

/** The area ids of a collaboration (none for an exchange that stands alone). */
export async function areaIdsOfCollaboration(
  db: Executor,
  collaborationId: string | null,
): Promise<string[]> {
  if (!collaborationId) return [];
  const rows = await areaLinks.list(db, { collaboration_id: collaborationId });
  return rows.map((r) => r.area_id);
}

/** Rewrites the facets of a collaboration's exchanges after its areas changed. */
export async function refreshExchangeFacets(
  db: Executor,
  collaborationId: string,
  areaIds: readonly string[],
): Promise<void> {
  const exchanges = await exchangesOfCollaboration.list(db, { collaboration_id: collaborationId });
  for (const x of exchanges)
    await searchDocuments.update(db, x.id, {
      facets: facetsText({
        organisationId: x.organisation_id,
        year: Number(x.occurred_on.slice(0, 4)),
        cityIds: [x.city_id],
        areaIds,
      }),
    });
}

export async function upsertSearchDocument(db: Executor, doc: SearchDocumentTable) {
  const { id, ...rest } = doc;
  if (await searchDocuments.find(db, id)) await searchDocuments.update(db, id, rest);
  else await searchDocuments.insert(db, doc);
}

/** When a public, published collaboration last changed, for the open-data catalogue. */
export const latestPublicCollaborationChange = (db: Executor): Promise<string | null> =>
  collaborations.max(db, 'updated_at', { visibility: 'public', published_at: ['is not', null] });

/** Public, published collaborations by title (the news form's link choices), or the ones named. */
export function listPublicCollaborationTitles(
  db: Executor,
  options: { ids?: readonly string[]; limit: number },
) {
  let query = db
    .selectFrom('collaboration as c')
    .select(['c.id', 'c.title', 'c.starts_on'])
    .where('c.visibility', '=', 'public')
    .where('c.published_at', 'is not', null);
  if (options.ids) {
    if (options.ids.length === 0) return Promise.resolve([]);
    query = query.where('c.id', 'in', options.ids);
  }
  return query.orderBy('c.title').orderBy('c.id').limit(options.limit).execute();
}

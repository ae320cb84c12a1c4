import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { highlight, queryTerms, snippet } from './highlight.ts';
import { facetToken, facetsText } from './search-document.ts';
import type {
  CollaborationTable,
  ExchangeTable,
  ReviewEventTable,
  SearchDocumentTable,
} from './collaboration.table.ts';

/** Who is looking: `public` sees only public, acknowledged (published) rows. */
export type Scope = 'public' | 'internal';

const COLLAB_COLUMNS = [
  'c.id',
  'c.organisation_id',
  'c.title',
  'c.kind',
  'c.status',
  'c.starts_on',
  'c.ends_on',
  'c.goals',
  'c.results',
  'c.contact_name',
  'c.contact_email',
  'c.funding_kind',
  'c.funding_programme',
  'c.funding_amount',
  'c.strategy_tags',
  'c.visibility',
  'c.review_state',
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
  Database & { c: CollaborationTable },
  'c' | 'organisation',
  object
>;

function baseCollaborations(db: Executor) {
  return db
    .selectFrom('collaboration as c')
    .innerJoin('organisation', 'organisation.id', 'c.organisation_id')
    .select(COLLAB_COLUMNS)
    .select(['organisation.name as organisation_name', 'organisation.slug as organisation_slug']);
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

/** The filters as SQL; `year` means the period overlaps the year. */
function applyFilters<Q extends CollabQuery>(q: Q, f: ResolvedFilters, scope: Scope): Q {
  let out = q as CollabQuery;
  if (scope === 'public')
    out = out.where('c.visibility', '=', 'public').where('c.published_at', 'is not', null);
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

/** Ids by slug of cities, areas and organisations (to resolve list filters). */
export async function listFilterIds(db: Executor) {
  const [cities, areas, organisations] = await Promise.all([
    db.selectFrom('city').select(['id', 'slug']).execute(),
    db.selectFrom('area').select(['id', 'slug']).execute(),
    db.selectFrom('organisation').select(['id', 'slug']).execute(),
  ]);
  return { cities, areas, organisations };
}

export function findCollaboration(db: Executor, id: string) {
  return baseCollaborations(db).where('c.id', '=', id).executeTakeFirst();
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
    .innerJoin('organisation', 'organisation.id', 'c.organisation_id') as unknown as CollabQuery;
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
    q = q.where((eb) =>
      eb.or([
        eb('c.starts_on', '<', after.startsOn),
        eb.and([eb('c.starts_on', '=', after.startsOn), eb('c.id', '<', after.id)]),
      ]),
    );
  }
  return q.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
}

/** Review queue: submitted collaborations, oldest submission first. */
export function listSubmittedCollaborations(db: Executor, limit: number) {
  return baseCollaborations(db)
    .where('c.review_state', '=', 'submitted')
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

export function insertCollaboration(db: Executor, row: CollaborationTable) {
  return db.insertInto('collaboration').values(row).execute();
}

export function updateCollaboration(
  db: Executor,
  id: string,
  values: Partial<Omit<CollaborationTable, 'id' | 'created_at' | 'created_by'>>,
) {
  return db.updateTable('collaboration').set(values).where('id', '=', id).execute();
}

export async function replaceCollaborationLinks(
  db: Executor,
  id: string,
  cityIds: readonly string[],
  areaIds: readonly string[],
) {
  await db.deleteFrom('collaboration_city').where('collaboration_id', '=', id).execute();
  await db.deleteFrom('collaboration_area').where('collaboration_id', '=', id).execute();
  if (cityIds.length)
    await db
      .insertInto('collaboration_city')
      .values(cityIds.map((city_id) => ({ collaboration_id: id, city_id })))
      .execute();
  if (areaIds.length)
    await db
      .insertInto('collaboration_area')
      .values(areaIds.map((area_id) => ({ collaboration_id: id, area_id })))
      .execute();
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
    .innerJoin('organisation', 'organisation.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.title',
      'c.starts_on',
      'c.ends_on',
      'organisation.name as organisation_name',
    ])
    .where('cc.city_id', '=', cityId)
    .where('c.visibility', '=', 'public')
    .where('c.published_at', 'is not', null)
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

// Exchanges.

const EXCHANGE_COLUMNS = [
  'e.id',
  'e.organisation_id',
  'e.collaboration_id',
  'e.city_id',
  'e.occurred_on',
  'e.direction',
  'e.participants',
  'e.activities',
  'e.learnings',
  'e.visibility',
  'e.review_state',
  'e.review_comment',
  'e.reviewed_by',
  'e.reviewed_at',
  'e.submitted_at',
  'e.published_at',
  'e.created_by',
  'e.created_at',
  'e.updated_at',
] as const;

function baseExchanges(db: Executor) {
  return db
    .selectFrom('exchange as e')
    .innerJoin('organisation', 'organisation.id', 'e.organisation_id')
    .innerJoin('city', 'city.id', 'e.city_id')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id')
    .select(EXCHANGE_COLUMNS)
    .select([
      'organisation.name as organisation_name',
      'organisation.slug as organisation_slug',
      'city.slug as city_slug',
      'c.title as collaboration_title',
    ]);
}

export function findExchange(db: Executor, id: string) {
  return baseExchanges(db).where('e.id', '=', id).executeTakeFirst();
}

export type ExchangeRow = NonNullable<Awaited<ReturnType<typeof findExchange>>>;

export function listExchanges(
  db: Executor,
  f: { organisation?: string | undefined; city?: string | undefined; year?: string | undefined },
  page: { limit: number; offset: number },
) {
  let q = baseExchanges(db);
  if (f.organisation) q = q.where('organisation.slug', '=', f.organisation);
  if (f.city) q = q.where('city.slug', '=', f.city);
  if (f.year)
    q = q
      .where('e.occurred_on', '>=', `${f.year}-01-01`)
      .where('e.occurred_on', '<=', `${f.year}-12-31`);
  return q
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countExchanges(
  db: Executor,
  f: { organisation?: string | undefined; city?: string | undefined; year?: string | undefined },
): Promise<number> {
  let q = db
    .selectFrom('exchange as e')
    .innerJoin('organisation', 'organisation.id', 'e.organisation_id')
    .innerJoin('city', 'city.id', 'e.city_id');
  if (f.organisation) q = q.where('organisation.slug', '=', f.organisation);
  if (f.city) q = q.where('city.slug', '=', f.city);
  if (f.year)
    q = q
      .where('e.occurred_on', '>=', `${f.year}-01-01`)
      .where('e.occurred_on', '<=', `${f.year}-12-31`);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listExchangesOfCollaboration(db: Executor, collaborationId: string, scope: Scope) {
  let q = baseExchanges(db).where('e.collaboration_id', '=', collaborationId);
  if (scope === 'public')
    q = q.where('e.visibility', '=', 'public').where('e.published_at', 'is not', null);
  return q.orderBy('e.occurred_on', 'desc').execute();
}

export function listSubmittedExchanges(db: Executor, limit: number) {
  return baseExchanges(db)
    .where('e.review_state', '=', 'submitted')
    .orderBy('e.submitted_at')
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

export function insertExchange(db: Executor, row: ExchangeTable) {
  return db.insertInto('exchange').values(row).execute();
}

export function updateExchange(
  db: Executor,
  id: string,
  values: Partial<Omit<ExchangeTable, 'id' | 'created_at' | 'created_by'>>,
) {
  return db.updateTable('exchange').set(values).where('id', '=', id).execute();
}

/** Collaborations an exchange may belong to: those of one organisation. */
export function listCollaborationChoices(db: Executor, organisationIds: readonly string[] | null) {
  let q = db
    .selectFrom('collaboration')
    .select(['id', 'title', 'organisation_id', 'starts_on'])
    .orderBy('starts_on', 'desc');
  if (organisationIds) {
    if (organisationIds.length === 0) return Promise.resolve([]);
    q = q.where('organisation_id', 'in', organisationIds);
  }
  return q.limit(500).execute();
}

// Review events, search documents, recipients.

export function insertReviewEvent(db: Executor, row: ReviewEventTable) {
  return db.insertInto('review_event').values(row).execute();
}

export function listReviewEvents(db: Executor, entity: string, entityId: string) {
  return db
    .selectFrom('review_event')
    .leftJoin('app_user', 'app_user.id', 'review_event.actor_user_id')
    .select([
      'review_event.id',
      'review_event.action',
      'review_event.comment',
      'review_event.created_at',
      'app_user.name as actor_name',
    ])
    .where('review_event.entity', '=', entity)
    .where('review_event.entity_id', '=', entityId)
    .orderBy('review_event.created_at')
    .execute();
}

/** The area ids of a collaboration (none for an exchange that stands alone). */
export async function areaIdsOfCollaboration(
  db: Executor,
  collaborationId: string | null,
): Promise<string[]> {
  if (!collaborationId) return [];
  const rows = await db
    .selectFrom('collaboration_area')
    .select('area_id')
    .where('collaboration_id', '=', collaborationId)
    .execute();
  return rows.map((r) => r.area_id);
}

/** Rewrites the facets of a collaboration's exchanges after its areas changed. */
export async function refreshExchangeFacets(
  db: Executor,
  collaborationId: string,
  areaIds: readonly string[],
): Promise<void> {
  const exchanges = await db
    .selectFrom('exchange')
    .select(['id', 'city_id', 'organisation_id', 'occurred_on'])
    .where('collaboration_id', '=', collaborationId)
    .execute();
  for (const x of exchanges)
    await db
      .updateTable('search_document')
      .set({
        facets: facetsText({
          organisationId: x.organisation_id,
          year: Number(x.occurred_on.slice(0, 4)),
          cityIds: [x.city_id],
          areaIds,
        }),
      })
      .where('id', '=', x.id)
      .execute();
}

export async function upsertSearchDocument(db: Executor, doc: SearchDocumentTable) {
  const existing = await db
    .selectFrom('search_document')
    .select('id')
    .where('id', '=', doc.id)
    .executeTakeFirst();
  if (existing) {
    const { id, ...rest } = doc;
    await db.updateTable('search_document').set(rest).where('id', '=', id).execute();
  } else {
    await db.insertInto('search_document').values(doc).execute();
  }
}

/** E-mail addresses of the active reporters of an organisation, and of one user. */
export function listReporterEmails(db: Executor, organisationId: string, userId: string | null) {
  return db
    .selectFrom('app_user')
    .select(['app_user.email'])
    .where('app_user.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('user_role')
            .select('user_role.user_id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role', '=', 'reporter')
            .where('user_role.organisation_id', '=', organisationId),
        ),
        eb('app_user.id', '=', userId ?? ''),
      ]),
    )
    .orderBy('app_user.email')
    .execute();
}

// The knowledge bank.

/** The knowledge bank's filters, slugs already resolved to ids (see the service). */
export interface KnowledgeFilters {
  cityId?: string | undefined;
  areaId?: string | undefined;
  organisationId?: string | undefined;
  year?: string | undefined;
}

/** Marks around highlighted words: private-use characters, turned into <mark> by the view. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Every filter as a facet token (migration 0009, search-document.ts). */
function facetTokens(f: KnowledgeFilters): string[] {
  return [
    ...(f.cityId ? [facetToken('city', f.cityId)] : []),
    ...(f.areaId ? [facetToken('area', f.areaId)] : []),
    ...(f.organisationId ? [facetToken('organisation', f.organisationId)] : []),
    ...(f.year ? [facetToken('year', f.year)] : []),
  ];
}

export interface KnowledgeHit {
  id: string;
  entity: string;
  title: string;
  snippet: string;
  year: number;
  organisation_id: string;
  total: number;
}

type RankedRow = Omit<KnowledgeHit, 'snippet' | 'total'> & { rid: number; body: string };

/**
 * Full-text search over the knowledge bank. SQLite: FTS5 `match` with bm25 (title
 * weighs 5×) and snippet(); `ftsQuery` is already escaped (see knowledge.ts) and is
 * matched in the title and body only, the city and area filters as facet tokens in the
 * same match. PostgreSQL: the generated tsvector (Swedish), websearch_to_tsquery, ts_rank
 * and ts_headline, the facets through their array index. An empty query lists the newest
 * documents. Every row carries the total.
 */
export async function searchKnowledge(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  query: { text: string; ftsQuery: string; prefixQuery: string },
  f: KnowledgeFilters,
  page: { limit: number; offset: number },
): Promise<KnowledgeHit[]> {
  const facets = facetTokens(f);
  if (dialect === 'sqlite') {
    const facetMatch = facets.map((t) => `facets : "${t}"`).join(' AND ');
    if (!query.text)
      return newestDocuments(
        db,
        facetMatch
          ? sql`d.rowid in (select rowid from search_document_fts
              where search_document_fts match ${facetMatch})`
          : sql`1 = 1`,
        page,
      );
    if (!query.ftsQuery) return [];
    const match = [`{title body} : (${query.ftsQuery})`, ...(facetMatch ? [facetMatch] : [])].join(
      ' AND ',
    );
    // The index alone ranks every match (the filters are tokens in the same match) and
    // the page's documents are fetched afterwards; the total is a separate count (a window
    // count over every match cost as much as the ranking); highlights and snippets are
    // built in JavaScript for the page's rows (FTS5's highlight() and snippet() evaluate
    // the whole match again: 40 ms for a broad word).
    const [ranked, counted] = await Promise.all([
      sql<RankedRow>`
        select d.rowid as rid, d.id, d.entity, d.title, d.body, d.year, d.organisation_id
        from (select rowid as rid, bm25(search_document_fts, 5.0, 1.0, 0.0) as rank
          from search_document_fts where search_document_fts match ${match}
          order by rank, rowid limit ${page.limit} offset ${page.offset}) r
        join search_document d on d.rowid = r.rid
        order by r.rank, r.rid`.execute(db),
      sql<{ n: number }>`select count(*) as n from search_document_fts
        where search_document_fts match ${match}`.execute(db),
    ]);
    const total = Number(counted.rows[0]?.n ?? 0);
    const terms = queryTerms(query.text);
    const marks: [string, string] = [MARK_START, MARK_END];
    return ranked.rows.map(({ rid: _rid, body, ...hit }) => ({
      ...hit,
      total,
      title: highlight(hit.title, terms, marks),
      snippet: snippet(body, terms, marks),
    }));
  }
  const where = facets.length
    ? sql`string_to_array(d.facets, ' ') @> ${sql.val(facets)}::text[]`
    : sql`1 = 1`;
  if (!query.text) return newestDocuments(db, where, page);
  // websearch_to_tsquery keeps the user's phrases, OR and -exclusions; the prefix query
  // (every word, the last as a prefix) adds what Swedish stemming misses ("lägerskola"
  // -> "lägerskolan", "klimat" -> "klimatanpassning"). Headlines only for the page's rows.
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
  const prefix = query.prefixQuery
    ? sql`to_tsquery('swedish', ${query.prefixQuery})`
    : sql`''::tsquery`;
  const tsquery = sql`websearch_to_tsquery('swedish', ${query.text}) || ${prefix}`;
  const result = await sql<KnowledgeHit>`
    with q as (select ${tsquery} as query),
    page as (
      select d.id, d.entity, d.title, d.body, d.year, d.organisation_id,
        count(*) over () as total, ts_rank(d.tsv, q.query) as rank
      from search_document d, q
      where d.tsv @@ q.query and ${where}
      order by rank desc, d.id
      limit ${page.limit} offset ${page.offset}
    )
    select p.id, p.entity,
      ts_headline('swedish', p.title, q.query, ${`HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`}) as title,
      ts_headline('swedish', p.body, q.query, ${options}) as snippet,
      p.year, p.organisation_id, p.total
    from page p, q
    order by p.rank desc, p.id`.execute(db);
  return result.rows;
}

/** The newest documents (an empty query), with the plain body start as snippet. */
async function newestDocuments(
  db: Executor,
  where: RawBuilder<unknown>,
  page: { limit: number; offset: number },
): Promise<KnowledgeHit[]> {
  const result = await sql<KnowledgeHit>`
    select d.id, d.entity, d.title, substr(d.body, 1, 240) as snippet, d.year,
      d.organisation_id, count(*) over () as total
    from search_document d where ${where}
    order by d.year desc, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/** Organisation names by id (for the knowledge bank's hits). */
export function listOrganisationNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'slug'])
    .where('id', 'in', ids)
    .execute();
}

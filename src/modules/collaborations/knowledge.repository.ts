import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import { highlight, queryTerms, snippet } from './highlight.ts';
import { facetToken, PROSE_PATTERN, splitSearchBody } from './search-document.ts';

// The knowledge bank: full-text search over the search documents, on both dialects.

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
  /** A collaboration's areas and strategy goals (comma-separated; empty for an exchange). */
  areas: string;
  goals: string;
  year: number;
  organisation_id: string;
  total: number;
}

type RankedRow = Omit<KnowledgeHit, 'snippet' | 'total' | 'areas' | 'goals'> & {
  rid: number;
  body: string;
};

/** The labels of a hit, cut from the body it was found in. */
const labelsOf = (entity: string, body: string) => {
  const { areas, goals } = splitSearchBody(entity, body);
  return { areas, goals };
};

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
    return ranked.rows.map(({ rid: _rid, body, ...hit }) => {
      const { text, areas, goals } = splitSearchBody(hit.entity, body);
      return {
        ...hit,
        total,
        title: highlight(hit.title, terms, marks),
        snippet: snippet(text, terms, marks),
        areas,
        goals,
      };
    });
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
  // A collaboration's last two body lines are labels (search-document.ts): the headline is
  // drawn from the prose before them, the labels are shown apart.
  const prose = sql`case when p.entity = 'collaboration'
    then regexp_replace(p.body, ${PROSE_PATTERN}, '') else p.body end`;
  const result = await sql<KnowledgeHit & { body: string }>`
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
      ts_headline('swedish', ${prose}, q.query, ${options}) as snippet,
      p.body, p.year, p.organisation_id, p.total
    from page p, q
    order by p.rank desc, p.id`.execute(db);
  return result.rows.map(({ body, ...hit }) => ({ ...hit, ...labelsOf(hit.entity, body) }));
}

/** The newest documents (an empty query), with the plain body start as snippet. */
async function newestDocuments(
  db: Executor,
  where: RawBuilder<unknown>,
  page: { limit: number; offset: number },
): Promise<KnowledgeHit[]> {
  const result = await sql<Omit<KnowledgeHit, 'snippet' | 'areas' | 'goals'> & { body: string }>`
    select d.id, d.entity, d.title, d.body, d.year,
      d.organisation_id, count(*) over () as total
    from search_document d where ${where}
    order by d.year desc, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows.map(({ body, ...hit }) => {
    const { text, areas, goals } = splitSearchBody(hit.entity, body);
    return { ...hit, snippet: text.slice(0, 240), areas, goals };
  });
}

const organisations = tableAccess('organisation', ['id', 'name', 'slug']);

/** Organisation names by id (for the knowledge bank's hits). */
export function listOrganisationNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return organisations.list(db, { id: ['in', ids] });
}

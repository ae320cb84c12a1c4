import { sql, type Expression, type SqlBool } from 'kysely';
import { inBatches } from '../../db/batches.ts';
import type { Dialect, Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { cityToken, kindToken, langToken, visibilityToken } from './search.facets.ts';
import type { SearchEntryTable } from './search.table.ts';

// The portal search's index (migration 0015): its upkeep and its queries, on both dialects.

const STATE = 'portal';
const BATCH = 200;

/** Who is searching (as collaboration.policy.ts `readScope` answers, decision 016). */
export type SearchScope = 'public' | 'internal' | { readonly partnerCityIds: readonly string[] };

const indexState = tableAccess('search_index_state', ['generation']);

/** The `public` generation the index was last brought up to date with, or null (never). */
export async function findIndexedGeneration(db: Executor): Promise<number | null> {
  const row = await indexState.findBy(db, { name: STATE });
  return row ? Number(row.generation) : null;
}

export async function saveIndexedGeneration(
  db: Executor,
  generation: number,
  now: string,
): Promise<void> {
  await db
    .insertInto('search_index_state')
    .values({ name: STATE, generation, refreshed_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ generation, refreshed_at: now }))
    .execute();
}

const entryHashes = tableAccess('search_entry', ['key', 'hash']);
const dirty = tableAccess('search_dirty', '*');
const dirtySeqs = tableAccess('search_dirty', ['seq']);

/** The key and content hash of every entry of these kinds (what the refresh compares). */
export function listEntryHashes(db: Executor, kinds: readonly string[]) {
  if (kinds.length === 0) return Promise.resolve([]);
  return entryHashes.list(db, { kind: ['in', kinds] });
}

/** The key and content hash of the entries of these records of one kind. */
export async function listRecordHashes(db: Executor, kind: string, ids: readonly string[]) {
  const batches = await inBatches(ids, BATCH, (batch) =>
    entryHashes.list(db, { kind, record_id: ['in', batch] }),
  );
  return batches.flat();
}

/** The records migration 0015's triggers noted as written, oldest first, at most `limit`. */
export const listDirty = (db: Executor, limit: number) => dirty.list(db, {}, ['seq'], { limit });

/** Every noted record's sequence number (a whole reread handles them all). */
export async function listDirtySeqs(db: Executor): Promise<number[]> {
  const rows = await dirtySeqs.list(db, {});
  return rows.map((r) => Number(r.seq));
}

/** Removes the notes the refresh has handled (exactly those it read). */
export async function deleteDirty(db: Executor, seqs: readonly (number | string)[]): Promise<void> {
  await inBatches(seqs, BATCH, (batch) =>
    dirty.removeWhere(db, { seq: ['in', batch.map(Number)] }),
  );
}

export async function deleteEntries(db: Executor, keys: readonly string[]): Promise<void> {
  await inBatches(keys, BATCH, (batch) => entryHashes.removeWhere(db, { key: ['in', batch] }));
}

/**
 * Writes new and changed entries. On PostgreSQL each row's tsvector is then computed in the
 * text's own language (our `vanort_xx` configurations: diacritics removed, then stemmed),
 * the title weighing more than the body.
 */
export async function upsertEntries(
  db: Executor,
  dialect: Dialect,
  rows: readonly SearchEntryTable[],
): Promise<void> {
  await inBatches(rows, BATCH, async (batch) => {
    await db
      .insertInto('search_entry')
      .values(batch)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          record_id: eb.ref('excluded.record_id'),
          lang: eb.ref('excluded.lang'),
          text_lang: eb.ref('excluded.text_lang'),
          title: eb.ref('excluded.title'),
          body: eb.ref('excluded.body'),
          visibility: eb.ref('excluded.visibility'),
          city_ids: eb.ref('excluded.city_ids'),
          public_path: eb.ref('excluded.public_path'),
          workspace_path: eb.ref('excluded.workspace_path'),
          sort_date: eb.ref('excluded.sort_date'),
          hash: eb.ref('excluded.hash'),
          facets: eb.ref('excluded.facets'),
        })),
      )
      .execute();
    if (dialect === 'postgres') {
      await sql`update search_entry set tsv =
          setweight(to_tsvector(('vanort_' || text_lang)::regconfig, title), 'A') ||
          setweight(to_tsvector(('vanort_' || text_lang)::regconfig, body), 'B')
        where key in (${sql.join(batch.map((r) => r.key))})`.execute(db);
    }
  });
}

/** The query, ready for the dialect: FTS5 match text, or to_tsquery text and configuration. */
export interface IndexQuery {
  /** SQLite: an FTS5 match expression of quoted prefix words (search.query.ts), the words only. */
  match: string;
  /** PostgreSQL: a to_tsquery text of quoted prefix words. */
  tsquery: string;
  /** The reader's language: which rows answer, and which stemming (with Swedish) applies. */
  lang: Locale;
}

function scopeWhere(scope: SearchScope): Expression<SqlBool> {
  if (scope === 'internal') return sql<SqlBool>`1 = 1`;
  if (scope === 'public') return sql<SqlBool>`e.visibility = 'public'`;
  const own = scope.partnerCityIds.map(
    (id) => sql<SqlBool>`(' ' || e.city_ids || ' ') like ${`% ${id} %`}`,
  );
  return own.length > 0
    ? sql<SqlBool>`(e.visibility = 'public' or ${sql.join(own, sql` or `)})`
    : sql<SqlBool>`e.visibility = 'public'`;
}

/**
 * SQLite: the words in the title and body, and the filters as facet tokens in the same FTS5
 * match (search.facets.ts): the kind, the reader's language or `any`, and what the scope
 * may read. The full-text index alone then finds, counts and ranks.
 */
function ftsMatch(q: IndexQuery, scope: SearchScope, kind: string): string {
  const parts = [
    `{title body} : (${q.match})`,
    `facets : (${kindToken(kind)})`,
    `facets : (${langToken(q.lang)} OR ${langToken('any')})`,
  ];
  if (scope !== 'internal') {
    const readable = [
      visibilityToken('public'),
      ...(scope === 'public' ? [] : scope.partnerCityIds.map(cityToken)),
    ];
    parts.push(`facets : (${readable.join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** The PostgreSQL query: stemmed in the reader's language or in Swedish (most texts are). */
const pgQuery = (q: IndexQuery) =>
  q.lang === 'sv'
    ? sql`to_tsquery('vanort_sv', ${q.tsquery})`
    : sql`(to_tsquery(${`vanort_${q.lang}`}::regconfig, ${q.tsquery}) || to_tsquery('vanort_sv', ${q.tsquery}))`;

/** How many entries of each kind match. */
export async function countMatches(
  db: Executor,
  dialect: Dialect,
  q: IndexQuery,
  scope: SearchScope,
  kinds: readonly string[],
): Promise<{ kind: string; n: number }[]> {
  if (dialect === 'sqlite') {
    const out: { kind: string; n: number }[] = [];
    for (const kind of kinds) {
      const result = await sql<{ n: number }>`select count(*) as n from search_entry_fts
        where search_entry_fts match ${ftsMatch(q, scope, kind)}`.execute(db);
      out.push({ kind, n: Number(result.rows[0]?.n ?? 0) });
    }
    return out;
  }
  const result = await sql<{ kind: string; n: number }>`
    select e.kind, count(*) as n
    from search_entry e
    where e.tsv @@ ${pgQuery(q)} and e.lang in (${q.lang}, 'any') and ${scopeWhere(scope)}
    group by e.kind`.execute(db);
  return result.rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}

export type MatchRow = Pick<
  SearchEntryTable,
  | 'kind'
  | 'record_id'
  | 'text_lang'
  | 'title'
  | 'body'
  | 'visibility'
  | 'public_path'
  | 'workspace_path'
  | 'sort_date'
>;

/** One page of the matches of one kind, best first (the title weighs more than the body). */
export async function listMatches(
  db: Executor,
  dialect: Dialect,
  q: IndexQuery,
  scope: SearchScope,
  kind: string,
  page: { limit: number; offset: number },
): Promise<MatchRow[]> {
  const where = sql`e.kind = ${kind} and e.lang in (${q.lang}, 'any') and ${scopeWhere(scope)}`;
  const columns = sql`e.kind, e.record_id, e.text_lang, e.title, e.body, e.visibility,
    e.public_path, e.workspace_path, e.sort_date`;
  const result =
    dialect === 'sqlite'
      ? // The index alone ranks (title 5×, body 1×, the facets not at all); the page's rows
        // are fetched afterwards.
        await sql<MatchRow>`
          select ${columns}
          from (select rowid as rid, bm25(search_entry_fts, 5.0, 1.0, 0.0) as rank
            from search_entry_fts where search_entry_fts match ${ftsMatch(q, scope, kind)}
            order by rank, rowid limit ${page.limit} offset ${page.offset}) r
          join search_entry e on e.rowid = r.rid
          order by r.rank, r.rid`.execute(db)
      : await sql<MatchRow>`
          select ${columns}
          from search_entry e
          where e.tsv @@ ${pgQuery(q)} and ${where}
          order by ts_rank(e.tsv, ${pgQuery(q)}) desc, e.sort_date desc nulls last, e.key
          limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/**
 * PostgreSQL: the stems of the query's words in the reader's language and in Swedish
 * (diacritics removed), which the highlighting marks as prefixes.
 */
export async function queryStems(db: Executor, text: string, lang: Locale): Promise<string[]> {
  const result = await sql<{ lexeme: string }>`
    select distinct unnest(tsvector_to_array(
      to_tsvector(${`vanort_${lang}`}::regconfig, ${text}) ||
      to_tsvector('vanort_sv', ${text}))) as lexeme`.execute(db);
  return result.rows.map((r) => r.lexeme);
}

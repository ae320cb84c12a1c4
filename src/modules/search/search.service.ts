import type { Db } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import { SEARCH_KINDS, type SearchKind } from '../../platform/search.ts';
import { collaborationPolicy } from '../collaborations/index.ts';
import { ensureIndexFresh } from './search-index.service.ts';
import { highlight, markPrefixes, snippet, type Part } from './search.highlight.ts';
import { ftsMatch, parseQuery, tsQuery, type ParsedQuery } from './search.query.ts';
import * as repo from './search.repository.ts';

/** Hits per kind on the overview of every kind. */
export const HITS_PER_KIND = 3;
/** Hits per page when one kind is chosen. */
export const HITS_PER_PAGE = 20;

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: Part[];
  snippet: Part[];
  /** The language the record's text is written in. */
  lang: Locale;
  /** The page to open (site path without a language prefix). */
  href: string | null;
  date: string | null;
  /** An internal record (only its readers find it): shown as such. */
  internal: boolean;
}

export interface SearchGroup {
  kind: SearchKind;
  total: number;
  hits: SearchHit[];
}

export interface SearchResult {
  query: ParsedQuery;
  /** The query had words and was searched. */
  searched: boolean;
  /** Matches per kind (every kind, zero included), in display order. */
  counts: { kind: SearchKind; total: number }[];
  total: number;
  /** The chosen kind, if any, and the page of its hits. */
  kind: SearchKind | null;
  page: number;
  /** Without a kind: the best few of each kind that has matches; with one: its page. */
  groups: SearchGroup[];
}

/**
 * Who reads what: the collaborations module's rule (decision 016), which the search mirrors
 * for every record: Gothenburg's roles read everything, a partner contact the public records
 * and those of their own city, everyone else the public ones.
 */
export const searchScope = (user: User | null): repo.SearchScope =>
  collaborationPolicy.readScope(user);

/**
 * Searches the portal as `user` reads it, in the reader's language. The index is first
 * brought up to date if anything was written since it last was (search-index.service.ts).
 */
export async function searchPortal(
  db: Db,
  user: User | null,
  input: { q: string | undefined; kind: SearchKind | null; page: number; lang: Locale },
): Promise<SearchResult> {
  const query = parseQuery(input.q);
  const empty: SearchResult = {
    query,
    searched: false,
    counts: SEARCH_KINDS.map((kind) => ({ kind, total: 0 })),
    total: 0,
    kind: input.kind,
    page: input.page,
    groups: [],
  };
  if (query.words.length === 0) return empty;
  await ensureIndexFresh(db);
  const scope = searchScope(user);
  const q: repo.IndexQuery = {
    match: ftsMatch(query.words),
    tsquery: tsQuery(query.words),
    lang: input.lang,
  };
  // Counting and ranking every match of a broad word is what costs: a query's result is
  // computed once per `public` generation (platform/read-cache.ts; the index changes only
  // with it) and shared by everyone with the same scope and language.
  const found = await cachedRead(
    db.kysely,
    'public',
    cacheKey('portal-search', query.words.join(' '), input.lang, scope, {
      kind: input.kind ?? '',
      page: input.page,
    }),
    () => findMatches(db, q, scope, query.words, input),
  );
  const counts = found.counts;
  const prefixes = found.prefixes;
  const signedIn = user !== null;
  const toHit = (row: repo.MatchRow): SearchHit => ({
    kind: row.kind as SearchKind,
    id: row.record_id,
    title: highlight(row.title, prefixes),
    snippet: snippet(row.body, prefixes),
    lang: row.text_lang as Locale,
    href: (signedIn ? row.workspace_path : null) ?? row.public_path ?? row.workspace_path,
    date: row.sort_date,
    internal: row.visibility !== 'public',
  });
  const groups = found.groups.map((g) => ({
    kind: g.kind,
    total: g.total,
    hits: g.rows.map(toHit),
  }));
  return {
    query,
    searched: true,
    counts,
    total: counts.reduce((sum, c) => sum + c.total, 0),
    kind: input.kind,
    page: input.page,
    groups,
  };
}

/** The counts per kind, the rows of the groups shown and the words to mark. */
async function findMatches(
  db: Db,
  q: repo.IndexQuery,
  scope: repo.SearchScope,
  words: readonly string[],
  input: { kind: SearchKind | null; page: number; lang: Locale },
) {
  const counted = new Map(
    (await repo.countMatches(db.kysely, db.dialect, q, scope, SEARCH_KINDS)).map((r) => [
      r.kind,
      r.n,
    ]),
  );
  const counts = SEARCH_KINDS.map((kind) => ({ kind, total: counted.get(kind) ?? 0 }));
  const prefixes = markPrefixes([
    ...words,
    ...(db.dialect === 'postgres'
      ? await repo.queryStems(db.kysely, words.join(' '), input.lang)
      : []),
  ]);
  const wanted = input.kind
    ? counts.filter((c) => c.kind === input.kind)
    : counts.filter((c) => c.total > 0);
  const groups: { kind: SearchKind; total: number; rows: repo.MatchRow[] }[] = [];
  for (const { kind, total } of wanted) {
    const page = input.kind
      ? { limit: HITS_PER_PAGE, offset: (input.page - 1) * HITS_PER_PAGE }
      : { limit: HITS_PER_KIND, offset: 0 };
    const rows =
      total > page.offset
        ? await repo.listMatches(db.kysely, db.dialect, q, scope, kind, page)
        : [];
    groups.push({ kind, total, rows });
  }
  return { counts, prefixes, groups };
}

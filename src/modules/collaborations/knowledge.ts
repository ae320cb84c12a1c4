import type { Db } from '../../db/database.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import type { CollaborationFilters } from './collaboration.filters.ts';
import * as repo from './knowledge.repository.ts';
import { resolveFilters } from './collaboration.service.ts';

export interface KnowledgeHit {
  id: string;
  entity: 'collaboration' | 'exchange';
  /** With highlight marks (MARK_START/MARK_END) around matched words. */
  title: string;
  snippet: string;
  /** A collaboration's areas and strategy goals, comma-separated (empty for an exchange). */
  areas: string;
  goals: string;
  year: number;
  organisationName: string;
}

export interface KnowledgeResult {
  hits: KnowledgeHit[];
  total: number;
}

/** How a full-text query language quotes a word, marks a prefix and says "and". */
interface QuerySyntax {
  quote: string;
  prefix: string;
  and: string;
}

/**
 * Turns what a user typed into a safe query: its words only (at most 20), every one quoted
 * (so operators and punctuation mean nothing), all required, the last one as a prefix
 * (search as you type; "klimat" finds "klimatanpassning").
 */
function prefixQuery(text: string, { quote, prefix, and }: QuerySyntax): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 20)
    .map((w, i, all) => `${quote}${w}${quote}${i === all.length - 1 ? prefix : ''}`)
    .join(and);
}

/** The query for SQLite's FTS5: "ord1" "ord2"* */
export const ftsQuery = (text: string): string =>
  prefixQuery(text, { quote: '"', prefix: '*', and: ' ' });

/** The same for PostgreSQL's to_tsquery: 'ord1' & 'ord2':* */
export const prefixTsQuery = (text: string): string =>
  prefixQuery(text, { quote: "'", prefix: ':*', and: ' & ' });

export async function searchKnowledge(
  db: Db,
  filters: CollaborationFilters,
  page: { limit: number; offset: number },
): Promise<KnowledgeResult> {
  const text = (filters.q ?? '').trim();
  const resolved = await resolveFilters(db.kysely, filters);
  if (!resolved) return { hits: [], total: 0 };
  const scope = {
    cityId: resolved.cityId,
    areaId: resolved.areaId,
    organisationId: resolved.organisationId,
    year: resolved.year,
  };
  // Ranking every match of a broad word (tens of thousands of documents) is what costs;
  // the page of a query is computed once per generation of the data (platform/read-cache.ts).
  const rows = await cachedRead(
    db.kysely,
    'collaborations',
    cacheKey('knowledge', text, scope, { limit: page.limit, offset: page.offset }),
    () =>
      repo.searchKnowledge(
        db.kysely,
        db.dialect,
        { text, ftsQuery: ftsQuery(text), prefixQuery: prefixTsQuery(text) },
        scope,
        page,
      ),
  );
  const names = new Map(
    (
      await repo.listOrganisationNames(db.kysely, [...new Set(rows.map((r) => r.organisation_id))])
    ).map((o) => [o.id, o.name]),
  );
  return {
    hits: rows.map((r) => ({
      id: r.id,
      entity: r.entity as KnowledgeHit['entity'],
      title: r.title,
      snippet: r.snippet,
      areas: r.areas,
      goals: r.goals,
      year: Number(r.year),
      organisationName: names.get(r.organisation_id) ?? '',
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

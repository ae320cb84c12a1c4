import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { PageQueries } from './pages.ts';

/**
 * Tables that grow with the years (the scale data set of `npm run bench:data`: tens of
 * thousands to millions of rows). A full scan of one of them in a page's query is a page
 * that gets slower every year. Small registers (cities, areas, organisations, chains,
 * settings, the generations) may be scanned.
 */
export const LARGE_TABLES = new Set([
  'app_user',
  'audit_event',
  'campaign_organisation',
  'collaboration',
  'collaboration_area',
  'collaboration_city',
  'delegation',
  'delegation_member',
  'evaluation',
  'evaluation_comment',
  'evaluation_version',
  'exchange',
  'host_plan_task',
  'import_job',
  'login_attempt',
  'mail_outbox',
  'meeting',
  'meeting_document',
  'meeting_outcome',
  'meeting_programme_item',
  'meeting_seminar',
  'news_item',
  'news_link',
  'news_translation',
  'newsletter_delivery',
  'newsletter_subscriber',
  'review_event',
  'search_document',
  'search_entry',
  'session',
  'user_role',
  'user_token',
]);

/**
 * Reads that go through a whole large table by design, each with the reason. Keep it short:
 * every entry is a page that gets slower as the years add rows.
 */
export const KNOWN_FULL_READS: readonly { sql: RegExp; why: string }[] = [
  {
    sql: /^select "meeting"\."id", "meeting"\."year".* from "meeting" order by "year" desc, "start_date" desc$/,
    why:
      'the delegation and host-plan overviews list every meeting of every chain: 40 years ' +
      'are about 160 rows and grow by 4 a year; a full read by design, not a missing index',
  },
  {
    sql: /^select (\*|count\(\*\) as "n") from \(select 'decision' as "kind", .* from "meeting_document" where .*\) as "r"/,
    why:
      'the records register (P9 archive) lists decisions, reports and meeting documents in one ' +
      'order by date, filtered by kind, secrecy and text: tens of rows a year (about 1,000 in 40 ' +
      'years); reading it as one union is by design; paging each kind on its own index, as the ' +
      'review queue does, is the step when it grows',
  },
];

/** The reads among the pages' queries, each SQL text once (the first parameters seen). */
export function distinctReads(
  pages: readonly PageQueries[],
): { sql: string; parameters: readonly unknown[]; pages: string[] }[] {
  const bySql = new Map<string, { sql: string; parameters: readonly unknown[]; pages: string[] }>();
  for (const page of pages) {
    for (const q of page.queries) {
      if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
      const seen = bySql.get(q.sql);
      const label = page.signedIn ? `W ${page.page}` : page.page;
      if (seen) {
        if (!seen.pages.includes(label)) seen.pages.push(label);
      } else bySql.set(q.sql, { sql: q.sql, parameters: q.parameters, pages: [label] });
    }
  }
  return [...bySql.values()];
}

/** Alias → table of a query's `"table" as "alias"` and `from table alias` clauses. */
export function aliasesOf(sqlText: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const m of sqlText.matchAll(/"?(\w+)"?\s+as\s+"?(\w+)"?/gi)) {
    if (LARGE_TABLES.has(m[1]!)) aliases.set(m[2]!, m[1]!);
  }
  for (const m of sqlText.matchAll(/\b(?:from|join)\s+(\w+)\s+(?!on\b|where\b|as\b)(\w+)/gi)) {
    if (LARGE_TABLES.has(m[1]!)) aliases.set(m[2]!, m[1]!);
  }
  return aliases;
}

/** The large tables a query's plan reads from end to end. */
export async function scannedTables(
  db: Db,
  query: { sql: string; parameters: readonly unknown[] },
): Promise<{ tables: string[]; plan: string }> {
  if (db.dialect === 'sqlite') {
    const { rows } = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const plan = rows.map((r) => r.detail).join('\n');
    // SQLite's planner: `SEARCH t USING INDEX …` looks rows up, `SCAN t USING [COVERING]
    // INDEX …` walks an index in order (a list's ORDER BY … LIMIT), `SCAN t` alone reads
    // the whole table.
    // The plan names a table by its alias when the query gives one (`SCAN e` for
    // `"exchange" as "e"`): resolve it, or an aliased full scan would pass unseen.
    const aliases = aliasesOf(query.sql);
    const tables = rows.flatMap((r) => {
      const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(r.detail.trim());
      const table = m ? (aliases.get(m[1]!) ?? m[1]!) : undefined;
      return table && LARGE_TABLES.has(table) ? [table] : [];
    });
    return { tables, plan };
  }
  // PostgreSQL: with sequential scans disabled, the planner takes any usable index; a Seq
  // Scan that remains means the table has none for this query.
  return db.kysely.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const tables = [...plan.matchAll(/Seq Scan on (\w+)/g)]
      .map((m) => m[1]!)
      .filter((t) => LARGE_TABLES.has(t));
    return { tables, plan };
  });
}

/** Every page read that scans a large table, described for a failing test. */
export async function fullScans(db: Db, pages: readonly PageQueries[]): Promise<string[]> {
  const found: string[] = [];
  for (const query of distinctReads(pages)) {
    if (KNOWN_FULL_READS.some((known) => known.sql.test(query.sql))) continue;
    const { tables, plan } = await scannedTables(db, query);
    if (tables.length === 0) continue;
    found.push(
      `full scan of ${[...new Set(tables)].join(', ')} on ${query.pages.slice(0, 3).join(', ')}:\n  ${query.sql}\n  plan: ${plan.replaceAll('\n', ' | ')}`,
    );
  }
  return found;
}

/**
 * Pages of a list (`limit`) whose plan on SQLite sorts the matching rows of a large table
 * before taking the page (`USE TEMP B-TREE FOR ORDER BY` over a search of it): no full scan,
 * but every match is read and sorted on every request. An index that a list's filter prefers
 * over its order can cause this (decision 043: 0.5 ms → 1.1 s for the exchanges).
 */
const KNOWN_SORTED: readonly { sql: RegExp; why: string }[] = [
  {
    sql: /from "host_plan_task" as "t" .* where "t"\."status" in \(\?, \?\) and "t"\."due_on" <= \?/,
    why:
      'the tasks still open and due by a day, of two statuses: the index (status, due_on) ' +
      'gives two ordered runs that are merged by a sort of the open tasks only (dozens), ' +
      'not of the table',
  },
];

export async function sortedLists(db: Db, pages: readonly PageQueries[]): Promise<string[]> {
  if (db.dialect !== 'sqlite') return [];
  const found: string[] = [];
  for (const query of distinctReads(pages)) {
    if (!/\blimit\b/i.test(query.sql) || !/\border by\b/i.test(query.sql)) continue;
    if (KNOWN_SORTED.some((known) => known.sql.test(query.sql))) continue;
    const { rows } = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = rows.map((r) => r.detail.trim());
    const aliases = aliasesOf(query.sql);
    const first = /^(?:SEARCH|SCAN) (\w+)/.exec(details[0] ?? '');
    const table = first ? (aliases.get(first[1]!) ?? first[1]!) : '';
    if (!LARGE_TABLES.has(table) || !details.includes('USE TEMP B-TREE FOR ORDER BY')) continue;
    found.push(
      `${table} sorted before the limit on ${query.pages.slice(0, 3).join(', ')}:\n  ${query.sql}\n  plan: ${details.join(' | ')}`,
    );
  }
  return found;
}

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
    const tables = rows.flatMap((r) => {
      const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(r.detail.trim());
      return m && LARGE_TABLES.has(m[1]!) ? [m[1]!] : [];
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

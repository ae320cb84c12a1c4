import { enableQueryCount } from '../../src/platform/query-count.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { queriesOfPages, type PageQueries } from './pages.ts';
import { fullScans, sortedLists } from './plans.ts';

// Before any database is opened (buildTestApp opens it in beforeAll).
enableQueryCount();

/**
 * The query-count guard (issue 16, decision 029): the most SQL queries one request of each
 * page may send with the page cache off, right after a write (nothing in the read cache).
 * Set from the figures of 2026-12-06 on the demo data (the larger of SQLite and PostgreSQL)
 * plus 2. A list that queries once per row (N+1) goes over at once: the demo lists have
 * 5–60 rows. Lower a bound when a page gets cheaper; raise one only with a reason.
 *
 * Keys: the path with ids as `:id` and city slugs as `:slug`; signed-in pages start `W `.
 */
const BOUNDS: Record<string, number> = {
  '/': 13,
  '/cities': 8,
  '/cities/:slug': 17,
  '/policy': 2,
  '/accessibility': 2,
  '/privacy': 2,
  '/decisions': 4,
  '/decisions/:id': 22,
  '/meetings': 11,
  '/meetings/:id': 16,
  '/collaborations': 18,
  '/collaborations/:id': 10,
  '/news': 10,
  '/news/:id': 13,
  '/reports': 6,
  '/reports/:id': 6,
  '/newsletter': 5,
  '/overview': 20,
  '/overview/:year': 20,
  '/datasets': 16,
  // The first search after a write brings the search index up to date (decision 021).
  '/search?q=klimat': 110,
  '/search?q=Bergen&kind=collaboration': 100,
  '/collaborations?city=bergen': 18,
  '/collaborations?city=turku&area=culture': 18,
  '/news.atom': 8,
  '/news.rss': 8,
  '/meetings.ics': 9,
  '/datasets/dcat': 17,
  '/api/v1/cities': 23,
  '/api/v1/decisions': 4,
  '/api/v1/rotation': 10,
  '/api/v1/collaborations': 12,
  '/api/v1/collaborations?city=bergen': 12,
  '/api/v1/meetings': 10,
  '/api/v1/exchanges': 8,
  '/api/v1/news': 6,
  'W /': 16,
  // The start page: what waits for the person and the policy panel P1–P10 (decision 028).
  'W /workspace': 40,
  'W /workspace/review': 13,
  'W /workspace/campaigns': 7,
  'W /workspace/meetings': 16,
  'W /workspace/proposals': 14,
  'W /workspace/collaborations': 22,
  'W /workspace/exchanges': 16,
  'W /workspace/knowledge?q=klimat': 20,
  'W /workspace/news': 7,
  'W /workspace/delegations': 14,
  'W /workspace/host-plan': 11,
  'W /workspace/evaluations': 8,
  'W /workspace/records': 8,
  'W /workspace/cities': 9,
  'W /workspace/import': 8,
  // Requested as the council's secretariat and as the administrator.
  'W /workspace/decisions': 12,
  'W /admin/users': 13,
  'W /admin/audit': 9,
  'W /admin/outbox': 8,
  'W /admin/privacy': 6,
};

export function boundKey(page: PageQueries): string {
  const path = page.page
    .replace(/^\/cities\/[a-z-]+$/, '/cities/:slug')
    .replace(/^\/overview\/\d{4}$/, '/overview/:year')
    .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}$/, '/:id');
  return page.signedIn ? `W ${path}` : path;
}

describeEachDialect('queries per page', (dialect) => {
  let t: TestApp;
  let pages: PageQueries[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    pages = await queriesOfPages(t.app, t.db);
  });
  afterAll(() => t?.close());

  it('every page answers 200 and sends no more queries than its bound (no N+1)', () => {
    const over = pages.flatMap((page) => {
      const key = boundKey(page);
      const bound = BOUNDS[key];
      if (page.status !== 200) return [`${key}: HTTP ${page.status}`];
      if (bound === undefined) return [`${key}: no bound set (add one to BOUNDS)`];
      const n = page.queries.length;
      return n > bound ? [`${key} (${page.page}): ${n} queries, bound ${bound}`] : [];
    });
    // PERF_REPORT=1 prints today's figures (to set the bounds from).
    if (process.env.PERF_REPORT === '1')
      console.log(pages.map((p) => `${boundKey(p)}\t${p.queries.length}`).join('\n'));
    expect(over).toEqual([]);
    // The counter does count: every list page reads something.
    expect(pages.find((p) => p.page === '/meetings')!.queries.length).toBeGreaterThan(0);
  });

  it('no list, filter or search query scans a large table from end to end', async () => {
    const found = await fullScans(t.db, pages);
    expect(found).toEqual([]);
  });

  it('no list sorts every match of a large table to show one page (SQLite)', async () => {
    expect(await sortedLists(t.db, pages)).toEqual([]);
  });
});

import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/account.demo.ts';
import { countQueries, type RecordedQuery } from '../../src/platform/query-count.ts';
import { refreshIndex } from '../../src/modules/search/index.ts';
import { TestAgent } from '../helpers/agent.ts';
import { samplePublicPages } from '../helpers/public-pages.ts';

/**
 * The pages the query-count and query-plan guards (decision 029) request: every public page
 * kind the sitemap lists (one of each detail kind), the feeds, searches and filtered lists,
 * every API list, and the main workspace pages as the coordinator.
 */
export const EXTRA_PUBLIC_PAGES = [
  '/search?q=klimat',
  '/search?q=Bergen&kind=collaboration',
  '/collaborations?city=bergen',
  '/collaborations?city=turku&area=culture',
  '/news.atom',
  '/news.rss',
  '/meetings.ics',
  '/datasets/dcat',
  '/api/v1/cities',
  '/api/v1/decisions',
  '/api/v1/rotation',
  '/api/v1/collaborations',
  '/api/v1/collaborations?city=bergen',
  '/api/v1/meetings',
  '/api/v1/exchanges',
  '/api/v1/news',
] as const;

export const WORKSPACE_PAGES = [
  '/',
  '/workspace',
  '/workspace/review',
  '/workspace/campaigns',
  '/workspace/meetings',
  '/workspace/proposals',
  '/workspace/collaborations',
  '/workspace/exchanges',
  '/workspace/knowledge?q=klimat',
  '/workspace/news',
  '/workspace/delegations',
  '/workspace/host-plan',
  '/workspace/evaluations',
  '/workspace/records',
  '/workspace/cities',
  '/workspace/import',
] as const;

/** The lists of other roles than the coordinator's, each requested as that role. */
export const OTHER_ROLES_PAGES = {
  council: ['/workspace/decisions'],
  admin: ['/admin/users', '/admin/audit', '/admin/outbox', '/admin/privacy'],
} as const;

export interface PageQueries {
  page: string;
  signedIn: boolean;
  status: number;
  queries: RecordedQuery[];
}

/**
 * As a write does: every data generation changes, so the read cache (platform/read-cache.ts)
 * holds nothing for the next request and it pays for all its reads, whatever came before it.
 */
export async function forgetReads(db: Db): Promise<void> {
  const rows = await db.kysely.selectFrom('data_generation').select('name').execute();
  for (const { name } of rows) {
    await db.kysely
      .updateTable('data_generation')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', name)
      .execute();
  }
}

/**
 * One request of each page (page cache off), each right after a write (`forgetReads`): the
 * first view after a change, which pays for every read; with the SQL it sent.
 */
export async function queriesOfPages(app: FastifyInstance, db: Db): Promise<PageQueries[]> {
  // The portal search's index is built once (at the first search after start); the pages
  // are measured with it built, as every request after that one finds it.
  await refreshIndex(db);
  const publicPages = [...(await samplePublicPages(app, 1)), ...EXTRA_PUBLIC_PAGES];
  const out: PageQueries[] = [];
  for (const page of [...new Set(publicPages)]) {
    await forgetReads(db);
    const { result, queries } = await countQueries(() => app.inject({ url: page }));
    out.push({ page, signedIn: false, status: result.statusCode, queries });
  }
  const coordinator = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
  const agent = new TestAgent(app);
  const login = await agent.login(coordinator.email, DEMO_PASSWORD);
  if (login.statusCode !== 303 && login.statusCode !== 302)
    throw new Error(`login as the coordinator answered ${login.statusCode}`);
  const signedIn: [TestAgent, readonly string[]][] = [[agent, WORKSPACE_PAGES]];
  for (const [role, pages] of Object.entries(OTHER_ROLES_PAGES)) {
    const other = new TestAgent(app);
    await other.login(DEMO_ACCOUNTS.find((a) => a.role === role)!.email, DEMO_PASSWORD);
    signedIn.push([other, pages]);
  }
  for (const [who, pages] of signedIn)
    for (const page of pages) {
      await forgetReads(db);
      const { result, queries } = await countQueries(() => who.get(page));
      out.push({ page, signedIn: true, status: result.statusCode, queries });
    }
  return out;
}

import { Writable } from 'node:stream';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createDb, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo.ts';
import { jobContext, runJob } from '../../src/platform/scheduler.ts';
import { jobs } from '../../src/modules/registry.ts';
import { collaborationForm } from '../helpers/collaboration-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { HttpAgent, RoundRobinProxy } from '../helpers/round-robin-proxy.ts';

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];

/**
 * Two instances of the portal on one PostgreSQL behind a round-robin proxy, configured as
 * production runs them (the page cache on, TRUST_PROXY for the proxy): sessions, cached
 * public pages, scheduled jobs and concurrent edits (issue 17, point 5).
 */
describe.skipIf(inject('pgAdminUrl') === null)('two instances on one PostgreSQL [postgres]', () => {
  let database: TestDatabase;
  let seedDb: Db;
  const apps: FastifyInstance[] = [];
  let proxy: RoundRobinProxy;
  let frontHits = 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    seedDb = createDb({ dialect: 'postgres', url: database.url } as never);
    await migrateToLatest(seedDb);
    await seedDemo(seedDb);
    const backends: { host: string; port: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'info',
        TRUST_PROXY: '1',
        // The site's address is configured, as in production: behind the proxy each
        // instance's page cache then has its front (without it the Host header is the
        // proxy's to set, and the front steps aside).
        PUBLIC_URL: 'http://vanort.test',
        LOGIN_RATE_LIMIT: '0',
        RESET_RATE_LIMIT: '0',
      });
      // Only to count the hits the front answers (its log lines say `cache: "front"`).
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          frontHits += chunk.toString().split('"cache":"front"').length - 1;
          done();
        },
      });
      const app = await buildApp({
        config,
        db: createDb(config.database),
        logger: { level: 'info', stream },
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (typeof address !== 'object' || !address) throw new Error('no address');
      backends.push({ host: '127.0.0.1', port: address.port });
      apps.push(app);
    }
    proxy = new RoundRobinProxy(backends);
    await proxy.start();
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const app of apps) await app.close();
    await seedDb?.destroy();
    await database?.drop();
  });

  it('keeps a session across both instances', async () => {
    const agent = new HttpAgent(proxy.url);
    const login = await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const before = [...proxy.served];
    for (let i = 0; i < 6; i++) {
      const page = await agent.get('/workspace');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Logga ut');
    }
    // Both instances answered some of them.
    expect(proxy.served.every((n, i) => n - before[i]! >= 3)).toBe(true);
  });

  it('never serves a cached public page older than a write made on the other instance', async () => {
    const meeting = await seedDb.kysely
      .selectFrom('meeting')
      .innerJoin('city', 'city.id', 'meeting.host_city_id')
      .select([
        'meeting.id',
        'meeting.year',
        'city.slug as host',
        'meeting.start_date',
        'meeting.end_date',
        'meeting.venue',
        'meeting.status',
      ])
      .where('meeting.status', '=', 'planned')
      .orderBy('meeting.year')
      .executeTakeFirstOrThrow();
    const visitor = new HttpAgent(proxy.url);
    const frontBefore = frontHits;
    // Each instance renders and caches the page, then serves it from its cache: the first
    // hit through Fastify, the next from the cache's front (decision 045).
    const cache: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await visitor.get(`/meetings/${meeting.id}`);
      expect(page.status).toBe(200);
      cache.push(page.headers.get('x-cache'));
    }
    expect(cache).toEqual(['miss', 'miss', 'hit', 'hit', 'hit', 'hit']);
    expect(frontHits - frontBefore).toBe(2);

    const coordinator = new HttpAgent(proxy.url);
    expect((await coordinator.login('samordnare@vanort.example', DEMO_PASSWORD)).status).toBe(303);
    for (const theme of ['Hamnar i förändring', 'Unga röster i vänorterna']) {
      const form = await coordinator.get(`/workspace/meetings/${meeting.id}/edit`);
      const saved = await coordinator.post(`/workspace/meetings/${meeting.id}/edit`, {
        year: String(meeting.year),
        host: meeting.host,
        startDate: meeting.start_date ?? '',
        endDate: meeting.end_date ?? '',
        venue: meeting.venue ?? '',
        theme,
        status: meeting.status,
        statusReason: '',
        version: versionIn(form.body)!,
      });
      expect(saved.status).toBe(303);
      // The very next views, on either instance, show it (re-rendered once each, then cached,
      // then replayed by the front).
      const after: (string | null)[] = [];
      for (let i = 0; i < 6; i++) {
        const page = await visitor.get(`/meetings/${meeting.id}`);
        expect(page.status).toBe(200);
        expect(page.body).toContain(theme);
        after.push(page.headers.get('x-cache'));
      }
      expect(after).toEqual(['miss', 'miss', 'hit', 'hit', 'hit', 'hit']);
      expect(frontHits - frontBefore).toBe(theme === 'Hamnar i förändring' ? 4 : 6);
    }
  });

  it('runs every scheduled job once per due time, however both instances fire', async () => {
    const due = new Date('2031-05-04T03:15:00Z');
    for (const job of jobs) {
      // Both fire at the same moment …
      const both = await Promise.all(
        apps.map((app) => runJob(job, { ...jobContext(app), dueAt: due })),
      );
      // … and one fires again after the first has finished.
      const late = await runJob(job, { ...jobContext(apps[1]!), dueAt: due });
      const ran = [...both, late].filter((r) => r.ran);
      expect(ran, job.name).toHaveLength(1);
      expect(late).toMatchObject({ ran: false });
    }
    const runs = await seedDb.kysely
      .selectFrom('job_run')
      .select(['job'])
      .where('due_at', '=', due.toISOString())
      .execute();
    expect(runs.map((r) => r.job).sort()).toEqual(jobs.map((j) => j.name).sort());
  });

  it('refuses the second of two simultaneous edits of one record made on different instances', async () => {
    const reporter = new HttpAgent(proxy.url);
    const coordinator = new HttpAgent(proxy.url);
    expect((await reporter.login('rapportor@vanort.example', DEMO_PASSWORD)).status).toBe(303);
    expect((await coordinator.login('samordnare@vanort.example', DEMO_PASSWORD)).status).toBe(303);
    await reporter.get('/workspace/collaborations/new');
    const created = await reporter.post('/workspace/collaborations/new', collaborationForm());
    expect(created.status).toBe(303);
    const id = /\/([0-9a-f-]{36})$/.exec(created.headers.get('location') ?? '')![1]!;
    const version = versionIn((await reporter.get(`/workspace/collaborations/${id}/edit`)).body)!;
    await coordinator.get(`/workspace/collaborations/${id}/edit`);
    const answers = await Promise.all([
      reporter.post(
        `/workspace/collaborations/${id}/edit`,
        collaborationForm({ title: 'Från den ena', version }),
      ),
      coordinator.post(
        `/workspace/collaborations/${id}/edit`,
        collaborationForm({ title: 'Från den andra', version }),
      ),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
  });
});

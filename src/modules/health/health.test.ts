import { Writable } from 'node:stream';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config/config.ts';
import { createDb } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedDemo } from '../../demo.ts';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { TcpProxy } from '../../../test/helpers/tcp-proxy.ts';
import { buildTestApp, useTestApp } from '../../../test/helpers/test-app.ts';

describeEachDialect('health endpoints', (dialect) => {
  const t = useTestApp(dialect, { demo: false });

  it('answers /healthz and /readyz while the database is there', async () => {
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe.skipIf(inject('pgAdminUrl') === null)(
  'readiness when PostgreSQL goes away [postgres]',
  () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      const target = new URL(database.url);
      proxy = new TcpProxy(target.hostname, Number(target.port));
      await proxy.up();
    });
    afterAll(async () => {
      await proxy.down();
      await database.drop();
    });

    it('answers 503 with a clear log line while it is unreachable, and recovers when it is back', async () => {
      const url = new URL(database.url);
      url.port = String(proxy.port);
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: url.toString(),
        LOG_LEVEL: 'info',
        PAGE_CACHE_TTL_MS: '0',
      });
      const lines: { msg?: string; level?: number }[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const line of chunk.toString().split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as { msg?: string });
          done();
        },
      });
      const db = createDb(config.database);
      await migrateToLatest(db);
      await seedDemo(db);
      const app = await buildApp({ config, db, logger: { level: 'info', stream } });
      await app.ready();
      try {
        expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
        expect((await app.inject({ url: '/cities/bergen' })).statusCode).toBe(200);

        await proxy.down();
        const down = await app.inject({ url: '/readyz' });
        expect(down.statusCode).toBe(503);
        expect(down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
        expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
        const page = await app.inject({ url: '/cities/bergen' });
        expectPage(page, 503, ['Tjänsten är tillfälligt otillgänglig']);
        const api = await app.inject({ url: '/api/v1/cities' });
        expect(api.statusCode).toBe(503);
        expect(api.json<{ error: { code: string } }>().error.code).toBe('DATABASE_UNAVAILABLE');
        expect(lines.some((l) => l.msg?.startsWith('database unreachable'))).toBe(true);
        // Logged once per transition, not on every probe.
        await app.inject({ url: '/readyz' });
        expect(lines.filter((l) => l.msg?.startsWith('database unreachable'))).toHaveLength(1);

        await proxy.up();
        const up = await app.inject({ url: '/readyz' });
        expect(up.statusCode).toBe(200);
        expect(lines.some((l) => l.msg === 'database reachable again')).toBe(true);
        expect((await app.inject({ url: '/cities/bergen' })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  },
);

describe('readiness when SQLite is closed', () => {
  it('answers 503', async () => {
    const t = await buildTestApp('sqlite', { demo: false });
    await t.db.destroy();
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    await t.close();
  });
});

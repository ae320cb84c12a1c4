import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createDb } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { collaborationForm } from '../helpers/collaboration-fixtures.ts';
import { createTestDatabase, DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { freePort } from '../helpers/global-setup.ts';
import { HttpAgent } from '../helpers/round-robin-proxy.ts';

/**
 * Crash safety (issue 17, point 3): the server, as `npm start` runs it, takes concurrent
 * writes and is killed with SIGKILL in the middle. After a restart every write it
 * acknowledged (303) is there, none is half-written, and the database passes its integrity
 * check. Bounded: CRASH_WRITES writes (default 1,000), killed after CRASH_KILL_AFTER
 * acknowledgements (default 250), 50 at a time.
 */
const WRITES = Number(process.env.CRASH_WRITES ?? 1000);
const KILL_AFTER = Number(process.env.CRASH_KILL_AFTER ?? 250);
const CONCURRENCY = 50;

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, output: () => output };
}

async function ready(base: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${base} not ready`);
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(
    `a server killed in the middle of writes [${dialect}]`,
    () => {
      const running: ChildProcess[] = [];
      const cleanups: (() => Promise<void> | void)[] = [];
      afterAll(async () => {
        for (const c of running)
          if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
        for (const f of cleanups) await f();
      });

      it('keeps every acknowledged write, whole, and an intact database', async () => {
        let databaseUrl: string;
        if (dialect === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'vanort-crash-'));
          cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
          databaseUrl = `sqlite:${join(dir, 'vanort.sqlite')}`;
        } else {
          const database = await createTestDatabase('postgres');
          cleanups.push(() => database.drop());
          databaseUrl = database.url;
        }
        const env = { DATABASE_URL: databaseUrl, HOST: '127.0.0.1', DEMO_DATA: 'on' };

        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const first = startServer({ ...env, PORT: String(port) });
        running.push(first.child);
        await ready(base);

        const reporter = new HttpAgent(base);
        expect((await reporter.login('rapportor@vanort.example', DEMO_PASSWORD)).status).toBe(303);
        await reporter.get('/workspace/collaborations/new');

        // Writes, 50 at a time; SIGKILL once KILL_AFTER are acknowledged.
        const acknowledged: string[] = [];
        let sent = 0;
        let killed = false;
        const worker = async () => {
          while (sent < WRITES && !killed) {
            const title = `Krocktest ${String(sent++).padStart(4, '0')}`;
            const answer = await reporter
              .post('/workspace/collaborations/new', collaborationForm({ title }))
              .catch(() => null);
            if (answer?.status === 303) acknowledged.push(title);
            if (!killed && acknowledged.length >= KILL_AFTER) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        await first.exited;
        expect(first.child.signalCode).toBe('SIGKILL');
        expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
        // Some writes were still in flight when it died.
        expect(sent).toBeGreaterThan(acknowledged.length);

        // Restart on the same database: it starts, and every acknowledged write is there.
        const again = startServer({ ...env, PORT: String(port) });
        running.push(again.child);
        await ready(base);
        const db = createDb(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl }).database);
        try {
          const stored = await db.kysely
            .selectFrom('collaboration')
            .select(['id', 'title'])
            .where('title', 'like', 'Krocktest %')
            .execute();
          const titles = new Set(stored.map((r) => r.title));
          expect(acknowledged.filter((t) => !titles.has(t))).toEqual([]);
          // The figures, for the record (test-results/ is not committed).
          mkdirSync('test-results', { recursive: true });
          writeFileSync(
            `test-results/crash-safety-${dialect}.json`,
            JSON.stringify({ sent, acknowledged: acknowledged.length, found: stored.length }),
          );
          // Nothing half-written: each one stored has its city, area, search entry and audit entry.
          const ids = stored.map((r) => r.id);
          const count = async (
            table: 'collaboration_city' | 'collaboration_area',
            column: string,
          ) =>
            new Set(
              (
                await db.kysely
                  .selectFrom(table)
                  .select(sql<string>`${sql.ref(column)}`.as('id'))
                  .where(sql.ref(column), 'in', ids)
                  .execute()
              ).map((r) => r.id),
            ).size;
          expect(await count('collaboration_city', 'collaboration_id')).toBe(ids.length);
          expect(await count('collaboration_area', 'collaboration_id')).toBe(ids.length);
          const audited = await db.kysely
            .selectFrom('audit_event')
            .select('entity_id')
            .where('entity', '=', 'collaboration')
            .where('entity_id', 'in', ids)
            .execute();
          expect(new Set(audited.map((a) => a.entity_id)).size).toBe(ids.length);
          if (dialect === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
              db.kysely,
            );
            expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
          } else {
            // Every index agrees with its table (amcheck ships with PostgreSQL).
            await sql`create extension if not exists amcheck`.execute(db.kysely);
            const indexes = await sql<{ oid: number; name: string }>`
            select c.oid, c.relname as name from pg_index i
            join pg_class c on c.oid = i.indexrelid
            join pg_am am on am.oid = c.relam
            join pg_namespace n on n.oid = c.relnamespace
            where am.amname = 'btree' and n.nspname = current_schema()`.execute(db.kysely);
            expect(indexes.rows.length).toBeGreaterThan(10);
            for (const index of indexes.rows)
              await sql`select bt_index_check(${index.oid}::regclass, true)`.execute(db.kysely);
          }
          // And it serves what it kept.
          expect((await fetch(`${base}/readyz`)).status).toBe(200);
        } finally {
          await db.destroy();
          again.child.kill('SIGTERM');
          await again.exited;
        }
      }, 120_000);
    },
  );
}

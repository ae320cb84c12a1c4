import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { freePort } from '../helpers/global-setup.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';

const MAIN = ['--import', 'tsx', 'src/main.ts'];
const baseEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  LOG_LEVEL: 'info',
};

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, MAIN, {
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const status = async (url: string) => (await fetch(url)).status;

describe('starting the server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const running: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const f of cleanups.splice(0)) await f();
  });

  it('stops with a message naming each bad variable', () => {
    const port = spawnSync(process.execPath, MAIN, {
      env: { ...baseEnv, PORT: 'abc' },
      encoding: 'utf8',
    });
    expect(port.status).toBe(78);
    expect(port.stderr).toContain('PORT: must be a whole number');
    const url = spawnSync(process.execPath, MAIN, {
      env: { ...baseEnv, DATABASE_URL: 'postgress:/x' },
      encoding: 'utf8',
    });
    expect(url.status).toBe(78);
    expect(url.stderr).toContain('DATABASE_URL: must be sqlite:PATH');
  });

  it('creates, migrates and seeds SQLite on first start, and shuts down gracefully on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanort-main-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'new', 'vanort.sqlite')}`,
    });
    running.push(server.child);
    await waitFor(async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200, 20_000);
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain('Exempeldata');
    expect(server.output()).toContain('database migrated');
    expect(server.output()).toContain('demo data seeded');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down gracefully');
  });

  it('never seeds demo data in production', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanort-main-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const server = startServer({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://vanort.example',
      COOKIE_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'p.sqlite')}`,
    });
    running.push(server.child);
    await waitFor(async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200, 20_000);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).not.toContain('Exempeldata');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it.skipIf(inject('pgAdminUrl') === null)(
    'starts without PostgreSQL, answers /readyz 503 with a clear log line, and recovers when it comes',
    async () => {
      const database: TestDatabase = await createTestDatabase('postgres');
      cleanups.push(() => database.drop());
      const target = new URL(database.url);
      const proxy = new TcpProxy(target.hostname, Number(target.port), await freePort());
      cleanups.push(() => proxy.down());
      const dbUrl = new URL(database.url);
      dbUrl.port = String(proxy.port);
      const port = await freePort();
      const server = startServer({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: dbUrl.toString(),
        DEMO_DATA: 'on',
      });
      running.push(server.child);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await status(`${base}/healthz`)) === 200, 20_000);
      expect(await status(`${base}/readyz`)).toBe(503);
      expect(server.output()).toContain('database unreachable at start');

      await proxy.up();
      await waitFor(async () => (await status(`${base}/readyz`)) === 200, 15_000);
      await waitFor(
        async () => (await (await fetch(`${base}/cities/bergen`)).text()).includes('Bergen'),
        15_000,
      );
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
  );
});

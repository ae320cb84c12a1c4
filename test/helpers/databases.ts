import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { DatabaseTarget } from '../../src/config/config.ts';
import { createDb, type Db, type Dialect } from '../../src/db/database.ts';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  target: DatabaseTarget;
  url: string;
  /** Removes the database (drops it on PostgreSQL, deletes the file on SQLite). */
  drop: () => Promise<void>;
}

/** A fresh, empty database of the given dialect, of its own. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vanort-test-sqlite-'));
    const path = join(dir, 'test.sqlite');
    return {
      target: { dialect: 'sqlite', path },
      url: `sqlite:${path}`,
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl)
    throw new Error(`PostgreSQL is not available: ${inject('pgSkipReason') ?? 'unknown'}`);
  const name = `vanort_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { dialect: 'postgres', url: url.toString() },
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens a fresh test database as a Db; `close` destroys the pool and drops the database. */
export async function openTestDb(
  dialect: Dialect,
): Promise<{ db: Db; database: TestDatabase; close: () => Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const db = createDb(database.target);
  return {
    db,
    database,
    close: async () => {
      await db.destroy().catch(() => {});
      await database.drop();
    },
  };
}

/** PostgreSQL is missing outside CI: the PostgreSQL half is skipped with a notice. */
export function dialectAvailable(dialect: Dialect): boolean {
  return dialect === 'sqlite' || inject('pgAdminUrl') !== null;
}

/** Runs a describe block once per dialect: every database test covers SQLite and PostgreSQL. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!dialectAvailable(dialect))(`${name} [${dialect}]`, () => body(dialect));
  }
}

import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { Db, Dialect } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/demo.ts';
import { openTestDb } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Seed the demo data (default true). */
  demo?: boolean;
  env?: Record<string, string>;
  /** Called before the app is made ready, e.g. to add routes for a test. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  /** The app's logger (default none), e.g. `{ level: 'error', stream }` to read what it logs. */
  logger?: Parameters<typeof buildApp>[0]['logger'];
}

/** A migrated app on a fresh database of the given dialect; use app.inject() against it. */
export async function buildTestApp(
  dialect: Dialect,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { db, database, close } = await openTestDb(dialect);
  await migrateToLatest(db);
  if (options.demo !== false) await seedDemo(db);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PAGE_CACHE_TTL_MS: '0',
    // Tests log in and post forms far faster than people do, all from 127.0.0.1: the
    // per-address rate limits are off unless a test turns them on (rate-limit.test.ts,
    // the no-5xx sweep). The lockout of failed logins is always on.
    LOGIN_RATE_LIMIT: '0',
    RESET_RATE_LIMIT: '0',
    ...options.env,
  });
  const app = await buildApp({ config, db, logger: options.logger ?? false });
  await options.extend?.(app);
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close(); // destroys db
      await close();
    },
  };
}

/**
 * A fresh, migrated database for the tests of one `describe` block (opened before them,
 * closed after), with the demo data unless `demo: false`: `const t = useTestDb(dialect)`,
 * then `t.db`.
 */
export function useTestDb(dialect: Dialect, options: { demo?: boolean } = {}): { readonly db: Db } {
  let db: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(dialect));
    await migrateToLatest(db);
    if (options.demo !== false) await seedDemo(db);
  });
  afterAll(() => close?.());
  return {
    get db() {
      if (!db) throw new Error('useTestDb: the database is opened in beforeAll');
      return db;
    },
  };
}

/** The database with the demo data of a `describe` block's tests (useTestDb): `demo.db`. */
export const useDemoDb = (dialect: Dialect): { readonly db: Db } => useTestDb(dialect);

/** The app of a `describe` block's tests (useTestApp); it closes by itself. */
export type UsedTestApp = Omit<TestApp, 'close'>;

/**
 * The app of the tests of one `describe` block, built (as by buildTestApp) before them and
 * closed after: `const t = useTestApp(dialect)`, then `t.app`, `t.db` in the tests and in
 * the hooks registered after this call.
 */
export function useTestApp(dialect: Dialect, options: TestAppOptions = {}): UsedTestApp {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(dialect, options);
  });
  afterAll(() => built?.close());
  const ready = (): TestApp => {
    if (!built) throw new Error('useTestApp: the app is built in beforeAll');
    return built;
  };
  return {
    get app() {
      return ready().app;
    },
    get db() {
      return ready().db;
    },
    get config() {
      return ready().config;
    },
  };
}

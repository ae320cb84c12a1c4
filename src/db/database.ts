import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Generated,
  type Transaction,
} from 'kysely';
import type PgModule from 'pg';
import type { DatabaseTarget } from '../config/config.ts';
import { queryCountEnabled, recordQuery } from '../platform/query-count.ts';

/** Generation numbers raised by triggers on every write (migration 0008, platform/read-cache.ts). */
export interface DataGenerationTable {
  name: string;
  value: number;
}

/** Settings of the whole app (e.g. demo_data, the cookie secret), db/settings.ts. */
export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

/**
 * Every table, by name. The database layer declares its own two; each module declares the
 * tables it owns in its `*.table.ts` by declaration merging (`declare module
 * '../../db/database.ts' { interface Database { … } }`), so Kysely checks every query while
 * nothing here names a module.
 */
export interface Database {
  data_generation: DataGenerationTable;
  app_setting: AppSettingTable;
}

export type Executor = Kysely<Database> | Transaction<Database>;

/** The query executor of a handle or of a transaction: for reads that run in either. */
export function executorOf(db: Db | Executor): Executor {
  return db instanceof Kysely ? db : db.kysely;
}

export type Dialect = DatabaseTarget['dialect'];

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Runs `select 1` with a time limit; resolves true when the database answers. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** The connection pool's state for /metrics: SQLite has one connection, always open. */
  poolStats(): PoolStats;
  /**
   * SQLite only: the committed data generations (migration 0010), read synchronously on the
   * connection, or null when that cannot be done right now (a transaction is open on the
   * connection, whose reads would see its own uncommitted writes or an old snapshot; a
   * statement is being iterated; the table does not exist yet): then read them through Kysely.
   * A page-cache hit pays for this read only (decision 045).
   */
  generationsNow?(): Map<string, number> | null;
  destroy(): Promise<void>;
}

export interface PoolStats {
  max: number;
  inUse: number;
  idle: number;
  waiting: number;
}

/** Connections a PostgreSQL pool opens at most, unless DATABASE_POOL_MAX says otherwise. */
export const DEFAULT_POOL_MAX = 10;

let pgModule: typeof PgModule | undefined;
/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is opened: an instance on SQLite
 * (the default) does not pay its 0.2 s of start and 3 MB of heap (decision 043).
 */
function loadPg(): typeof PgModule {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
    // PostgreSQL returns bigint (count(*)) as text and numeric as text; we only use
    // integers within JS's safe range, so parse int8 as a number.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    pgModule.types.setTypeParser(1700, (v) => Number.parseFloat(v));
  }
  return pgModule;
}

export function createDb(
  target: DatabaseTarget,
  onPoolError: (err: Error) => void = () => {},
  options: { poolMax?: number } = {},
): Db {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const native = new SqliteDatabase(target.path);
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    native.pragma('synchronous = NORMAL');
    let generationsStatement: SqliteDatabase.Statement | undefined;
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(native) }),
      // Only the benchmark and test/perf count queries (platform/query-count.ts, decision 029).
      ...(queryCountEnabled() ? { log: recordQuery } : {}),
    });
    return {
      kysely,
      dialect: 'sqlite',
      ping: async () => {
        try {
          await sql`select 1`.execute(kysely);
          return true;
        } catch {
          return false;
        }
      },
      poolStats: () => ({ max: 1, inUse: 0, idle: 1, waiting: 0 }),
      generationsNow: () => {
        if (!native.open || native.inTransaction) return null;
        try {
          generationsStatement ??= native.prepare('select name, value from data_generation');
          const rows = generationsStatement.all() as { name: string; value: number | string }[];
          return new Map(rows.map((r) => [r.name, Number(r.value)]));
        } catch {
          return null;
        }
      },
      destroy: () => kysely.destroy(),
    };
  }

  const max = options.poolMax ?? DEFAULT_POOL_MAX;
  const pool = new (loadPg().Pool)({
    connectionString: target.url,
    max,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', onPoolError);
  // A checked-out client can lose its connection between queries too (e.g. inside
  // a request that is still running); give every client a listener so that never
  // becomes an uncaught exception. The next query on it fails and maps to 503.
  pool.on('connect', (client) => {
    client.on('error', onPoolError);
  });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(queryCountEnabled() ? { log: recordQuery } : {}),
  });
  return {
    kysely,
    dialect: 'postgres',
    ping: async (timeoutMs = 2000) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        const query = sql`select 1`.execute(kysely).then(
          () => true,
          () => false,
        );
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    poolStats: () => ({
      max,
      inUse: pool.totalCount - pool.idleCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    destroy: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements hold native memory until
 * the garbage collector finalises them, which under load let the process grow to
 * hundreds of MB. Reuse one prepared statement per SQL text (a bounded map). A statement
 * that is busy (being iterated) is never handed out twice.
 */
function withStatementCache(native: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      native.close();
    },
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = native.prepare(text);
      if (!cached) {
        if (cache.size >= max) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

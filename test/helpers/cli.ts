import { afterEach, expect } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { createDb, type Db, type Dialect } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

/** What a CLI run printed and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the `vanort` CLI in-process with `env` (NODE_ENV=test) and `stdin`, capturing its output. */
export async function runCliCaptured(
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => Promise.resolve(stdin) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The databases of the CLI tests of one `describe` block (useCliDatabase). */
export interface CliDatabases {
  /** A fresh, empty database for this test; the environment that points the CLI at it. */
  fresh(): Promise<{ DATABASE_URL: string }>;
  /** A fresh database (as by fresh) with the demo data seeded by `vanort seed --demo`. */
  seeded(): Promise<{ DATABASE_URL: string }>;
  /** The test's database opened as a Db, to read or arrange what the CLI sees; closed after the test. */
  open(): Db;
}

/**
 * A database of its own for each CLI test of a `describe` block, dropped after the test:
 * `const cli = useCliDatabase(dialect)`, then in a test `const env = await cli.seeded()` and
 * `runCliCaptured(args, env)`.
 */
export function useCliDatabase(dialect: Dialect): CliDatabases {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    await database?.drop();
    db = undefined;
    database = undefined;
  });
  const fresh = async () => {
    database = await createTestDatabase(dialect);
    return { DATABASE_URL: database.url };
  };
  return {
    fresh,
    async seeded() {
      const env = await fresh();
      expect((await runCliCaptured(['seed', '--demo'], env)).code).toBe(0);
      return env;
    },
    open() {
      if (!database) throw new Error('useCliDatabase: open() after fresh() or seeded()');
      db ??= createDb(database.target);
      return db;
    },
  };
}

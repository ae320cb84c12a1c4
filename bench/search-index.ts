/**
 * The portal search's index at scale (decision 021), on SQLite: generates the large-data
 * benchmark's collaborations and exchanges (10,000 and 100,000; BENCH_SCALE shrinks them),
 * then times the first build of the index, a search after one write (the refresh that
 * rewrites only the changed row), and a search with nothing written since.
 * `npx tsx bench/search-index.ts` (BENCH_SCALE=0.1 for a quick run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo.ts';
import '../src/modules/registry.ts';
import { refreshIndex, searchPortal } from '../src/modules/search/index.ts';
import { generate } from './generate.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'vanort-search-bench-'));
const db = createDb({ dialect: 'sqlite', path: join(dir, 'search.sqlite') });
const ms = (t0: number) => Math.round(performance.now() - t0);
try {
  await migrateToLatest(db);
  await seedDemo(db);
  const collaborations = Math.max(10, Math.round(10_000 * scale));
  const exchanges = Math.max(10, Math.round(100_000 * scale));
  let t0 = performance.now();
  await generate(db, { collaborations, exchanges });
  console.log(`generated ${collaborations} collaborations, ${exchanges} exchanges: ${ms(t0)} ms`);

  t0 = performance.now();
  const built = await refreshIndex(db);
  console.log(`first build: ${built.written} rows in ${ms(t0)} ms`);

  const search = async (label: string) => {
    const start = performance.now();
    const r = await searchPortal(db, null, { q: 'klimat', kind: null, page: 1, lang: 'sv' });
    console.log(`${label}: ${r.total} hits in ${ms(start)} ms`);
  };
  await search('search, nothing written since');
  const one = await db.kysely.selectFrom('collaboration').select('id').executeTakeFirstOrThrow();
  await db.kysely
    .updateTable('collaboration')
    .set({ title: 'Klimatbenchmärkning' })
    .where('id', '=', one.id)
    .execute();
  await search('search after one write (refresh of the changed row)');
  const org = await db.kysely.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
  await db.kysely
    .updateTable('organisation')
    .set({ name: 'Omdöpta förvaltningen' })
    .where('id', '=', org.id)
    .execute();
  t0 = performance.now();
  const renamed = await refreshIndex(db);
  console.log(
    `refresh after an organisation was renamed: ${renamed.reread} records reread, ${renamed.written} rows written in ${ms(t0)} ms`,
  );
  await search('search again');
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run bench:growth` (decision 029): the cost per request as the data grows. For each size
 * (`BENCH_GROWTH_SIZES`, default small,large,huge) and database (`BENCH_DIALECTS`, default
 * sqlite), builds the scale data set, starts the built server with the page cache off and
 * loads the list, search and detail pages with wrk (10 connections, `BENCH_DURATION` s,
 * default 5). Flat cost means the same req/s and p50 on every size. Writes
 * bench/results/growth-<time>.{json,md}. `huge` takes long (see bench/README.md).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../src/db/database.ts';
import { buildScaleDatabase } from './data.ts';
import { startPostgres, type BenchPostgres } from './postgres.ts';
import { fetchBody, pickIds, startServer, stop } from './run.ts';
import type { Size } from './scale-data.ts';
import { wrk } from './wrk.ts';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const sizes = (process.env.BENCH_GROWTH_SIZES ?? 'small,large,huge').split(',') as Size[];
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite').split(',') as Dialect[];
const seconds = Number(process.env.BENCH_DURATION ?? 5);

const dir = await mkdtemp(join(tmpdir(), 'vanort-growth-'));
let pg: BenchPostgres | null = null;
const rows: (string | number)[][] = [];
const results: unknown[] = [];
try {
  if (dialects.includes('postgres')) pg = await startPostgres();
  for (const dialect of dialects) {
    for (const size of sizes) {
      const url =
        dialect === 'sqlite'
          ? `sqlite:${join(dir, `${size}.sqlite`)}`
          : await pg!.createDatabase(`vanort_${size}`);
      console.log(`== ${dialect} ${size}: building`);
      const built = await buildScaleDatabase(
        dialect,
        dialect === 'sqlite' ? url.slice(7) : url,
        size,
        (l) => console.log(l),
      );
      const ids = await pickIds(dialect, url);
      const server = await startServer(url, { PAGE_CACHE_TTL_MS: '0' });
      try {
        const pages = {
          'collaborations list': ['/collaborations'],
          'filtered list': ['/collaborations?city=bergen&area=culture'],
          search: ['/search?q=klimat', '/search?q=skola'],
          'API list': ['/api/v1/collaborations?city=turku'],
          meetings: ['/meetings'],
          collaboration: [`/collaborations/${ids.collaboration}`],
        };
        for (const [name, paths] of Object.entries(pages)) {
          for (const p of paths) await fetchBody(server.base, p);
          await wrk(server.base, paths, { connections: 10, seconds: 1 });
          const f = await wrk(server.base, paths, { connections: 10, seconds });
          const msPerRequest = f.requestsPerSecond
            ? Math.round((10_000 / f.requestsPerSecond) * 10) / 100
            : 0;
          rows.push([
            dialect,
            size,
            name,
            f.requestsPerSecond,
            msPerRequest,
            f.p50Ms,
            f.p95Ms,
            f.errors,
          ]);
          results.push({
            dialect,
            size,
            page: name,
            dataSeconds: built.totalSeconds,
            readySeconds: server.readySeconds,
            ...f,
          });
          console.log(
            `   ${size} ${name}: ${f.requestsPerSecond} req/s, p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms`,
          );
        }
        console.log(`   data built in ${built.totalSeconds} s; ready in ${server.readySeconds} s`);
      } finally {
        await stop(server.child);
      }
    }
  }
  const md = [
    '| database | size | page | req/s | ms per request (10 conns) | p50 ms | p95 ms | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${md}`);
  await mkdir(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await writeFile(join(RESULTS, `growth-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(RESULTS, `growth-${stamp}.md`), `${md}\n`);
} finally {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
}

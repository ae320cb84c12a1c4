/**
 * Compares two builds of the server page by page (`tsx bench/compare-builds.ts DIR_A DIR_B`):
 * starts each (`node dist/src/main.js`, npm start's defaults, a fresh SQLite database with
 * demo data), then loads every page on each in turn, A B A B, with autocannon, and prints
 * requests per second. Used to check that a change does not make rendering slower (with
 * `PAGE_CACHE_TTL_MS=0` for the rendered path). Bounded: BENCH_DURATION seconds per run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: tsx bench/compare-builds.ts DIR_A DIR_B');
const PAGES = (process.env.BENCH_PAGES ?? '/,/cities/bergen,/meetings').split(',');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function start(dir: string, port: number): Promise<{ proc: ChildProcess; tmp: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'vanort-cmp-'));
  const proc = spawn('node', ['dist/src/main.js'], {
    cwd: dir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(tmp, 'db.sqlite')}`,
      SCHEDULER: 'off',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { proc, tmp };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${dir} did not start`);
}

async function load(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx`);
  return result.requests.average;
}

const a = await start(dirA, 3201);
const b = await start(dirB, 3202);
try {
  const rows: Record<string, string | number>[] = [];
  for (const page of PAGES) {
    const runs: number[][] = [[], []];
    for (let round = 0; round < 2; round++) {
      runs[0]!.push(await load(`http://127.0.0.1:3201${page}`));
      runs[1]!.push(await load(`http://127.0.0.1:3202${page}`));
    }
    const mean = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);
    rows.push({ page, 'A req/s': mean(runs[0]!), 'B req/s': mean(runs[1]!) });
  }
  console.table(rows);
} finally {
  for (const s of [a, b]) {
    s.proc.kill('SIGTERM');
    await rm(s.tmp, { recursive: true, force: true });
  }
}

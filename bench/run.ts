/**
 * `npm run bench` (issue 16, decision 029, bench/README.md): what users get, on the scale data
 * set, on SQLite and PostgreSQL in one run. For each database:
 *   1. builds the data set (`BENCH_SIZE`, default large) through the migrations;
 *   2. counts the SQL queries of every page in-process (platform/query-count.ts);
 *   3. starts the built server as production runs it (NODE_ENV=production, default logging,
 *      default page cache) and times its readiness; loads every public page kind and API list
 *      with wrk, and a plain node:http server sending the same bytes right after each;
 *   4. restarts it with the page cache off (the rendered path): the same pages, then the
 *      workspace pages with a session (logged in once through the real form, CSRF and all),
 *      searches and filtered lists cycling through variants (p95), the CSV exports with the
 *      server's RSS sampled, and the 5,000-row import through the import service.
 * Writes bench/results/<timestamp>.json and .md and latest.{json,md}.
 * BENCH_QUICK=1: small data, 2 s runs (development). Needs `npm run build` (npm run bench does it).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableQueryCount, countQueries } from '../src/platform/query-count.ts';
import { createDb, type Dialect } from '../src/db/database.ts';
import { inProcessApp } from './in-process-app.ts';
import '../src/modules/registry.ts';
import { DEMO_PASSWORD } from '../src/modules/accounts/account.demo.ts';
import { TestAgent } from '../test/helpers/agent.ts';
import { forgetReads } from '../test/perf/pages.ts';
import { timeCompile, type CompileTiming } from './compile.ts';
import { buildScaleDatabase, type BuiltDatabase } from './data.ts';
import { timeImport, type ImportTiming } from './generate.ts';
import { freePort, startPostgres, type BenchPostgres } from './postgres.ts';
import { startFlags } from './soak.ts';
import type { Size } from './scale-data.ts';
import { wrk, WRK, type WrkFigures } from './wrk.ts';

enableQueryCount(); // for the in-process count only; the servers are other processes

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const PLAIN_SERVER = fileURLToPath(new URL('./plain-server.ts', import.meta.url));
const COORDINATOR = 'samordnare@vanort.example';

const quick = process.env.BENCH_QUICK === '1';
const settings = {
  quick,
  size: (process.env.BENCH_SIZE ?? (quick ? 'small' : 'large')) as Size,
  dialects: (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[],
  seconds: Number(process.env.BENCH_DURATION ?? (quick ? 2 : 5)),
  warmupSeconds: quick ? 1 : 2,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
};

/** The issue's targets (checked in the tables, never failing the run). */
const TARGETS = {
  cachedRatio: 0.6,
  cachedP99Ms: 20,
  renderedRatio: { sqlite: 0.15, postgres: 0.1 } as Record<Dialect, number>,
  renderedP99Ms: 50,
  searchP95Ms: 50,
  importSeconds: 5,
  compileMs: 1000,
  rssMb: 150,
  readySeconds: 1.5,
  pageKb: 60,
};

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Set<ChildProcess>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, d = 2) => Number(n.toFixed(d));

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number | null> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const v = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1];
    return v === undefined ? null : Number(v);
  } catch {
    return null;
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(child);
}

export interface Server {
  child: ChildProcess;
  base: string;
  readySeconds: number;
  output: () => string;
}

export async function startServer(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // With the Node flags of `npm start` (heap sizing, decision 031): without them the
  // measured RSS was that of Node's default heap growth (1.7 GB on the rendered path), not
  // what an instance started as documented holds (decision 043).
  const child = spawn(process.execPath, [...startFlags(), 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      // As production runs it: default LOG_LEVEL (info, to stdout) and PAGE_CACHE_TTL_MS.
      NODE_ENV: 'production',
      PUBLIC_URL: base,
      COOKIE_SECRET: randomBytes(24).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // One address sends every request here: the per-address API limit (300 a minute) would
      // answer 429 after a second. It protects the server from one client; it is not the cost
      // measured.
      API_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let tail = '';
  const keep = (b: Buffer) => (tail = (tail + b.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${tail}`);
    try {
      const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      if (r.status === 200)
        return {
          child,
          base,
          readySeconds: round((performance.now() - started) / 1000),
          output: () => tail,
        };
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  await stop(child);
  throw new Error(`the server was not ready within 60 s:\n${tail}`);
}

async function startPlain(body: Buffer, contentType: string, dir: string) {
  const file = join(dir, `plain-${randomBytes(4).toString('hex')}`);
  await writeFile(file, body);
  const child = spawn(process.execPath, ['--import', 'tsx', PLAIN_SERVER, file, contentType], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the plain server did not start')), 15_000);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve(m.port);
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Samples the server's VmRSS every 50 ms; `stop` gives the largest (MB). */
function rssSampler(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    void statusKb(pid, 'VmRSS').then((kb) => {
      if (kb !== null && kb > peak) peak = kb;
    });
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return round(peak / 1024, 1);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Pages

interface Page {
  name: string;
  /** The first is fetched for the plain server's bytes; wrk cycles through all. */
  paths: string[];
  signedIn?: boolean;
}

const SEARCH_WORDS = [
  'klimat',
  'skola',
  'hamn',
  'kultur',
  'bibliotek',
  'idrott',
  'energi',
  'trygghet',
];
const CITIES = ['bergen', 'aarhus', 'turku'];
const AREAS = ['culture', 'school', 'urban-development-and-climate', 'health-and-sport'];

function publicPages(ids: Ids): Page[] {
  return [
    { name: 'start', paths: ['/'] },
    { name: 'city', paths: ['/cities/bergen'] },
    { name: 'meetings', paths: ['/meetings'] },
    { name: 'meeting', paths: [`/meetings/${ids.meeting}`] },
    { name: 'collaborations', paths: ['/collaborations'] },
    { name: 'collaboration', paths: [`/collaborations/${ids.collaboration}`] },
    { name: 'news', paths: ['/news'] },
    { name: 'news item', paths: [`/news/${ids.news}`] },
    { name: 'news feed', paths: ['/news.atom'] },
    { name: 'search', paths: ['/search?q=klimat'] },
    { name: 'datasets', paths: ['/datasets'] },
    { name: 'overview', paths: ['/overview'] },
    { name: 'decisions', paths: ['/decisions'] },
    { name: 'API cities', paths: ['/api/v1/cities'] },
    { name: 'API collaborations', paths: ['/api/v1/collaborations'] },
    { name: 'API meetings', paths: ['/api/v1/meetings'] },
    { name: 'API exchanges', paths: ['/api/v1/exchanges'] },
    { name: 'API news', paths: ['/api/v1/news'] },
  ];
}

const WORKSPACE: Page[] = [
  { name: 'coordinator start', paths: ['/'], signedIn: true },
  { name: 'review queue', paths: ['/workspace/review'], signedIn: true },
  { name: 'campaign table', paths: ['/workspace/campaigns'], signedIn: true },
  { name: 'meeting workspace', paths: ['/workspace/meetings'], signedIn: true },
  { name: 'proposals', paths: ['/workspace/proposals'], signedIn: true },
];

const SEARCHES: Page[] = [
  { name: 'portal search, 8 words', paths: SEARCH_WORDS.map((w) => `/search?q=${w}`) },
  {
    name: 'public list, 12 city × area filters',
    paths: CITIES.flatMap((c) => AREAS.map((a) => `/collaborations?city=${c}&area=${a}`)),
  },
  { name: 'API list, 3 cities', paths: CITIES.map((c) => `/api/v1/collaborations?city=${c}`) },
  {
    name: 'knowledge bank, 8 words',
    paths: SEARCH_WORDS.map((w) => `/workspace/knowledge?q=${w}`),
    signedIn: true,
  },
];

interface Ids {
  meeting: string;
  collaboration: string;
  news: string;
}

export async function pickIds(dialect: Dialect, url: string): Promise<Ids> {
  const db = createDb(dialect === 'sqlite' ? { dialect, path: url.slice(7) } : { dialect, url });
  try {
    const k = db.kysely;
    const meeting = await k
      .selectFrom('meeting')
      .select('id')
      .where('status', '=', 'held')
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow();
    const collaboration = await k
      .selectFrom('collaboration')
      .select('id')
      .where('visibility', '=', 'public')
      .where('published_at', 'is not', null)
      .orderBy('starts_on', 'desc')
      .executeTakeFirstOrThrow();
    const news = await k
      .selectFrom('news_item')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    return { meeting: meeting.id, collaboration: collaboration.id, news: news.id };
  } finally {
    await db.destroy();
  }
}

/** Queries of one request of each page, in-process, page cache off: after a write, and again. */
async function countPageQueries(dialect: Dialect, url: string, pages: Page[]) {
  const { app, db } = await inProcessApp(url);
  const out: Record<string, { afterWrite: number; again: number }> = {};
  try {
    const anonymous = new TestAgent(app);
    const agent = new TestAgent(app);
    const login = await agent.login(COORDINATOR, DEMO_PASSWORD);
    if (login.statusCode !== 303) throw new Error(`in-process login answered ${login.statusCode}`);
    for (const page of pages) {
      const who = page.signedIn ? agent : anonymous;
      await forgetReads(db);
      const first = await countQueries(() => who.get(page.paths[0]!));
      const again = await countQueries(() => who.get(page.paths[0]!));
      out[key(page)] = { afterWrite: first.queries.length, again: again.queries.length };
    }
  } finally {
    await app.close();
  }
  return out;
}

const key = (page: Page) => (page.signedIn ? `${page.name} (signed in)` : page.name);

/** Logs in through the form (CSRF cookie and token); the Cookie header of the session. */
async function logIn(base: string): Promise<string> {
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
    body: new URLSearchParams({ email: COORDINATOR, password: DEMO_PASSWORD, _csrf: token }),
  });
  keep(res);
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  return cookie();
}

export async function fetchBody(base: string, path: string, cookie?: string) {
  const res = await fetch(`${base}${path}`, {
    headers: { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) },
    redirect: 'manual',
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return { body, contentType: res.headers.get('content-type') ?? 'text/html' };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface PageResult {
  page: string;
  path: string;
  mode: 'default' | 'rendered' | 'signed in';
  ours: WrkFigures;
  plain: WrkFigures | null;
  ratio: number | null;
  bodyBytes: number;
  queries: { afterWrite: number; again: number } | null;
}

async function measure(
  server: Server,
  page: Page,
  mode: PageResult['mode'],
  dir: string,
  plainCache: Map<string, WrkFigures>,
  queries: Record<string, { afterWrite: number; again: number }>,
  cookie?: string,
): Promise<PageResult> {
  const headers = cookie ? { cookie } : undefined;
  const fixture = await fetchBody(server.base, page.paths[0]!, cookie);
  const run = (base: string, seconds: number, connections: number, h = headers) =>
    wrk(base, page.paths, { seconds, connections, headers: h });
  await run(server.base, settings.warmupSeconds, 10);
  const ours = await run(server.base, settings.seconds, settings.connections);
  // The plain server sends the same bytes; measured once per page and byte count.
  const plainKey = `${page.paths[0]}:${fixture.body.length}`;
  let plain = plainCache.get(plainKey) ?? null;
  if (!plain) {
    const p = await startPlain(fixture.body, fixture.contentType, dir);
    try {
      await run(p.base, settings.warmupSeconds, 10, undefined);
      plain = await run(p.base, settings.seconds, settings.connections, undefined);
      plainCache.set(plainKey, plain);
    } finally {
      await stop(p.child);
    }
  }
  const result: PageResult = {
    page: page.name,
    path: page.paths[0]!,
    mode,
    ours,
    plain,
    ratio: plain.requestsPerSecond
      ? round(ours.requestsPerSecond / plain.requestsPerSecond, 3)
      : null,
    bodyBytes: fixture.body.length,
    queries: queries[key(page)] ?? null,
  };
  console.log(
    `    ${mode.padEnd(9)} ${page.name.padEnd(22)} ${String(ours.requestsPerSecond).padStart(6)} req/s  p99 ${ours.p99Ms} ms  ratio ${result.ratio}  ${ours.errors ? `ERRORS ${ours.errors}` : ''}`,
  );
  return result;
}

async function measureExport(server: Server, path: string, cookie?: string) {
  const pid = server.child.pid!;
  const before = round(((await statusKb(pid, 'VmRSS')) ?? 0) / 1024, 1);
  const sampler = rssSampler(pid);
  const t0 = performance.now();
  const res = await fetch(`${server.base}${path}`, { headers: cookie ? { cookie } : {} });
  let bytes = 0;
  let rows = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) rows++;
  }
  const seconds = round((performance.now() - t0) / 1000);
  const peak = sampler.stop();
  return {
    path,
    status: res.status,
    rows: Math.max(0, rows - 1),
    bytes,
    seconds,
    rssBeforeMb: before,
    rssPeakMb: peak,
  };
}

/** The 5,000-row import on the generated database (bench/generate.ts times it). */
async function importOn(dialect: Dialect, url: string): Promise<ImportTiming> {
  const db = createDb(dialect === 'sqlite' ? { dialect, path: url.slice(7) } : { dialect, url });
  try {
    return await timeImport(db, 5000);
  } finally {
    await db.destroy();
  }
}

interface DialectResult {
  dialect: Dialect;
  database: string;
  data: BuiltDatabase;
  readySeconds: number;
  pages: PageResult[];
  searches: {
    name: string;
    variants: number;
    p95Ms: number;
    p99Ms: number;
    requestsPerSecond: number;
    errors: number;
    queries: { afterWrite: number; again: number } | null;
  }[];
  exports: Awaited<ReturnType<typeof measureExport>>[];
  import: ImportTiming;
  compile: CompileTiming;
  peakRssMb: { default: number; rendered: number };
}

async function runDialect(
  dialect: Dialect,
  dir: string,
  pg: BenchPostgres | null,
): Promise<DialectResult> {
  console.log(`\n== ${dialect}: building the ${settings.size} data set`);
  const url =
    dialect === 'sqlite'
      ? `sqlite:${join(dir, `${settings.size}.sqlite`)}`
      : await pg!.createDatabase('vanort_bench');
  const data = await buildScaleDatabase(
    dialect,
    dialect === 'sqlite' ? url.slice(7) : url,
    settings.size,
    (l) => console.log(l),
  );
  const ids = await pickIds(dialect, url);
  const pages = publicPages(ids);
  console.log(`== ${dialect}: counting queries per page (in-process, cache off)`);
  const queries = await countPageQueries(dialect, url, [...pages, ...WORKSPACE, ...SEARCHES]);
  const plainCache = new Map<string, WrkFigures>();
  const results: PageResult[] = [];

  console.log(`== ${dialect}: default configuration (page cache on, logging info)`);
  const server = await startServer(url, {});
  const readySeconds = server.readySeconds;
  let defaultRss: number;
  try {
    for (const page of pages)
      results.push(await measure(server, page, 'default', dir, plainCache, queries));
    defaultRss = round(((await statusKb(server.child.pid!, 'VmHWM')) ?? 0) / 1024, 1);
  } finally {
    await stop(server.child);
  }

  console.log(`== ${dialect}: rendered path (PAGE_CACHE_TTL_MS=0)`);
  const rendered = await startServer(url, { PAGE_CACHE_TTL_MS: '0' });
  const searches: DialectResult['searches'] = [];
  const exports: DialectResult['exports'] = [];
  let renderedRss: number;
  try {
    for (const page of pages)
      results.push(await measure(rendered, page, 'rendered', dir, plainCache, queries));
    const cookie = await logIn(rendered.base);
    for (const page of WORKSPACE)
      results.push(await measure(rendered, page, 'signed in', dir, plainCache, queries, cookie));
    for (const page of SEARCHES) {
      const headers = page.signedIn ? { cookie } : undefined;
      for (const path of page.paths)
        await fetchBody(rendered.base, path, page.signedIn ? cookie : undefined);
      const f = await wrk(rendered.base, page.paths, {
        seconds: settings.seconds,
        connections: settings.connections,
        headers,
      });
      searches.push({
        name: page.name,
        variants: page.paths.length,
        p95Ms: f.p95Ms,
        p99Ms: f.p99Ms,
        requestsPerSecond: f.requestsPerSecond,
        errors: f.errors,
        queries: queries[key(page)] ?? null,
      });
      console.log(`    search    ${page.name.padEnd(36)} p95 ${f.p95Ms} ms`);
    }
    exports.push(await measureExport(rendered, '/api/v1/collaborations.csv'));
    exports.push(await measureExport(rendered, '/workspace/collaborations/export.csv', cookie));
    renderedRss = round(((await statusKb(rendered.child.pid!, 'VmHWM')) ?? 0) / 1024, 1);
  } finally {
    await stop(rendered.child);
  }
  console.log(`== ${dialect}: 5,000-row import`);
  const imported = await importOn(dialect, url);
  console.log(`== ${dialect}: the evaluation's compilation (eight years)`);
  const compile = await timeCompile(dialect, url);
  return {
    dialect,
    database: dialect === 'sqlite' ? `SQLite ${sqliteVersion()}` : await pg!.version(),
    data,
    readySeconds,
    pages: results,
    searches,
    exports,
    import: imported,
    compile,
    peakRssMb: { default: defaultRss, rendered: renderedRss },
  };
}

export function sqliteVersion(): string {
  return execFileSync(
    process.execPath,
    [
      '-e',
      "const D=require('better-sqlite3');console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)",
    ],
    { cwd: ROOT },
  )
    .toString()
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Report

const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS');
const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function markdown(run: { machine: Record<string, unknown>; results: DialectResult[] }): string {
  const m = run.machine;
  const out = [
    `# Benchmark ${String(m.date)}`,
    '',
    `Machine: ${String(m.cpu)}, ${String(m.cores)} cores, ${String(m.memoryGb)} GB; Node ${String(m.node)}; wrk ${String(m.wrk)}; commit ${String(m.commit)}. ` +
      `Data: ${settings.size}. wrk: ${settings.connections} connections, ${settings.seconds} s per run after ${settings.warmupSeconds} s of warm-up at 10.` +
      (settings.quick ? ' QUICK MODE (not for comparison).' : ''),
    '',
  ];
  for (const r of run.results) {
    const minRendered = TARGETS.renderedRatio[r.dialect];
    out.push(`## ${r.database}`, '');
    out.push(
      `Data set built in ${r.data.totalSeconds} s (${Object.entries(r.data.seconds)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}).`,
      '',
    );
    out.push(
      table(
        [
          'mode',
          'page',
          'path',
          'req/s',
          'plain req/s',
          'ratio',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'bytes',
          'queries (after write / again)',
          'target',
        ],
        r.pages.map((p) => {
          const isApi = p.path.startsWith('/api/');
          const ratioTarget = p.mode === 'default' ? TARGETS.cachedRatio : minRendered;
          const p99Target = p.mode === 'default' ? TARGETS.cachedP99Ms : TARGETS.renderedP99Ms;
          const ok =
            (p.ratio ?? 0) >= ratioTarget && p.ours.p99Ms <= p99Target && p.ours.errors === 0;
          const weight =
            !isApi && p.mode === 'default' && p.bodyBytes > TARGETS.pageKb * 1024
              ? ', weight MISS'
              : '';
          return [
            p.mode,
            p.page,
            `\`${p.path.replace(/[0-9a-f-]{36}|bench-[a-z]-\d+/, ':id')}\``,
            p.ours.requestsPerSecond,
            p.plain?.requestsPerSecond ?? '',
            p.ratio ?? '',
            p.ours.p50Ms,
            p.ours.p95Ms,
            p.ours.p99Ms,
            p.bodyBytes,
            p.queries ? `${p.queries.afterWrite} / ${p.queries.again}` : '',
            `${verdict(ok)} (≥ ${ratioTarget}×, p99 ≤ ${p99Target} ms${p.ours.errors ? `, ${p.ours.errors} errors` : ''})${weight}`,
          ];
        }),
      ),
      '',
      table(
        [
          'search or filtered list',
          'variants',
          'req/s',
          'p95 ms',
          'p99 ms',
          'queries',
          'target p95 ≤ 50 ms',
        ],
        r.searches.map((s) => [
          s.name,
          s.variants,
          s.requestsPerSecond,
          s.p95Ms,
          s.p99Ms,
          s.queries ? `${s.queries.afterWrite} / ${s.queries.again}` : '',
          verdict(s.p95Ms <= TARGETS.searchP95Ms && s.errors === 0),
        ]),
      ),
      '',
      table(
        ['measure', 'value', 'target'],
        [
          [
            'ready after start',
            `${r.readySeconds} s`,
            `${verdict(r.readySeconds <= TARGETS.readySeconds)} (≤ 1.5 s)`,
          ],
          [
            'peak RSS, default configuration (VmHWM)',
            `${r.peakRssMb.default} MB`,
            `${verdict(r.peakRssMb.default <= TARGETS.rssMb)} (≤ 150 MB)`,
          ],
          [
            'peak RSS, rendered path and exports (VmHWM)',
            `${r.peakRssMb.rendered} MB`,
            `${verdict(r.peakRssMb.rendered <= TARGETS.rssMb)} (≤ 150 MB)`,
          ],
          [
            '5,000-row import: check / import',
            `${r.import.checkSeconds} s / ${r.import.importSeconds} s`,
            `${verdict(r.import.importSeconds <= TARGETS.importSeconds)} (≤ 5 s)`,
          ],
          [
            `evaluation compile, ${r.compile.period.start}–${r.compile.period.end} (${r.compile.collaborations} collaborations, ${r.compile.exchanges} exchanges): median / max of ${r.compile.runs}`,
            `${r.compile.medianMs} ms / ${r.compile.maxMs} ms`,
            `${verdict(r.compile.maxMs <= TARGETS.compileMs)} (≤ 1 s)`,
          ],
          ...r.exports.map((e) => [
            `CSV \`${e.path}\`: ${e.rows} rows, ${round(e.bytes / 1048576, 1)} MB`,
            `${e.seconds} s, RSS ${e.rssBeforeMb} → peak ${e.rssPeakMb} MB`,
            `flat memory: ${verdict(e.status === 200 && e.rssPeakMb - e.rssBeforeMb < 30)} (< 30 MB rise)`,
          ]),
        ],
      ),
      '',
    );
  }
  return out.join('\n');
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'vanort-bench-'));
  let pg: BenchPostgres | null = null;
  const onSignal = () => {
    for (const c of children) c.kill('SIGKILL');
    void (pg?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const t0 = performance.now();
  try {
    if (settings.dialects.includes('postgres')) pg = await startPostgres();
    const results: DialectResult[] = [];
    for (const dialect of settings.dialects) results.push(await runDialect(dialect, dir, pg));
    const machine = {
      date: new Date().toISOString(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      wrk: /wrk (\S+)/.exec(spawnSync(WRK, ['-v'], { encoding: 'utf8' }).stdout)?.[1] ?? '?',
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim(),
      dirty:
        execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
          cwd: ROOT,
          encoding: 'utf8',
        }).trim() !== '',
      loadAverage: (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' '),
      minutes: round((performance.now() - t0) / 60000, 1),
    };
    const run = { machine, settings, targets: TARGETS, results };
    const md = markdown(run);
    await mkdir(RESULTS, { recursive: true });
    const stamp = machine.date.replace(/[:.]/g, '-');
    for (const name of [stamp, 'latest']) {
      await writeFile(join(RESULTS, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
      await writeFile(join(RESULTS, `${name}.md`), `${md}\n`);
    }
    console.log(
      `\n${md}\n\nbench: ${machine.minutes} min; results in bench/results/${stamp}.{json,md}`,
    );
    const errors = results
      .flatMap((r) => [...r.pages.map((p) => p.ours.errors), ...r.searches.map((s) => s.errors)])
      .reduce((a, b) => a + b, 0);
    if (errors) {
      console.error(`bench: ${errors} failed requests (errors, timeouts or status ≥ 400)`);
      process.exitCode = 1;
    }
  } finally {
    for (const c of [...children]) await stop(c);
    await pg?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

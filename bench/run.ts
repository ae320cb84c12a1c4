/**
 * Benchmark harness (`npm run bench`). Starts the real server as `npm start` runs it (the built
 * `dist/src/main.js`; `npm run bench` builds first)
 * on a fresh SQLite database with demo data, loads each page with autocannon, then loads a
 * bare node:http server that answers with the same bytes, and compares the two.
 * See bench/README.md.
 */
import autocannon, { type Instance, type Result } from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, cpus, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLargeDataBench } from './large-data.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const PLAIN_SERVER = fileURLToPath(new URL('./plain-server.ts', import.meta.url));

const PAGES = [
  '/',
  '/cities/bergen',
  '/news',
  '/news.atom',
  '/search?q=klimat',
  '/datasets/dcat',
] as const;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const RSS_POLL_MS = 100;

/** Targets to work toward: missing one is reported, it does not fail the run. */
const TARGETS = { minRatio: 0.5, maxP99Ms: 50, p99Connections: 50, maxRssMb: 150 } as const;

// ---------------------------------------------------------------------------------------------
// Settings

interface Settings {
  durationSeconds: number;
  connections: number;
  maxRequests: number;
  warmupSeconds: number;
  warmupConnections: number;
}

function envNumber(
  name: string,
  fallback: number,
  kind: 'integer' | 'seconds',
  min: number,
): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  const valid =
    Number.isFinite(value) && value >= min && (kind === 'seconds' || Number.isInteger(value));
  if (!valid) {
    const what = kind === 'integer' ? 'a whole number' : 'a number of seconds';
    throw new Error(`${name}=${raw}: must be ${what} >= ${min}`);
  }
  return value;
}

function readSettings(): Settings {
  const durationSeconds = envNumber('BENCH_DURATION', 10, 'seconds', 0.1);
  const connections = envNumber('BENCH_CONNECTIONS', 50, 'integer', 1);
  const maxRequests = envNumber('BENCH_AMOUNT', 500_000, 'integer', 1);
  const warmupSeconds = envNumber('BENCH_WARMUP', 2, 'seconds', 0);
  if (maxRequests < connections) {
    throw new Error(
      `BENCH_AMOUNT (${maxRequests}) must be at least BENCH_CONNECTIONS (${connections})`,
    );
  }
  return {
    durationSeconds,
    connections,
    maxRequests,
    warmupSeconds,
    warmupConnections: Math.min(10, connections),
  };
}

// ---------------------------------------------------------------------------------------------
// Child processes and clean-up

class OutputTail {
  private text = '';
  constructor(private readonly limit = 20_000) {}
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.limit);
  }
  toString(): string {
    return this.text.trimEnd();
  }
}

interface Child {
  name: string;
  process: ChildProcess;
  output: OutputTail;
  exited: Promise<void>;
}

const children = new Set<Child>();
let tempDir: string | undefined;
let currentLoad: Instance | undefined;
let interrupted = false;

function startChild(
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ipc?: boolean } = {},
): Child {
  if (interrupted) throw new Error('interrupted');
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputTail();
  proc.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
  proc.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.on('error', (error) => {
      output.add(`[bench] ${name}: ${error.message}\n`);
      if (proc.pid === undefined) resolve(); // never started, so no 'exit' will come
    });
  });
  const child: Child = { name, process: proc, output, exited };
  children.add(child);
  return child;
}

function hasExited(child: Child): boolean {
  return child.process.exitCode !== null || child.process.signalCode !== null;
}

function describeExit(child: Child): string {
  const { exitCode, signalCode } = child.process;
  return signalCode ? `signal ${signalCode}` : `code ${String(exitCode)}`;
}

function withOutput(message: string, child: Child): string {
  const output = child.output.toString();
  return output
    ? `${message}\n--- ${child.name} output (last lines) ---\n${output}\n---`
    : `${message}\n(${child.name} wrote nothing to stdout/stderr)`;
}

/** SIGTERM, wait for a graceful exit; SIGKILL if it takes longer than STOP_TIMEOUT_MS. */
async function stopChild(child: Child): Promise<void> {
  if (child.process.pid !== undefined && !hasExited(child)) {
    child.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      child.exited.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      console.error(
        `bench: ${child.name} did not exit ${STOP_TIMEOUT_MS / 1000} s after SIGTERM; killing it`,
      );
      child.process.kill('SIGKILL');
      await child.exited;
    }
  }
  children.delete(child);
}

let cleanupPromise: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleanupPromise ??= (async () => {
    currentLoad?.stop();
    await Promise.all([...children].map((child) => stopChild(child)));
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  })();
  return cleanupPromise;
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  console.error(`\nbench: ${signal}: stopping the servers and cleaning up`);
  void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address for probe');
  await new Promise<void>((resolve, reject) =>
    probe.close((error) => (error ? reject(error) : resolve())),
  );
  return address.port;
}

async function waitForReady(base: string, child: Child): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        withOutput(`the server exited (${describeExit(child)}) before it was ready`, child),
      );
    }
    try {
      const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(
    withOutput(
      `the server was not ready within ${READY_TIMEOUT_MS / 1000} s (last GET /readyz: ${last})`,
      child,
    ),
  );
}

interface Fixture {
  body: Buffer;
  contentType: string;
}

async function fetchPage(url: string): Promise<Fixture> {
  const response = await fetch(url, {
    headers: { 'accept-encoding': 'identity' },
    signal: AbortSignal.timeout(10_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, not 200`);
  const contentType = response.headers.get('content-type');
  if (!contentType) throw new Error(`GET ${url} has no content-type`);
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') {
    throw new Error(`GET ${url} came back ${encoding}-encoded despite accept-encoding: identity`);
  }
  return { body, contentType };
}

async function readProcStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const value = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return value === undefined ? null : Number(value);
  } catch {
    return null; // no /proc (not Linux) or the process is gone
  }
}

/** Polls VmRSS every RSS_POLL_MS until stopped; resolves to the largest value seen (kB). */
function sampleRss(pid: number): { stop: () => Promise<number | null> } {
  let max: number | null = null;
  const take = async () => {
    const kb = await readProcStatusKb(pid, 'VmRSS');
    if (kb !== null && (max === null || kb > max)) max = kb;
  };
  void take();
  const timer = setInterval(() => void take(), RSS_POLL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await take();
      return max;
    },
  };
}

const toMb = (kb: number | null) => (kb === null ? null : round(kb / 1024, 1));
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const maxOf = (...values: (number | null)[]) =>
  values.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);

// ---------------------------------------------------------------------------------------------
// Load

interface RunFigures {
  requestsPerSecond: number;
  requests: number;
  durationSeconds: number;
  connections: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

async function load(
  url: string,
  connections: number,
  seconds: number,
  maxRequests: number,
): Promise<Result> {
  if (interrupted) throw new Error('interrupted');
  // `amount` would make autocannon ignore `duration`; `maxOverallRequests` caps requests
  // while the duration still applies, so each run is bounded by both.
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    maxOverallRequests: maxRequests,
    timeout: 10,
  });
  currentLoad = instance;
  try {
    return await instance;
  } finally {
    currentLoad = undefined;
  }
}

function figures(result: Result): RunFigures {
  const requests = result.requests.total;
  return {
    requestsPerSecond: result.duration > 0 ? Math.round(requests / result.duration) : 0,
    requests,
    durationSeconds: result.duration,
    connections: result.connections,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    bytesPerResponse: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  };
}

function problems(label: string, result: Result): string[] {
  const found: string[] = [];
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${count}× ${code}`)
      .join(', ');
    found.push(`${label}: ${result.non2xx} non-2xx responses (${codes})`);
  }
  if (result.errors > 0) {
    found.push(`${label}: ${result.errors} errors (${result.timeouts} of them timeouts)`);
  }
  if (result.requests.total === 0) found.push(`${label}: no responses at all`);
  return found;
}

/** Warm-up (discarded, but checked for errors), then the measured run. */
async function warmAndLoad(
  label: string,
  url: string,
  settings: Settings,
  failures: string[],
): Promise<Result> {
  if (settings.warmupSeconds > 0) {
    console.log(
      `  ${label}: warm-up ${settings.warmupSeconds} s @ ${settings.warmupConnections} connections`,
    );
    const warmup = await load(
      url,
      settings.warmupConnections,
      settings.warmupSeconds,
      settings.maxRequests,
    );
    failures.push(...problems(`${label} (warm-up)`, warmup));
  }
  console.log(
    `  ${label}: ${settings.durationSeconds} s (at most ${settings.maxRequests} requests) @ ${settings.connections} connections`,
  );
  const result = await load(
    url,
    settings.connections,
    settings.durationSeconds,
    settings.maxRequests,
  );
  failures.push(...problems(label, result));
  return result;
}

async function startPlainServer(
  bodyFile: string,
  contentType: string,
): Promise<{ child: Child; port: number }> {
  const child = startChild(
    'plain server',
    ['--import', 'tsx', PLAIN_SERVER, bodyFile, contentType],
    {
      ipc: true,
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(withOutput('the plain server did not start within 15 s', child))),
      15_000,
    );
    child.process.once('message', (message: unknown) => {
      clearTimeout(timer);
      const port = (message as { port?: unknown } | null)?.port;
      if (typeof port === 'number') resolve(port);
      else
        reject(new Error(`unexpected message from the plain server: ${JSON.stringify(message)}`));
    });
    child.process.once('exit', () => {
      clearTimeout(timer);
      reject(
        new Error(
          withOutput(`the plain server exited (${describeExit(child)}) before listening`, child),
        ),
      );
    });
  });
  return { child, port };
}

// ---------------------------------------------------------------------------------------------
// Report

type Verdict = 'PASS' | 'MISS' | 'N/A';

interface TargetVerdict {
  target: string;
  page: string | null;
  limit: number;
  value: number | null;
  verdict: Verdict;
  note?: string;
}

interface PageReport {
  path: string;
  contentType: string;
  bodyBytes: number;
  ours: RunFigures;
  plain: RunFigures;
  ratio: number;
  serverRss: { maxSampledMb: number | null; peakMb: number | null };
}

function verdict(value: number | null, ok: (value: number) => boolean): Verdict {
  return value === null ? 'N/A' : ok(value) ? 'PASS' : 'MISS';
}

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => `${round(n, 1)} ms`;
const fmtMb = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)} MB`);

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const settings = readSettings();
  const date = new Date();
  tempDir = await mkdtemp(join(tmpdir(), 'vanort-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  console.log(
    `Vänortsportalen benchmark: ${process.version}, ${platform()} ${arch()}, ${cpus().length} CPUs`,
  );
  console.log(
    `Starting the server on ${base} (fresh SQLite database with demo data in ${tempDir})`,
  );
  const started = performance.now();
  const server = startChild('server', ['--enable-source-maps', 'dist/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_DATA: 'auto',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(tempDir, 'bench.sqlite')}`,
      MIGRATE_ON_START: 'true',
      // BENCH_PAGE_CACHE_TTL_MS=0 measures rendering every request (no micro-cache).
      PAGE_CACHE_TTL_MS: process.env.BENCH_PAGE_CACHE_TTL_MS ?? '5000',
    },
  });
  await waitForReady(base, server);
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('the server has no pid');
  const startupSeconds = round((performance.now() - started) / 1000, 2);
  console.log(`Server ready after ${startupSeconds} s (pid ${pid})\n`);

  const failures: string[] = [];
  const pages: PageReport[] = [];
  for (const [index, path] of PAGES.entries()) {
    const fixture = await fetchPage(`${base}${path}`);
    console.log(`${path}: ${fixture.body.length} bytes, ${fixture.contentType}`);

    const sampler = sampleRss(pid);
    const ours = await warmAndLoad(`ours  ${path}`, `${base}${path}`, settings, failures);
    const maxSampledKb = await sampler.stop();
    const hwmKb = await readProcStatusKb(pid, 'VmHWM');
    if (hasExited(server)) {
      throw new Error(
        withOutput(`the server exited (${describeExit(server)}) while loading ${path}`, server),
      );
    }

    const bodyFile = join(tempDir, `page-${index}.body`);
    await writeFile(bodyFile, fixture.body);
    const plainServer = await startPlainServer(bodyFile, fixture.contentType);
    let plain: Result;
    try {
      plain = await warmAndLoad(
        `plain ${path}`,
        `http://127.0.0.1:${plainServer.port}${path}`,
        settings,
        failures,
      );
    } finally {
      await stopChild(plainServer.child);
    }

    const oursFigures = figures(ours);
    const plainFigures = figures(plain);
    pages.push({
      path,
      contentType: fixture.contentType,
      bodyBytes: fixture.body.length,
      ours: oursFigures,
      plain: plainFigures,
      ratio:
        plainFigures.requestsPerSecond > 0
          ? round(oursFigures.requestsPerSecond / plainFigures.requestsPerSecond, 3)
          : 0,
      serverRss: { maxSampledMb: toMb(maxSampledKb), peakMb: toMb(hwmKb) },
    });
    console.log();
  }

  // Peak over the server's whole life (start-up and seeding included) and the largest sample under load.
  const peakKb = await readProcStatusKb(pid, 'VmHWM');
  const maxSampledMb = maxOf(...pages.map((p) => p.serverRss.maxSampledMb));
  const peakMb = maxOf(toMb(peakKb), maxSampledMb);

  const p99Note =
    settings.connections === TARGETS.p99Connections
      ? undefined
      : `target is defined at ${TARGETS.p99Connections} connections; measured at ${settings.connections}`;
  const targets: TargetVerdict[] = [
    ...pages.map((p): TargetVerdict => ({
      target: `req/s ours/plain >= ${TARGETS.minRatio}`,
      page: p.path,
      limit: TARGETS.minRatio,
      value: p.ratio,
      verdict: verdict(p.ratio, (v) => v >= TARGETS.minRatio),
    })),
    ...pages.map((p): TargetVerdict => ({
      target: `ours p99 <= ${TARGETS.maxP99Ms} ms @ ${TARGETS.p99Connections} connections`,
      page: p.path,
      limit: TARGETS.maxP99Ms,
      value: p.ours.latencyMs.p99,
      verdict: verdict(p.ours.latencyMs.p99, (v) => v <= TARGETS.maxP99Ms),
      ...(p99Note ? { note: p99Note } : {}),
    })),
    {
      target: `server peak RSS <= ${TARGETS.maxRssMb} MB`,
      page: null,
      limit: TARGETS.maxRssMb,
      value: peakMb,
      verdict: verdict(peakMb, (v) => v <= TARGETS.maxRssMb),
    },
  ];

  // Table
  console.log(
    `Results: ${settings.connections} connections, ${settings.durationSeconds} s per run (at most ${settings.maxRequests} requests)`,
  );
  console.log(
    renderTable(
      [
        'page',
        'ours req/s',
        'plain req/s',
        'ours/plain',
        'ours p50',
        'ours p99',
        'plain p50',
        'plain p99',
        'bytes/resp ours|plain',
      ],
      pages.map((p) => [
        p.path,
        fmtInt(p.ours.requestsPerSecond),
        fmtInt(p.plain.requestsPerSecond),
        p.ratio.toFixed(2),
        fmtMs(p.ours.latencyMs.p50),
        fmtMs(p.ours.latencyMs.p99),
        fmtMs(p.plain.latencyMs.p50),
        fmtMs(p.plain.latencyMs.p99),
        `${p.ours.bytesPerResponse} | ${p.plain.bytesPerResponse}`,
      ]),
    ),
  );
  console.log(
    `\nServer peak RSS: ${fmtMb(peakMb)} (VmHWM over its whole life, start-up included); ` +
      `largest VmRSS sampled under load: ${fmtMb(maxSampledMb)}`,
  );

  console.log('\nTargets (to work toward; a MISS does not fail the run):');
  for (const t of targets) {
    const value = t.value === null ? 'n/a' : String(t.value);
    const page = t.page ? ` ${t.page}` : '';
    console.log(
      `  ${t.verdict.padEnd(4)}  ${t.target}${page}: ${value}${t.note ? ` (${t.note})` : ''}`,
    );
  }

  const report = {
    date: date.toISOString(),
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    commit: gitCommit(),
    settings,
    serverStartupSeconds: startupSeconds,
    pages,
    serverRss: { peakMb, maxSampledMb, vmHwmMb: toMb(peakKb) },
    targets,
    ok: failures.length === 0,
    failures,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(RESULTS_DIR, `${date.toISOString().replace(/:/g, '-')}.json`);
  await writeFile(file, json);
  await writeFile(join(RESULTS_DIR, 'latest.json'), json);
  console.log(`\nWrote ${file} and bench/results/latest.json`);

  const serverOutput = server.output.toString();
  if (serverOutput) console.log(`\nServer output during the run (last lines):\n${serverOutput}`);

  // The large-data benchmark of collaborations (bench/large-data.ts); BENCH_LARGE=0 skips it.
  if (process.env.BENCH_LARGE !== '0' && !interrupted && !(await runLargeDataBench()))
    failures.push('the large-data benchmark failed (see its output above)');

  if (failures.length) {
    console.error(`\nFAILED: errors or non-2xx responses during load:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!interrupted)
    console.error(`\nbench: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
if (!interrupted) process.exit(exitCode);

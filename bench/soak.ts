/**
 * Soak (`npm run soak`, issue 17 point 6): the server as `npm start` runs it (the built
 * `dist/src/main.js`, SQLite, demo data, default settings) under a mixed read and write
 * load for SOAK_SECONDS (default 600), bounded in requests (SOAK_MAX_REQUESTS) and time.
 * Readers fetch public pages, the API and search; a reporter registers collaborations and a
 * coordinator reads the workspace. Every 2 s the server's resident memory is sampled. The
 * run reports the error count (any 5xx or failed connection) and the memory slope (a
 * least-squares line through the samples after the first fifth, in MB a minute), writes
 * bench/results/soak-latest.json, and exits 1 on an error or a slope above SOAK_MAX_SLOPE
 * (default 2 MB/min). The test suite runs a short form of it (test/integration/soak.test.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_PASSWORD = 'vanort-demo-2026'; // the demo accounts' (src/modules/accounts/account.demo.ts)

export interface SoakOptions {
  seconds: number;
  maxRequests: number;
  /** Concurrent readers (the writer and the coordinator come on top). */
  readers: number;
  /** `dist` (as `npm start` runs it) or `source` (tsx, for the test suite). */
  server: 'dist' | 'source';
}

export interface SoakResult {
  seconds: number;
  requests: number;
  writes: number;
  errors: number;
  errorSamples: string[];
  statuses: Record<number, number>;
  rssStartMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  /** MB a minute, after the first fifth of the run. */
  slopeMbPerMinute: number;
  samples: { t: number; rssMb: number }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The Node flags `npm start` runs the server with (package.json), so the soak measures the same. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = / node ((?:--\S+ )*)dist\/src\/main\.js/.exec(pkg.scripts.start ?? '');
  if (!command)
    throw new Error('package.json: the start script does not run node dist/src/main.js');
  return command[1]!.split(' ').filter(Boolean);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

class Session {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}
  async send(path: string, init: RequestInit = {}) {
    const res = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, body };
  }
  post(path: string, fields: Record<string, string | string[]>) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    form.set('_csrf', this.csrf);
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  }
  async login(email: string) {
    await this.send('/login');
    const res = await this.post('/login', { email, password: DEMO_PASSWORD });
    if (res.status !== 303) throw new Error(`login of ${email} answered ${res.status}`);
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vanort-soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The Node flags of `npm start` (heap sizes, decision 031), then SOAK_NODE_ARGS: extra
  // flags to compare settings.
  const extra = [...startFlags(), ...(process.env.SOAK_NODE_ARGS ?? '').split(' ')].filter(Boolean);
  const args =
    options.server === 'dist'
      ? [...extra, join(ROOT, 'dist/src/main.js')]
      : [...extra, '--import', 'tsx', join(ROOT, 'src/main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'soak.sqlite')}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const readyBy = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/readyz`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > readyBy || child.exitCode !== null)
        throw new Error(`the server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const reporter = new Session(base);
    await reporter.login('rapportor@vanort.example');
    await reporter.send('/workspace/collaborations/new');
    const coordinator = new Session(base);
    await coordinator.login('samordnare@vanort.example');

    const result: SoakResult = {
      seconds: options.seconds,
      requests: 0,
      writes: 0,
      errors: 0,
      errorSamples: [],
      statuses: {},
      rssStartMb: 0,
      rssEndMb: 0,
      rssPeakMb: 0,
      slopeMbPerMinute: 0,
      samples: [],
    };
    const started = Date.now();
    const endAt = started + options.seconds * 1000;
    const more = () => Date.now() < endAt && result.requests < options.maxRequests;
    const count = (what: string, status: number) => {
      result.requests += 1;
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status >= 500 || status === 0) {
        result.errors += 1;
        if (result.errorSamples.length < 10) result.errorSamples.push(`${what} → ${status}`);
      }
    };
    const PUBLIC = [
      '/',
      '/cities/bergen',
      '/en/cities/turku',
      '/meetings',
      '/collaborations',
      '/news',
      '/news.atom',
      '/overview',
      '/api/v1/cities',
      '/api/v1/collaborations?limit=20',
      '/datasets/dcat',
    ];
    const reader = async (i: number) => {
      for (let n = i; more(); n++) {
        const path =
          n % 7 === 0
            ? `/search?q=${['klimat', 'bibliotek', 'bergen', 'skola'][n % 4]}`
            : PUBLIC[n % PUBLIC.length]!;
        const status = await fetch(`${base}${path}`)
          .then(async (r) => (await r.arrayBuffer(), r.status))
          .catch(() => 0);
        count(`GET ${path}`, status);
      }
    };
    const writer = async () => {
      for (let n = 0; more(); n++) {
        const res = await reporter
          .post('/workspace/collaborations/new', {
            organisation: 'kulturforvaltningen',
            title: `Uthållighetstest ${n}`,
            cities: ['bergen'],
            areas: ['culture'],
            kind: 'knowledge_exchange',
            status: 'ongoing',
            startsOn: '2026-02-01',
            endsOn: '',
            goals: 'Dela metoder.',
            results: '',
            contactName: '',
            contactEmail: '',
            fundingKind: '',
            fundingProgramme: '',
            fundingAmount: '',
            strategyTags: '',
            visibility: n % 2 === 0 ? 'public' : 'internal',
          })
          .catch(() => ({ status: 0 }));
        count('POST /workspace/collaborations/new', res.status);
        if (res.status === 303) result.writes += 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const staff = async () => {
      const pages = [
        '/workspace',
        '/workspace/review',
        '/workspace/collaborations',
        '/workspace/meetings',
      ];
      for (let n = 0; more(); n++) {
        const res = await coordinator.send(pages[n % pages.length]!).catch(() => ({ status: 0 }));
        count(`GET ${pages[n % pages.length]}`, res.status);
      }
    };
    const sampler = async () => {
      while (more()) {
        const mb = rssMb(child.pid!);
        result.samples.push({ t: (Date.now() - started) / 1000, rssMb: Math.round(mb * 10) / 10 });
        await new Promise((r) => setTimeout(r, 2000));
      }
    };
    await Promise.all([
      ...Array.from({ length: options.readers }, (_, i) => reader(i)),
      writer(),
      staff(),
      sampler(),
    ]);
    result.seconds = (Date.now() - started) / 1000;
    result.samples.push({ t: result.seconds, rssMb: Math.round(rssMb(child.pid!) * 10) / 10 });
    const rss = result.samples.map((s) => s.rssMb);
    result.rssStartMb = rss[0]!;
    result.rssEndMb = rss.at(-1)!;
    result.rssPeakMb = Math.max(...rss);
    const steady = result.samples.filter((s) => s.t >= result.seconds / 5);
    result.slopeMbPerMinute =
      Math.round(slope(steady.map((s) => ({ x: s.t / 60, y: s.rssMb }))) * 100) / 100;
    return result;
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  const maxSlope = Number(process.env.SOAK_MAX_SLOPE ?? 2);
  const result = await runSoak({
    seconds,
    maxRequests: Number(process.env.SOAK_MAX_REQUESTS ?? 5_000_000),
    readers: Number(process.env.SOAK_READERS ?? 8),
    server: 'dist',
  });
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/soak-latest.json'), JSON.stringify(result, null, 1));
  console.log(
    `soak: ${result.seconds.toFixed(0)} s, ${result.requests} requests (${result.writes} writes), ` +
      `${result.errors} errors, RSS ${result.rssStartMb} → ${result.rssEndMb} MB (peak ${result.rssPeakMb}), ` +
      `slope ${result.slopeMbPerMinute} MB/min`,
  );
  if (result.errors > 0) console.log(result.errorSamples.join('\n'));
  process.exit(result.errors > 0 || result.slopeMbPerMinute > maxSlope ? 1 : 0);
}

/**
 * Lighthouse on the main public pages (issue 16: performance ≥ 0.98 and accessibility 1.0,
 * page weight ≤ 60 KB with no required JavaScript), against the built server started as
 * production runs it (bench/run.ts's startServer: `npm start`'s Node flags, NODE_ENV=production,
 * default logging and page cache) on a fresh SQLite database with the demo data, or on
 * `--target FILE` (e.g. a `bench:data` database). Debian's Chromium, headless, Lighthouse's
 * default configuration (a mid-range phone on a throttled mobile network, simulated).
 *
 *   npm run bench:lighthouse [-- --target bench/.data/large.sqlite]
 *
 * Writes bench/results/<date>-lighthouse.{md,json} and latest-lighthouse.{md,json}.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo.ts';
import { CHROMIUM_ARGS } from '../src/modules/evaluation/export.pdf.ts';
import { startServer, stop } from './run.ts';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = [
  '/',
  '/cities/bergen',
  '/meetings',
  '/collaborations',
  '/news',
  '/overview',
  '/nb/',
  '/fi/cities/turku',
];
const TARGETS = { performance: 0.98, accessibility: 1, weightKb: 60 };

interface PageResult {
  path: string;
  performance: number;
  accessibility: number;
  weightKb: number;
  scripts: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  failedAudits: string[];
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * One page's report. Chromium sometimes loses the trace of a load on a busy machine
 * (NO_NAVSTART, NO_FCP); as Lighthouse's message says, that run is made again (three tries).
 */
async function audited(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!run) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = run;
    if (!lhr.runtimeError) return lhr;
    if (attempt === 3) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    console.log(`lighthouse: ${url}: ${lhr.runtimeError.code}, again`);
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vanort-lighthouse-'));
  let target = argument('target');
  if (!target) {
    // Production never seeds the demo data (bootstrap.ts): seed it here, as `npm start` would.
    target = join(dir, 'demo.sqlite');
    const db = createDb({ dialect: 'sqlite', path: target });
    await migrateToLatest(db);
    await seedDemo(db);
    await db.destroy();
  }
  const server = await startServer(`sqlite:${target}`, {});
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
  });
  const results: PageResult[] = [];
  try {
    for (const path of PAGES) {
      const lhr = await audited(`${server.base}${path}`, chrome.port);
      const audit = (id: string) => lhr.audits[id];
      const requests =
        (audit('network-requests')?.details as { items?: { resourceType?: string }[] })?.items ??
        [];
      results.push({
        path,
        performance: lhr.categories.performance?.score ?? 0,
        accessibility: lhr.categories.accessibility?.score ?? 0,
        weightKb: Math.round((audit('total-byte-weight')?.numericValue ?? 0) / 102.4) / 10,
        scripts: requests.filter((r) => r.resourceType === 'Script').length,
        fcpMs: Math.round(audit('first-contentful-paint')?.numericValue ?? 0),
        lcpMs: Math.round(audit('largest-contentful-paint')?.numericValue ?? 0),
        cls: Math.round((audit('cumulative-layout-shift')?.numericValue ?? 0) * 1000) / 1000,
        failedAudits: Object.values(lhr.audits)
          .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
          .map((a) => a.id),
      });
      console.log(`lighthouse: ${path} done`);
    }
  } finally {
    chrome.kill();
    await stop(server.child);
    await rm(dir, { recursive: true, force: true });
  }

  const date = new Date().toISOString();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const chromium = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
  }).trim();
  const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const md = [
    `# Lighthouse ${date}`,
    '',
    `Commit ${commit}; ${chromium}; Lighthouse's default (mobile, simulated throttling); server as \`npm start\` runs it (production, default logging and page cache), ${argument('target') ? `data \`${argument('target')}\`` : 'demo data'}.`,
    '',
    '| page | performance | accessibility | weight KB | scripts | FCP ms | LCP ms | CLS | failed audits | target |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| \`${r.path}\` | ${r.performance} | ${r.accessibility} | ${r.weightKb} | ${r.scripts} | ${r.fcpMs} | ${r.lcpMs} | ${r.cls} | ${r.failedAudits.join(', ') || '—'} | ${pass(r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility && r.weightKb <= TARGETS.weightKb && r.scripts === 0)} (≥ ${TARGETS.performance}, ${TARGETS.accessibility}, ≤ ${TARGETS.weightKb} KB, no script) |`,
    ),
    '',
  ].join('\n');
  await mkdir(RESULTS, { recursive: true });
  const stamp = date.replace(/[:.]/g, '-');
  for (const name of [`${stamp}-lighthouse`, 'latest-lighthouse']) {
    await writeFile(
      join(RESULTS, `${name}.json`),
      `${JSON.stringify({ date, commit, chromium, targets: TARGETS, results }, null, 2)}\n`,
    );
    await writeFile(join(RESULTS, `${name}.md`), md);
  }
  console.log(md);
  if (results.some((r) => r.accessibility < TARGETS.accessibility)) process.exitCode = 1;
}

await main();

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { promtoolAvailable } from '../ops/tools.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { jobs } from '../../src/modules/registry.ts';
import { jobContext, runJob } from '../../src/platform/scheduler.ts';
import { LATENCY_BUCKETS } from '../../src/platform/metrics.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

/** One sample line of the text format: name, labels and value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads the samples (not the comments) of an exposition; enough for the assertions below. */
function samples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    out.push({ name: m[1]!, labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) });
  }
  return out;
}

const pick = (all: Sample[], name: string, labels: Record<string, string> = {}) =>
  all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

const valueOf = (all: Sample[], name: string, labels: Record<string, string> = {}) => {
  const found = pick(all, name, labels);
  return found.length === 1 ? found[0]!.value : undefined;
};

describeEachDialect('/metrics', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t?.close());

  /** A scrape from loopback, as Prometheus on the same machine makes it. */
  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return res.body;
  };

  it("parses with Prometheus's own parser (promtool check metrics)", async () => {
    await t.app.inject({ method: 'GET', url: '/' });
    await t.app.inject({ method: 'GET', url: '/no/such/page' });
    const text = await scrape();
    if (!promtoolAvailable()) return;
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    // And the same parser refuses a broken exposition: the check above can fail.
    const broken = spawnSync('promtool', ['check', 'metrics'], {
      input: text.replace('vanort_http_requests_total{', 'vanort_http_requests_total{{'),
      encoding: 'utf8',
    });
    expect(broken.status).not.toBe(0);
  });

  it('counts requests by route pattern and status, not by raw URL', async () => {
    const before = samples(await scrape());
    const city = (slug: string) => t.app.inject({ method: 'GET', url: `/cities/${slug}` });
    const sv = await city('bergen');
    const en = await t.app.inject({ method: 'GET', url: '/en/cities/bergen' });
    const missing = await city('atlantis');
    expect([sv.statusCode, en.statusCode, missing.statusCode]).toEqual([200, 200, 404]);
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: `/no-such-${i}` });
    const after = samples(await scrape());

    const route = pick(after, 'vanort_http_requests_total').find((s) =>
      s.labels.route!.startsWith('/cities/:'),
    )?.labels.route;
    expect(route).toBeDefined();
    const delta = (labels: Record<string, string>) =>
      (valueOf(after, 'vanort_http_requests_total', labels) ?? 0) -
      (valueOf(before, 'vanort_http_requests_total', labels) ?? 0);
    // Swedish and English addresses are one route; the unknown city its own status.
    expect(delta({ route: route!, method: 'GET', status: '200' })).toBe(2);
    expect(delta({ route: route!, method: 'GET', status: '404' })).toBe(1);
    // Addresses no route matches are one series, whatever they were.
    expect(delta({ route: '(unmatched)', method: 'GET', status: '404' })).toBe(3);
    expect(after.some((s) => s.labels.route?.includes('atlantis'))).toBe(false);
    expect(after.some((s) => s.labels.route?.includes('no-such'))).toBe(false);
  });

  it('keeps a latency histogram per route whose buckets are cumulative', async () => {
    for (let i = 0; i < 4; i++) await t.app.inject({ method: 'GET', url: '/healthz' });
    const all = samples(await scrape());
    const labels = { route: '/healthz', method: 'GET' };
    const buckets = pick(all, 'vanort_http_request_duration_seconds_bucket', labels);
    expect(buckets.map((b) => b.labels.le)).toEqual([...LATENCY_BUCKETS.map(String), '+Inf']);
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    const count = valueOf(all, 'vanort_http_request_duration_seconds_count', labels)!;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(buckets.at(-1)!.value).toBe(count);
    const sum = valueOf(all, 'vanort_http_request_duration_seconds_sum', labels)!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(count * 10);
  });

  it('counts job runs and shows when each job last succeeded', async () => {
    const job = jobs.find((j) => j.name === 'newsletter-retention') ?? jobs[0]!;
    const before = samples(await scrape());
    const runs = (all: Sample[]) =>
      valueOf(all, 'vanort_job_runs_total', { job: job.name, outcome: 'ok' }) ?? 0;
    const result = await runJob(job, { ...jobContext(t.app), now: new Date() });
    expect(result).toMatchObject({ ran: true, outcome: 'ok' });
    const after = samples(await scrape());
    expect(runs(after) - runs(before)).toBe(1);
    // Every job is listed, run or not.
    for (const j of jobs)
      expect(valueOf(after, 'vanort_job_failures_total', { job: j.name })).toBeDefined();
    const last = valueOf(after, 'vanort_job_last_success_timestamp_seconds', { job: job.name })!;
    expect(Math.abs(last - Date.now() / 1000)).toBeLessThan(60);
  });

  it('shows the mail queue: pending and failed newsletter mails', async () => {
    const queue = (all: Sample[], state: string) =>
      valueOf(all, 'vanort_mail_queue_messages', { state });
    const before = samples(await scrape());
    const now = new Date().toISOString();
    const issueId = `metrics-test-issue-${dialect}`;
    await t.db.kysely
      .insertInto('newsletter_issue')
      .values({ id: issueId, status: 'sending', topics: '', created_at: now, updated_at: now })
      .execute();
    const delivery = (n: number, status: string) => ({
      id: `${issueId}-${n}`,
      issue_id: issueId,
      subscriber_id: null,
      status,
      attempts: status === 'failed' ? 3 : 0,
      updated_at: now,
    });
    await t.db.kysely
      .insertInto('newsletter_delivery')
      .values([
        delivery(1, 'queued'),
        delivery(2, 'queued'),
        delivery(3, 'sending'),
        delivery(4, 'failed'),
        delivery(5, 'sent'),
      ])
      .execute();
    const after = samples(await scrape());
    expect(queue(after, 'pending')! - queue(before, 'pending')!).toBe(3);
    expect(queue(after, 'failed')! - queue(before, 'failed')!).toBe(1);
    expect(valueOf(after, 'vanort_metrics_database_errors')).toBe(0);
  });

  it('shows the database pool and the process', async () => {
    const all = samples(await scrape());
    const pool = (state: string) => valueOf(all, 'vanort_db_pool_connections', { dialect, state })!;
    const max = valueOf(all, 'vanort_db_pool_max_connections', { dialect });
    expect(max).toBe(dialect === 'postgres' ? 10 : 1);
    expect(pool('in_use') + pool('idle')).toBeGreaterThanOrEqual(1);
    expect(pool('in_use') + pool('idle')).toBeLessThanOrEqual(max!);
    expect(valueOf(all, 'vanort_db_pool_waiting_requests', { dialect })).toBe(0);
    expect(valueOf(all, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(valueOf(all, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1_000_000);
    const lag = valueOf(all, 'nodejs_eventloop_lag_p99_seconds')!;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5);
  });

  it('is served only to loopback without a proxy, or with the token', async () => {
    const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    // Another machine, and a request a proxy on this machine forwarded: refused.
    const remote = await get({}, '203.0.113.9');
    expect(remote.statusCode).toBe(401);
    expect(remote.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(remote.body).not.toContain('vanort_http_requests_total');
    expect((await get({ 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(401);
    expect((await get({ forwarded: 'for=203.0.113.9' })).statusCode).toBe(401);
    // A wrong token, from anywhere.
    expect((await get({ authorization: `Bearer ${TOKEN}x` }, '203.0.113.9')).statusCode).toBe(401);
    expect((await get({ authorization: 'Bearer' }, '203.0.113.9')).statusCode).toBe(401);
    // The token, from anywhere.
    const ok = await get({ authorization: `Bearer ${TOKEN}` }, '203.0.113.9');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).toContain('vanort_http_requests_total');
  });
});

describeEachDialect('/metrics without METRICS_TOKEN', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { demo: false });
  });
  afterAll(() => t?.close());

  it('is not found from anywhere but loopback, and no token opens it', async () => {
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
    expect((await from('10.0.0.7')).statusCode).toBe(404);
    expect((await from('127.0.0.1', { 'x-forwarded-for': '10.0.0.7' })).statusCode).toBe(404);
    expect((await from('10.0.0.7', { authorization: 'Bearer anything-at-all' })).statusCode).toBe(
      404,
    );
  });
});

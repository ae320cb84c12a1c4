import { createHash, timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { errors } from '../shared/errors.ts';
import { countOutboxMails } from './mail/outbox.repository.ts';
import { lastJobSuccesses } from './metrics.repository.ts';

/**
 * `/metrics` in the Prometheus text exposition format 0.0.4 (decision 041), written here
 * without a client library: requests by route pattern and status, a latency histogram by
 * route, scheduled jobs, the mail queue, the database pool and the process.
 *
 * Per request the cost is one `onResponse` hook: two map lookups, one status count and one
 * histogram bucket. No label text is made per request; it is written only when scraped.
 */

/** Upper bounds of the latency histogram's buckets, in seconds (plus `+Inf`). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** The methods counted by name; anything else a client invents is counted as `other`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** The route label of a request no route matched (404s): one series, whatever the URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

interface RouteStats {
  /** Responses by status code. */
  readonly statuses: Map<number, number>;
  /** Observations per bucket (not cumulative; made cumulative when written). */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

/** A module's figures (AppModule.metrics): gauges read from its tables when scraped. */
export interface MetricFamily {
  /** `vanort_…`, snake_case, with the unit last (e.g. `_seconds`, `_bytes`). */
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: readonly { labels?: Readonly<Record<string, string>>; value: number }[];
}
export type MetricsSource = (db: Db) => Promise<readonly MetricFamily[]>;

// ---- Jobs (process-wide: runJob is called by the scheduler and by `vanort job run`) ----

const jobRuns = new Map<string, { ok: number; failed: number }>();

/** Counts one finished run of a job (platform/scheduler.ts calls it). */
export function observeJobRun(job: string, outcome: 'ok' | 'failed'): void {
  let counts = jobRuns.get(job);
  if (!counts) jobRuns.set(job, (counts = { ok: 0, failed: 0 }));
  counts[outcome] += 1;
}

// ---- Access ----------------------------------------------------------------------------

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Who may read /metrics: a request on a loopback connection that no proxy forwarded (no
 * `X-Forwarded-For` or `Forwarded` header: behind nginx on the same machine every
 * connection is loopback, so the connection alone proves nothing), or anyone with
 * `Authorization: Bearer <METRICS_TOKEN>`. Compared in constant time.
 */
export function metricsAccess(
  request: FastifyRequest,
  token: string | undefined,
): 'ok' | 'no-credentials' | 'wrong-token' {
  const header = request.headers.authorization;
  if (token && typeof header === 'string' && /^bearer /i.test(header)) {
    const given = createHash('sha256').update(header.slice(7).trim()).digest();
    const wanted = createHash('sha256').update(token).digest();
    return timingSafeEqual(given, wanted) ? 'ok' : 'wrong-token';
  }
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  if (!forwarded && LOOPBACK.test(request.socket.remoteAddress ?? '')) return 'ok';
  return 'no-credentials';
}

// ---- The plugin --------------------------------------------------------------------------

/**
 * Counts every response and serves `/metrics`. `sources` are the modules' figures
 * (registry.ts collects them); `token` is METRICS_TOKEN.
 */
export function registerMetrics(
  app: FastifyInstance,
  options: { token: string | undefined; sources: readonly MetricsSource[] },
): (route: string, method: string, status: number, seconds: number) => void {
  const routes = new Map<string, Map<string, RouteStats>>();
  const eventLoop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  eventLoop.enable();
  app.addHook('onClose', (_instance, done) => {
    eventLoop.disable();
    done();
  });

  // A callback hook: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    const method = METHODS.has(request.method) ? request.method : 'other';
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    observe(routes, route, method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    {
      // Reachable by everyone's request, refused inside unless loopback or the token.
      config: { permission: 'public' },
      schema: { hide: true },
    },
    async (request, reply) => {
      const access = metricsAccess(request, options.token);
      if (access === 'wrong-token') throw errors.invalidToken();
      if (access === 'no-credentials') {
        // Without a token configured nothing but loopback may read it: not even say it exists.
        if (!options.token) throw errors.routeNotFound(request.method, request.url);
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw errors.unauthenticated();
      }
      const text = await exposition(app, routes, eventLoop, options.sources);
      eventLoop.reset();
      return reply
        .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(text);
    },
  );
  // The front of the page cache answers hits before Fastify: it counts them here.
  return (route, method, status, seconds) => observe(routes, route, method, status, seconds);
}

function observe(
  routes: Map<string, Map<string, RouteStats>>,
  route: string,
  method: string,
  status: number,
  seconds: number,
): void {
  let byMethod = routes.get(route);
  if (!byMethod) routes.set(route, (byMethod = new Map<string, RouteStats>()));
  let stats = byMethod.get(method);
  if (!stats) {
    stats = {
      statuses: new Map(),
      buckets: new Float64Array(LATENCY_BUCKETS.length + 1),
      sum: 0,
      count: 0,
    };
    byMethod.set(method, stats);
  }
  stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
  let i = 0;
  while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
  stats.buckets[i]! += 1;
  stats.sum += seconds;
  stats.count += 1;
}

// ---- The exposition ----------------------------------------------------------------------

/** A label value as the text format wants it: backslash, double quote and newline escaped. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return '';
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** A number as the text format writes it (`+Inf`, `NaN`, integers without a fraction). */
function num(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

class Writer {
  private readonly lines: string[] = [];
  family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): this {
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    this.lines.push(`# TYPE ${name} ${type}`);
    return this;
  }
  sample(name: string, labels: Readonly<Record<string, string>> | undefined, value: number): this {
    this.lines.push(`${name}${labelText(labels)} ${num(value)}`);
    return this;
  }
  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

async function exposition(
  app: FastifyInstance,
  routes: Map<string, Map<string, RouteStats>>,
  eventLoop: IntervalHistogram,
  sources: readonly MetricsSource[],
): Promise<string> {
  const w = new Writer();

  // Requests.
  w.family(
    'vanort_http_requests_total',
    'counter',
    'HTTP responses by route pattern (not the raw URL), method and status code.',
  );
  for (const [route, byMethod] of routes)
    for (const [method, stats] of byMethod)
      for (const [status, count] of stats.statuses)
        w.sample('vanort_http_requests_total', { route, method, status: String(status) }, count);
  w.family(
    'vanort_http_request_duration_seconds',
    'histogram',
    'Time from the request arriving to the response being sent, by route pattern and method.',
  );
  for (const [route, byMethod] of routes)
    for (const [method, stats] of byMethod) {
      let cumulative = 0;
      for (let i = 0; i <= LATENCY_BUCKETS.length; i++) {
        cumulative += stats.buckets[i]!;
        const le = i < LATENCY_BUCKETS.length ? String(LATENCY_BUCKETS[i]) : '+Inf';
        w.sample('vanort_http_request_duration_seconds_bucket', { route, method, le }, cumulative);
      }
      w.sample('vanort_http_request_duration_seconds_sum', { route, method }, stats.sum);
      w.sample('vanort_http_request_duration_seconds_count', { route, method }, stats.count);
    }

  // Jobs: every job the app knows, so a job that never ran shows 0.
  const jobNames = new Set([...app.scheduler.jobs.keys(), ...jobRuns.keys()]);
  w.family(
    'vanort_job_runs_total',
    'counter',
    'Scheduled job runs this process finished, by job and outcome (ok or failed).',
  );
  for (const job of jobNames) {
    const counts = jobRuns.get(job) ?? { ok: 0, failed: 0 };
    w.sample('vanort_job_runs_total', { job, outcome: 'ok' }, counts.ok);
    w.sample('vanort_job_runs_total', { job, outcome: 'failed' }, counts.failed);
  }
  w.family(
    'vanort_job_failures_total',
    'counter',
    'Scheduled job runs this process finished that failed, by job.',
  );
  for (const job of jobNames)
    w.sample('vanort_job_failures_total', { job }, jobRuns.get(job)?.failed ?? 0);

  // From the database: any instance's scrape shows the whole installation's state.
  const fromDb = await Promise.allSettled([
    lastJobSuccesses(app.db.kysely),
    countOutboxMails(app.db.kysely),
    ...sources.map((source) => source(app.db)),
  ]);
  let dbErrors = 0;
  const [successes, outbox, ...families] = fromDb;
  w.family(
    'vanort_job_last_success_timestamp_seconds',
    'gauge',
    'When each job last finished without failing, on any instance (Unix time; from job_run, kept 30 days).',
  );
  if (successes?.status === 'fulfilled') {
    for (const [job, finishedAt] of successes.value)
      w.sample('vanort_job_last_success_timestamp_seconds', { job }, finishedAt / 1000);
  } else dbErrors++;
  w.family(
    'vanort_mail_outbox_messages',
    'gauge',
    'Mails kept in the database outbox (SMTP_URL unset: no mail leaves the portal).',
  );
  if (outbox?.status === 'fulfilled')
    w.sample('vanort_mail_outbox_messages', undefined, outbox.value);
  else dbErrors++;
  for (const result of families) {
    if (result.status === 'rejected') {
      dbErrors++;
      continue;
    }
    for (const family of result.value) {
      w.family(family.name, family.type, family.help);
      for (const s of family.samples) w.sample(family.name, s.labels, s.value);
    }
  }
  w.family(
    'vanort_metrics_database_errors',
    'gauge',
    'Figures this scrape could not read from the database (0 when all were read).',
  );
  w.sample('vanort_metrics_database_errors', undefined, dbErrors);

  // The database pool.
  const pool = app.db.poolStats();
  w.family('vanort_db_pool_max_connections', 'gauge', 'The most connections the pool opens.');
  w.sample('vanort_db_pool_max_connections', { dialect: app.db.dialect }, pool.max);
  w.family(
    'vanort_db_pool_connections',
    'gauge',
    'Open connections by state (in_use or idle); SQLite has one, always open.',
  );
  w.sample('vanort_db_pool_connections', { dialect: app.db.dialect, state: 'in_use' }, pool.inUse);
  w.sample('vanort_db_pool_connections', { dialect: app.db.dialect, state: 'idle' }, pool.idle);
  w.family(
    'vanort_db_pool_waiting_requests',
    'gauge',
    'Queries waiting for a free connection (PostgreSQL; always 0 on SQLite).',
  );
  w.sample('vanort_db_pool_waiting_requests', { dialect: app.db.dialect }, pool.waiting);

  // The process.
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  w.family('process_resident_memory_bytes', 'gauge', 'Resident set size.');
  w.sample('process_resident_memory_bytes', undefined, memory.rss);
  w.family('process_cpu_seconds_total', 'counter', 'User and system CPU time spent.');
  w.sample('process_cpu_seconds_total', undefined, (cpu.user + cpu.system) / 1e6);
  w.family('process_start_time_seconds', 'gauge', 'When the process started (Unix time).');
  w.sample(
    'process_start_time_seconds',
    undefined,
    Math.round(Date.now() / 1000 - process.uptime()),
  );
  w.family('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use.');
  w.sample('nodejs_heap_size_used_bytes', undefined, memory.heapUsed);
  w.family('nodejs_heap_size_total_bytes', 'gauge', 'V8 heap allocated.');
  w.sample('nodejs_heap_size_total_bytes', undefined, memory.heapTotal);
  w.family('nodejs_external_memory_bytes', 'gauge', 'Memory of C++ objects bound to JavaScript.');
  w.sample('nodejs_external_memory_bytes', undefined, memory.external);
  // Event-loop delay since the previous scrape (Prometheus keeps `quantile` for summaries).
  const ns = (v: number) => (Number.isFinite(v) && eventLoop.count > 0 ? v / 1e9 : 0);
  const lag = [
    ['p50', 'the median', eventLoop.percentile(50)],
    ['p99', 'the 99th percentile', eventLoop.percentile(99)],
    ['max', 'the maximum', eventLoop.max],
  ] as const;
  for (const [suffix, what, value] of lag) {
    const name = `nodejs_eventloop_lag_${suffix}_seconds`;
    w.family(name, 'gauge', `Event-loop delay since the previous scrape: ${what}.`);
    w.sample(name, undefined, ns(value));
  }
  w.family('nodejs_version_info', 'gauge', 'The Node.js version running the portal.');
  w.sample('nodejs_version_info', { version: process.version }, 1);

  return w.text();
}

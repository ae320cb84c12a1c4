import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo.ts';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { currentGeneration } from '../../src/platform/read-cache.ts';
import { holds, type Permission } from '../../src/platform/permissions.ts';
import type { Role } from '../../src/platform/roles.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { nextTurn, pendingImmediates } from '../helpers/event-loop.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { signedIn } from '../helpers/sign-in.ts';

/**
 * Generated hostile input (issue 17, point 2): fast-check sends generated values (empty,
 * huge, Unicode edge cases, wrong types, repeated fields, SQL, HTML/JS, CSV formula, path
 * traversal and header injection payloads) to every form and API endpoint that writes, as
 * every role (most often the role the route is for, so the handler is reached). For every
 * request: no status of 500 or more; a refusal (4xx) leaves no trace (no audit event, no
 * change of the public records); no payload comes back unescaped in an HTML page.
 *
 * FUZZ_RUNS cases per endpoint: a few in `npm test`, 10,000 in `npm run test:fuzz`.
 * Figures go to test-results/fuzz-<dialect>.json.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** FUZZ_ONLY=<regex>: only the endpoints (`POST /admin/…`) it matches, to look into one. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
/** FUZZ_HEAP_SNAPSHOTS=<dir>: a heap snapshot after the first and the last endpoint (to compare). */
const SNAPSHOTS = process.env.FUZZ_HEAP_SNAPSHOTS;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/**
 * The heap in use, in MB; in the long runs after a full collection (what the run really
 * keeps). `npm test`'s few cases skip the collections (a tenth of a second each).
 */
const heapMB = () => {
  if (RUNS >= 100 || process.env.FUZZ_HEAP_LOG) gc();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
};

const PROBE_SCRIPT = '<script>alert("zqx")</script>';
const PROBE_IMG = '"><img src=x onerror=alert(7331)>';
const PAYLOADS = [
  "' OR 1=1 --",
  "'; drop table app_user; --",
  '1; select pg_sleep(5)',
  PROBE_SCRIPT,
  PROBE_IMG,
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '-2+3',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'x\r\nSet-Cookie: evil=1',
  'x%0d%0aLocation:%20http://evil.example',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '\u0000',
  '\u202eevil\u202c',
  '\uFEFF',
  '\uD800',
  '😀'.repeat(300),
  'Å'.repeat(20_000),
  ' ',
  '',
  '-1',
  '0',
  '1e309',
  'NaN',
  'true',
  '[]',
  '{"a":1}',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '24:61',
];

const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  },
);
/** A field's value: mostly one, sometimes the field repeated. */
const fieldValue = fc.oneof(
  { weight: 5, arbitrary: value },
  { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) },
);

type Who = 'anonymous' | Role;

/** A route's address as a pattern (`/meetings/:id/edit` → one path segment per parameter). */
function patternOf(url: string): RegExp {
  const escaped = url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*$/, '.*');
  return new RegExp(`^${escaped.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
}

describeEachDialect('generated hostile input', (dialect) => {
  let t: TestApp;
  const agents = new Map<Who, TestAgent>();
  let bearer = '';
  const fieldNames = new Set<string>(['title', 'name', 'email', 'q', 'year', 'id', 'version']);
  const actions = new Set<string>();
  const ODD_PARAMS = ['no-such-id', 'bergen', 'x'.repeat(300), '..%2F..%2Fetc', '%00'];
  let routes: { method: string; url: string; permission: Permission }[];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { API_RATE_LIMIT: '0' } });
    agents.set('anonymous', new TestAgent(t.app));
    for (const account of DEMO_ACCOUNTS) {
      const agent = await signedIn(t.app, account.email);
      agents.set(account.role, agent);
    }
    const user = await findUserByEmail(t.db.kysely, 'samordnare@vanort.example');
    bearer = (
      await createApiToken(t.db, { userId: user!.id, label: 'fuzz', ip: null }, user!.id, {
        name: 'fuzz',
      })
    ).token;
    const all = t.app
      .registeredRoutes()
      .flatMap((r) =>
        [r.method].flat().map((method) => ({ method, url: r.url, permission: r.permission! })),
      )
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .filter((r) => !r.url.startsWith('/static/') && !r.url.startsWith('/api/docs'));
    // The field names, ids and form addresses the app's own pages use, so generated bodies
    // reach the rules of real records: the pages without parameters, then (one level) the
    // pages they link to, as the roles that see most.
    const seen = new Set<string>();
    const queue: string[] = all
      .filter((r) => r.method === 'GET' && !r.url.includes(':'))
      .map((r) => r.url.replace(/\*$/, ''));
    const getRoutes = all.filter((r) => r.method === 'GET').map((r) => patternOf(r.url));
    for (let depth = 0; depth < 2; depth++) {
      const next: string[] = [];
      for (const url of queue.splice(0)) {
        if (seen.has(url) || seen.size > 600) continue;
        seen.add(url);
        for (const who of ['coordinator', 'admin', 'reporter', 'presidium', 'partner'] as const) {
          const page = await t.app.inject({
            url,
            cookies: Object.fromEntries(agents.get(who)!.cookies),
          });
          await nextTurn();
          if (!String(page.headers['content-type'] ?? '').startsWith('text/html')) continue;
          for (const [, name] of page.body.matchAll(/name="([A-Za-z_][\w.-]{0,40})"/g))
            if (name !== '_csrf') fieldNames.add(name!);
          for (const [, action] of page.body.matchAll(/action="(\/[^"?#]*)"/g))
            actions.add(action!);
          for (const [, href] of page.body.matchAll(/href="(\/[^"?#]*)"/g))
            if (getRoutes.some((re) => re.test(href!)) && !seen.has(href!)) next.push(href!);
        }
      }
      queue.push(...new Set(next));
    }
    routes = all
      .filter((r) => r.method !== 'GET')
      // Logging out would end the agents' sessions before the other routes are tried.
      .filter((r) => r.url !== '/logout' && r.url !== '/account/logout-everywhere')
      .filter((r) => !ONLY || ONLY.test(`${r.method} ${r.url}`));
  }, 300_000);
  afterAll(() => t?.close());

  const audits = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from audit_event`.execute(t.db.kysely))
        .rows[0]!.n,
    );

  it(
    `sends ${RUNS} generated requests to every endpoint that writes: no 5xx, no trace of a refusal, nothing reflected`,
    async () => {
      const figures: Record<string, { cases: number; statuses: Record<number, number> }> = {};
      const roles = [...agents.keys()];
      let realAddresses = 0;
      let failure: string | undefined;
      const write = (done: boolean) => {
        const total = Object.values(figures).reduce((n, f) => n + f.cases, 0);
        mkdirSync('test-results', { recursive: true });
        writeFileSync(
          `test-results/fuzz-${dialect}.json`,
          JSON.stringify(
            {
              done,
              runsPerEndpoint: RUNS,
              endpoints: routes.length,
              endpointsTried: Object.keys(figures).length,
              withRealAddresses: realAddresses,
              total,
              failures: failure ? 1 : 0,
              failure,
              seconds: Math.round((Date.now() - started) / 1000),
              heapAtStartMB: heapAtStart,
              peakHeapMB: peakHeap,
              heapAfterFullGc: RUNS >= 100 || Boolean(process.env.FUZZ_HEAP_LOG),
              figures,
            },
            null,
            1,
          ),
        );
        return total;
      };
      await nextTurn();
      // Immediates that wait for good reasons (none, or the app's own); the requests must add none.
      const immediatesAtStart = pendingImmediates();
      const heapAtStart = heapMB();
      let peakHeap = heapAtStart;
      const started = Date.now();
      for (const [index, route] of routes.entries()) {
        const key = `${route.method} ${route.url}`;
        const stats = { cases: 0, statuses: {} as Record<number, number> };
        figures[key] = stats;
        const allowed = roles.filter((who) =>
          holds(who === 'anonymous' ? null : { roles: [{ role: who }] }, route.permission),
        );
        const who = fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(allowed.length ? allowed : roles)) },
          { weight: 1, arbitrary: fc.constantFrom(...roles) },
        );
        // A real address of this form (found on the app's pages) most of the time, else odd parameters.
        const pattern = patternOf(route.url);
        const real = [...actions].filter((a) => pattern.test(a));
        const odd = fc
          .array(fc.constantFrom(...ODD_PARAMS), { minLength: 3, maxLength: 3 })
          .map((values) => {
            let i = 0;
            return route.url
              .replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++]!))
              .replace(/\*$/, 'x');
          });
        const path =
          real.length > 0 && route.url.includes(':')
            ? fc.oneof(
                { weight: 4, arbitrary: fc.constantFrom(...real) },
                { weight: 1, arbitrary: odd },
              )
            : odd;
        realAddresses += real.length > 0 ? 1 : 0;
        const body = fc.dictionary(
          fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...fieldNames) },
            { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
          ),
          fieldValue,
          { maxKeys: 14 },
        );
        await fc
          .assert(
            fc.asyncProperty(who, path, body, async (role, url, fields) => {
              const agent = agents.get(role)!;
              const beforeAudits = await audits();
              const beforePublic = await currentGeneration(t.db.kysely, 'public');
              const res = url.startsWith('/api/')
                ? await t.app.inject({
                    method: route.method as 'POST',
                    url,
                    headers: {
                      'content-type': 'application/json',
                      ...(role === 'coordinator' ? { authorization: `Bearer ${bearer}` } : {}),
                    },
                    payload: JSON.stringify(fields),
                  })
                : await agent.post(url, fields);
              stats.cases += 1;
              stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
              const where = `${role} ${route.method} ${url} ${JSON.stringify(fields).slice(0, 300)}`;
              expect(res.statusCode, where).toBeLessThan(500);
              if (res.statusCode >= 400) {
                expect(await audits(), `refused but audited: ${where}`).toBe(beforeAudits);
                expect(
                  await currentGeneration(t.db.kysely, 'public'),
                  `refused but changed public records: ${where}`,
                ).toBe(beforePublic);
              }
              if (String(res.headers['content-type'] ?? '').startsWith('text/html')) {
                expect(res.body.includes(PROBE_SCRIPT), `reflected script: ${where}`).toBe(false);
                expect(res.body.includes(PROBE_IMG), `reflected markup: ${where}`).toBe(false);
              }
              // Keep the agent able to post: a fresh token if the answer carried none.
              if (!agent.csrfToken) await agent.get(role === 'anonymous' ? '/login' : '/account');
              // Let the event loop turn, as it does between real requests: on SQLite a run of
              // refusals otherwise never leaves the promise queue, and every injected request
              // stays alive in a pending setImmediate (test/helpers/event-loop.ts).
              await nextTurn();
            }),
            { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
          )
          .catch((error: unknown) => {
            failure = String(error).slice(0, 4000);
            write(false);
            throw error;
          });
        const heap = heapMB();
        peakHeap = Math.max(peakHeap, heap);
        (stats as { heapAfterMB?: number }).heapAfterMB = heap;
        // Nothing of the requests waits for the event loop (the 4 GB heap of the long run).
        expect(pendingImmediates(), `pending immediates after ${key}`).toBeLessThan(
          immediatesAtStart + 5,
        );
        write(false); // figures so far, also for a run that is stopped
        if (process.env.FUZZ_HEAP_LOG) console.log(`fuzz heap ${heap} MB after ${key}`);
        if (SNAPSHOTS && (index === 0 || index === routes.length - 1)) {
          mkdirSync(SNAPSHOTS, { recursive: true });
          writeHeapSnapshot(`${SNAPSHOTS}/fuzz-${dialect}-${index}.heapsnapshot`);
        }
      }
      const total = write(true);
      if (!ONLY) expect(routes.length).toBeGreaterThan(40);
      expect(total).toBe(routes.length * RUNS);
    },
    Math.max(120_000, RUNS * 400 * 200),
  );
});

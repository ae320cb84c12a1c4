import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { signedIn } from '../helpers/sign-in.ts';

/**
 * "Nothing a user can send produces a 500": every route of the app, as anonymous and as
 * every role, with odd path parameters, odd query strings and odd form bodies. A 4xx is
 * the right answer to most of these; a 5xx fails the test and names the request.
 */
const ODD_PARAMS = ['no-such-id', '%00', '%C3%85%C3%84%C3%96', 'x'.repeat(300), '..%2F..%2Fetc'];
const ODD_QUERIES = [
  '',
  '?page=0&limit=abc&cursor=%%%&year=20x6&from=-1&count=1e9&lang=xx',
  '?page=99999999999999999999&limit=-5&cursor=bm90LWEtY3Vyc29y&year=1800&q=%22%27%3B--&city=%00',
  '?city[]=a&city[]=b&area=%C3%85&status=unknown&kind=%3Cscript%3E&organisation=x&logistics=1',
];
const ODD_BODIES: Record<string, string | string[]>[] = [
  {},
  {
    title: 'Ö'.repeat(50_000),
    name: ['a', 'b'],
    email: 'not-an-email',
    date: '2026-02-30',
    start: '2026-13-01',
    year: '-1',
    limit: 'abc',
    status: 'held',
    kind: 'nonsense',
    roles: ['admin', 'nonsense'],
  },
  { id: '%00', slug: '../x', city: 'atlantis', organisation: 'none', _method: 'DELETE' },
  // Control characters (PostgreSQL cannot store a NUL) and repeated fields in every form.
  {
    title: 'Nul\u0000tecken',
    name: ['a\u0000', 'b'],
    email: 'x\u0000@example.org',
    comment: 'c\u0001',
    justification: 'd\u0000',
    goals: ['e', 'f\u0000'],
    decisionDate: '2026-01-01\u0000',
    active: '1\u0000',
  },
];

describeEachDialect('no request produces a server error', (dialect) => {
  let t: TestApp;
  const agents = new Map<string, TestAgent>();
  let routes: { method: string; url: string }[];

  beforeAll(async () => {
    // The forms' rate limits as configured by default: their 429 must be no 5xx either.
    t = await buildTestApp(dialect, { env: { LOGIN_RATE_LIMIT: '20', RESET_RATE_LIMIT: '10' } });
    agents.set('anonymous', new TestAgent(t.app));
    for (const account of DEMO_ACCOUNTS) {
      const agent = await signedIn(t.app, account.email);
      agents.set(account.role, agent);
    }
    routes = t.app
      .registeredRoutes()
      .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url })))
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .filter((r) => !r.url.startsWith('/static/') && !r.url.startsWith('/api/docs'))
      // Logging out would end the agents' sessions before the other routes are tried.
      .filter((r) => r.url !== '/logout' && r.url !== '/account/logout-everywhere');
  });
  afterAll(() => t.close());

  const paths = (url: string) =>
    url.includes(':')
      ? ODD_PARAMS.map((p) => url.replace(/:[A-Za-z]+/g, p))
      : [url.replace(/\*$/, 'x')];

  it('answers every GET with odd parameters and queries without a 5xx', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const path of paths(route.url)) {
        for (const query of ODD_QUERIES) {
          for (const who of ['anonymous', 'coordinator', 'partner', 'reporter']) {
            const res = await agents.get(who)!.get(path + query);
            calls++;
            if (res.statusCode >= 500)
              failures.push(`${who} GET ${path}${query} → ${res.statusCode}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000); // hundreds of requests: bounded (10–20 s in CI), but slow on a loaded machine

  it('answers every form POST with odd bodies, as every role, without a 5xx', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      for (const path of paths(route.url).slice(0, 2)) {
        for (const [who, agent] of agents) {
          for (const body of ODD_BODIES) {
            // A fresh CSRF token from a page the agent may see, so the handler is reached.
            await agent.get(who === 'anonymous' ? '/login' : '/account');
            const res = path.startsWith('/api/')
              ? await t.app.inject({
                  method: route.method as 'POST',
                  url: path,
                  headers: { 'content-type': 'application/json' },
                  payload: JSON.stringify(body),
                })
              : await agent.post(path, body);
            calls++;
            if (res.statusCode >= 500)
              failures.push(
                `${who} ${route.method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${res.statusCode}`,
              );
          }
          if (path.startsWith('/api/')) {
            const res = await t.app.inject({
              method: route.method as 'POST',
              url: path,
              headers: { 'content-type': 'application/json' },
              payload: '{"not json',
            });
            if (res.statusCode >= 500)
              failures.push(`${who} ${route.method} ${path} bad JSON → ${res.statusCode}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000); // hundreds of requests: bounded (10–20 s in CI), but slow on a loaded machine
});

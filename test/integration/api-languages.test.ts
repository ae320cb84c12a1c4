import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The API's language (decision 014): every /api/v1 route takes `?lang=` (one of the five)
 * and `Accept-Language`, ignores an unknown `?lang=` (no 400, no 500), and answers
 * `Content-Language`. No route's query schema may refuse `lang`.
 */
describeEachDialect('every /api/v1 route takes ?lang= and Accept-Language', (dialect) => {
  let t: TestApp;
  let token: string;
  /** A real value for each route with path parameters (a new one must be added here). */
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.db.kysely;
    const user = await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'samordnare@vanort.example')
      .executeTakeFirstOrThrow();
    ({ token } = await createApiToken(
      t.db,
      { userId: user.id, label: 'languages', ip: null },
      user.id,
      { name: 'api languages', expiresInDays: 1 },
    ));
    const decision = await db.selectFrom('council_decision').select('id').executeTakeFirstOrThrow();
    const collaboration = await db
      .selectFrom('collaboration')
      .select('id')
      .where('visibility', '=', 'public')
      .where('review_state', '=', 'acknowledged')
      .executeTakeFirstOrThrow();
    const report = await db
      .selectFrom('evaluation_version')
      .select('evaluation_id')
      .where('published_at', 'is not', null)
      .executeTakeFirstOrThrow();
    params = {
      '/api/v1/reports/:id': `/api/v1/reports/${report.evaluation_id}`,
      '/api/v1/evaluations/:id/figures': `/api/v1/evaluations/${report.evaluation_id}/figures`,
      '/api/v1/cities/:slug': '/api/v1/cities/turku',
      '/api/v1/decisions/:id': `/api/v1/decisions/${decision.id}`,
      '/api/v1/collaborations/:id': `/api/v1/collaborations/${collaboration.id}`,
    };
  });
  afterAll(() => t.close());

  const routes = () =>
    t.app
      .registeredRoutes()
      .filter((r) => r.url.startsWith('/api/v1/'))
      .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url })))
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');

  const call = (method: string, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(method === 'GET' ? {} : { payload: {} }),
    });

  it('answers each one as without ?lang=, in the language chosen', async () => {
    const checked: string[] = [];
    for (const { method, url } of routes()) {
      const path = url.includes(':') ? params[url] : url;
      expect(path, `a value for the parameters of ${url}`).toBeDefined();
      const base = await call(method, path!);
      // GETs answer; the writes refuse the empty body (or the coordinator's role) alike.
      if (method === 'GET') expect(base.statusCode, `${method} ${path}`).toBe(200);
      else expect(base.statusCode, `${method} ${path}`).toBeLessThan(500);
      expect(base.headers['content-language'], `${method} ${path}`).toBe('sv');
      const join = path!.includes('?') ? '&' : '?';
      for (const [query, headers, language] of [
        ['lang=fi', {}, 'fi'],
        ['lang=xx', {}, 'sv'],
        ['lang=xx', { 'accept-language': 'da' }, 'da'],
        ['lang=en', { 'accept-language': 'nb' }, 'en'],
        ['', { 'accept-language': 'nb-NO, nb;q=0.9' }, 'nb'],
      ] as const) {
        const res = await call(method, query ? `${path}${join}${query}` : path!, headers);
        const name = `${method} ${path} ${query} ${JSON.stringify(headers)}`;
        expect(res.statusCode, name).toBe(base.statusCode);
        expect(res.headers['content-language'], name).toBe(language);
        expect(res.headers.vary, name).toMatch(/Accept-Language/i);
      }
      checked.push(`${method} ${url}`);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/v1/cities',
        'GET /api/v1/cities/:slug',
        'GET /api/v1/rotation',
        'GET /api/v1/collaborations',
        'GET /api/v1/collaborations.csv',
        'GET /api/v1/me',
        'POST /api/v1/proposals',
      ]),
    );
  });
});

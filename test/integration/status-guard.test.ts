import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo.ts';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { signedIn } from '../helpers/sign-in.ts';

/**
 * Policy P6: a city's status changes only through a recorded council decision on a
 * proposal sent to the council. This test calls every state-changing route of the app,
 * as every role and anonymously, with a body that tries to change Bergen's status (and
 * through the API with every role's token), and checks that no city's status or kind moved.
 */
const ATTEMPT = {
  status: 'ended',
  kind: 'partner',
  city: 'bergen',
  citySlug: 'bergen',
  slug: 'bergen',
  to_status: 'ended',
  toStatus: 'ended',
  active: '0',
  outcome: 'approved',
  body: 'KS',
};

describeEachDialect('no route changes a city status outside a decision', (dialect) => {
  let t: TestApp;
  const agents = new Map<string, TestAgent>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    agents.set('anonymous', new TestAgent(t.app));
    for (const account of DEMO_ACCOUNTS) {
      const agent = await signedIn(t.app, account.email);
      agents.set(account.role, agent);
      const user = await t.db.kysely
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const { token } = await createApiToken(
        t.db,
        { userId: user.id, label: account.email, ip: null },
        user.id,
        {
          name: 'status guard',
          expiresInDays: 1,
        },
      );
      tokens.set(account.role, token);
    }
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (
      await t.db.kysely
        .selectFrom('city')
        .select(['slug', 'status', 'kind'])
        .orderBy('slug')
        .execute()
    ).map((c) => `${c.slug}:${c.status}:${c.kind}`);

  it('leaves every status as it was', async () => {
    const before = await snapshot();
    const routes = t.app
      .registeredRoutes()
      .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url })))
      .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
      // Logging out would end the agents' sessions before the other routes are tried.
      .filter((r) => r.url !== '/logout' && r.url !== '/account/logout-everywhere');
    expect(routes.length).toBeGreaterThan(20);
    const bergen = await t.db.kysely
      .selectFrom('city')
      .select('id')
      .where('slug', '=', 'bergen')
      .executeTakeFirstOrThrow();
    let calls = 0;
    // Requests that got past authorization and CSRF (they reached a handler's validation or ran).
    let reached = 0;
    for (const route of routes) {
      const path = route.url.replace(/:id|:slug|:token/g, (p) =>
        p === ':slug' ? 'bergen' : bergen.id,
      );
      for (const [who, agent] of agents) {
        if (path.startsWith('/api/')) {
          const token = tokens.get(who);
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: path,
            headers: token ? { authorization: `Bearer ${token}` } : {},
            payload: {
              ...ATTEMPT,
              title: 'Bergen avslutas',
              justification: 'Test',
              kind: 'end_relation',
            },
          });
          if (![401, 403].includes(res.statusCode)) reached++;
        } else {
          await agent.get(who === 'anonymous' ? '/login' : '/account');
          const res = await agent.post(path, {
            ...ATTEMPT,
            title: 'Bergen avslutas',
            justification: 'Test',
          });
          if (![401, 403].includes(res.statusCode)) reached++;
        }
        calls++;
      }
    }
    expect(calls).toBeGreaterThan(150);
    expect(reached).toBeGreaterThan(20);
    const after = await snapshot();
    // New cities may have entered the register as proposals; none of the old ones moved.
    expect(after.filter((c) => before.some((b) => b.split(':')[0] === c.split(':')[0]))).toEqual(
      before,
    );
    expect(
      after
        .filter((c) => !before.some((b) => b.split(':')[0] === c.split(':')[0]))
        .every((c) => c.includes(':proposed:')),
    ).toBe(true);
  });
});

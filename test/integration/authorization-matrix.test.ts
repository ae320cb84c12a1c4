import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo.ts';
import { createUser } from '../../src/modules/accounts/account.service.ts';
import {
  beginMfaEnrollment,
  confirmMfaEnrollment,
} from '../../src/modules/accounts/mfa.service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.ts';
import type { Permission } from '../../src/platform/permissions.ts';
import { TestAgent } from '../helpers/agent.ts';
import { modules } from '../../src/modules/registry.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { signedIn } from '../helpers/sign-in.ts';

/**
 * Every protected route, written out by hand with who may call it in its module's
 * descriptor (`protectedRoutes`). Adding a route without adding it there fails the first
 * test; declaring a different permission in the code than there fails the second; the
 * third calls every route as every role.
 */
const PROTECTED: Record<string, Exclude<Permission, 'public'>> = {};
for (const module of modules) Object.assign(PROTECTED, module.protectedRoutes);

/** Roles allowed per permission, as the product promises (DESIGN.md §5). */
const ALLOWED: Record<Exclude<Permission, 'public'>, readonly string[]> = {
  authenticated: ['staff', 'reporter', 'coordinator', 'presidium', 'council', 'partner', 'admin'],
  // Gothenburg's own roles: not the twin cities' partner contacts (decision 016).
  internal: ['staff', 'reporter', 'coordinator', 'presidium', 'council', 'admin'],
  admin: ['admin'],
  coordinator: ['coordinator'],
  council: ['council'],
  presidium: ['presidium'],
  meetings: ['coordinator', 'partner'],
  delegations: ['presidium', 'partner', 'coordinator'],
  reporting: ['reporter', 'coordinator'],
  // The partner contact keeps their own city's facts (the matrix's :slug is bergen, theirs).
  cityFacts: ['coordinator', 'partner'],
};

const WHO = ['anonymous', ...DEMO_ACCOUNTS.map((a) => a.role)] as const;

describeEachDialect('authorization matrix', (dialect) => {
  let t: TestApp;
  const agents = new Map<string, TestAgent>();
  let routes: { method: string; url: string; permission: string | undefined }[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    routes = t.app
      .registeredRoutes()
      .flatMap((r) =>
        [r.method].flat().map((method) => ({ method, url: r.url, permission: r.permission })),
      )
      .filter((r) => r.method !== 'HEAD');
    agents.set('anonymous', new TestAgent(t.app));
    for (const account of DEMO_ACCOUNTS) {
      const agent = await signedIn(t.app, account.email);
      agents.set(account.role, agent);
    }
    const user = await t.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'medarbetare@vanort.example')
      .executeTakeFirstOrThrow();
    const org = await t.db.kysely
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'liseberg')
      .executeTakeFirstOrThrow();
    ids = { user: user.id, organisation: org.id };
  });
  afterAll(() => t.close());

  const concrete = (url: string) =>
    url
      .replace(/\/admin\/users\/:id/, `/admin/users/${ids.user}`)
      .replace(/\/admin\/organisations\/:id/, `/admin/organisations/${ids.organisation}`)
      .replace(/:id/g, 'no-such-id')
      .replace(/:slug/g, 'bergen')
      .replace(/:token/g, 'no-such-token');

  it('knows every protected route the app registers', () => {
    const registered = routes
      .filter((r) => r.permission !== 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(registered).toEqual(Object.keys(PROTECTED).sort());
  });

  it('declares in the code the permission written here', () => {
    for (const [key, permission] of Object.entries(PROTECTED)) {
      const [method, url] = key.split(' ');
      expect(routes.find((r) => r.method === method && r.url === url)?.permission, key).toBe(
        permission,
      );
    }
  });

  // Every protected route as every role, one after another: about 15 s alone, more than the
  // default 30 s on a busy machine.
  it('answers every role (and anonymous) as expected on every protected route', async () => {
    const outcomes: string[] = [];
    for (const [key, permission] of Object.entries(PROTECTED)) {
      const [method, url] = key.split(' ') as [string, string];
      const path = concrete(url);
      for (const who of WHO) {
        const agent = agents.get(who)!;
        // POSTs go without a CSRF token: an allowed role then meets the CSRF check
        // (403 "the form has expired"), which shows the permission check let it through
        // and that nothing changed.
        const res =
          method === 'GET' ? await agent.get(path) : await agent.post(path, {}, { csrf: null });
        const allowed = ALLOWED[permission].includes(who);
        let outcome: string;
        if (res.statusCode === 303 && String(res.headers.location).startsWith('/login'))
          outcome = 'login';
        else if (res.statusCode === 401) outcome = 'login';
        else if (res.statusCode === 403 && /Formuläret har gått ut|CSRF_INVALID/.test(res.body))
          outcome = 'allowed';
        else if (res.statusCode === 403) outcome = 'forbidden';
        else outcome = res.statusCode < 500 ? 'allowed' : `error ${res.statusCode}`;
        const expected = allowed ? 'allowed' : who === 'anonymous' ? 'login' : 'forbidden';
        if (outcome !== expected)
          outcomes.push(`${key} as ${who}: ${outcome} (${res.statusCode}), expected ${expected}`);
      }
    }
    expect(outcomes).toEqual([]);
  }, 90_000);

  it('treats a session still waiting for its two-step code as not logged in', async () => {
    // An administrator with two-step verification who has given only the password.
    const email = 'tvasteg.matris@vanort.example';
    const password = 'matrix two step password';
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email,
      name: 'Tvåsteg Matris',
      roles: [{ role: 'admin', organisationId: null, cityId: null }],
      password,
    });
    await beginMfaEnrollment(t.db, SYSTEM_ACTOR, user.id);
    const { totp_secret } = await t.db.kysely
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const secret = Secret.fromBase32(totp_secret!);
    await confirmMfaEnrollment(t.db, SYSTEM_ACTOR, user.id, TOTP.generate({ secret }));
    const pending = new TestAgent(t.app);
    expect((await pending.login(email, password)).headers.location).toMatch(/^\/login\/mfa/);

    const outcomes: string[] = [];
    for (const key of Object.keys(PROTECTED)) {
      const [method, url] = key.split(' ') as [string, string];
      const res =
        method === 'GET'
          ? await pending.get(concrete(url))
          : await pending.post(concrete(url), {}, { csrf: null });
      const asAnonymous =
        (res.statusCode === 303 && String(res.headers.location).startsWith('/login')) ||
        res.statusCode === 401;
      // Logging out is the one thing a waiting session may do (here: stopped by CSRF).
      const expected = key === 'POST /logout' ? res.statusCode === 403 : asAnonymous;
      if (!expected) outcomes.push(`${key}: ${res.statusCode}`);
    }
    expect(outcomes).toEqual([]);
  });
});

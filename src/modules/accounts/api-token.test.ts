import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { createUser, findUserByEmail, setUserActive, sha256 } from './account.service.ts';
import { createApiToken, resolveApiToken } from './api-token.service.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { auditTrail, rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';

const TEST_ACTOR = { userId: null, label: 'test', ip: null };
const OWN_PASSWORD = 'Nycklarna hänger vid dörren 2026';

describeEachDialect('personal API tokens', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, {
      // A write under /api/ to show that Bearer requests skip CSRF while cookie requests do not.
      extend: (app) => {
        app.post('/api/v1/test-write', { config: { permission: 'authenticated' } }, (request) => ({
          user: request.user?.email,
        }));
      },
    });
  });
  afterAll(() => t.close());

  const tokenRows = (name?: string) => {
    let q = t.db.kysely.selectFrom('api_token').selectAll();
    if (name) q = q.where('name', '=', name);
    return q.execute();
  };
  const auditOf = (entityId: string) =>
    auditTrail(t.db, { entity_id: entityId }, ['entity', 'action', 'actor_label', 'changes']);
  const bearer = (token: string, url = '/api/v1/me') =>
    t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

  /** Logs in, creates a token through the form and returns it with the agent. */
  async function createViaForm(email: string, name: string, expiresInDays = '30') {
    const agent = await signedIn(t.app, email);
    const res = await agent.submit('/account/tokens', { name, expiresInDays });
    expect(res.statusCode).toBe(200);
    const token = /value="(vpt_[\w-]+)"/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    return { agent, token: token!, res };
  }

  it('links the tokens page from the account page and shows the form', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.staff);
    const account = await agent.get('/account');
    expect(account.body).toContain('<a href="/account/tokens">API-nycklar</a>');
    const page = await agent.get('/account/tokens');
    expectPage(page, 200, [
      '<h1>API-nycklar</h1>',
      'Du har inga API-nycklar.',
      'name="name"',
      'name="expiresInDays"',
      'value="90"',
    ]);
    // Anonymous visitors are sent to the login page.
    const anonymous = await t.app.inject({ url: '/account/tokens' });
    expect(anonymous.statusCode).toBe(303);
  });

  it('creates a token shown once, that then reads /api/v1/me with its user and roles', async () => {
    const { agent, token, res } = await createViaForm('rapportor@vanort.example', 'Rapportsystem');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Kopiera nyckeln nu');
    expect(token).toMatch(/^vpt_[\w-]{40,}$/);

    // Never again: not on the list, not anywhere the user can reach.
    const list = await agent.get('/account/tokens');
    expect(list.body).not.toContain(token);
    expect(list.body).toContain('Rapportsystem');
    expect(list.body).toContain('Aktiv');
    expect(list.body).toContain('Aldrig');

    const me = await bearer(token);
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('private, no-store');
    const body = me.json<{ email: string; name: string; roles: unknown[]; id: string }>();
    const user = await findUserByEmail(t.db.kysely, 'rapportor@vanort.example');
    const org = await rowWhere(t.db, 'organisation', { id: user!.roles[0]!.organisationId! }, [
      'slug',
    ]);
    expect(body).toEqual({
      id: user!.id,
      email: 'rapportor@vanort.example',
      name: user!.name,
      roles: [{ role: 'reporter', organisation: org.slug, city: null }],
    });

    // The city of a twin-city contact is given by its slug.
    const partner = await createViaForm('bergen@vanort.example', 'Bergen-integration');
    expect((await bearer(partner.token)).json()).toMatchObject({
      roles: [{ role: 'partner', organisation: null, city: 'bergen' }],
    });

    // A used token shows when it was last used.
    expect((await tokenRows('Rapportsystem'))[0]?.last_used_at).not.toBeNull();
    expect((await agent.get('/account/tokens')).body).not.toContain('Aldrig');
  });

  it('stores only the hash of the token, and audits its creation without it', async () => {
    const { token } = await createViaForm('samordnare@vanort.example', 'Hashkontroll', '7');
    const [row] = await tokenRows('Hashkontroll');
    expect(row?.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Date.parse(row!.expires_at) - Date.parse(row!.created_at)).toBe(7 * 86_400_000);
    const events = await auditOf(row!.id);
    expect(events.map((e) => `${e.entity}.${e.action}:${e.actor_label}`)).toEqual([
      'api_token.create:samordnare@vanort.example',
    ]);
    expect(events[0]?.changes).not.toContain(token);
    expect(events[0]?.changes).not.toContain(row!.token_hash);
    expect(JSON.parse(events[0]!.changes)).toMatchObject({
      name: { before: null, after: 'Hashkontroll' },
      token_hash: { before: null, after: '(set)' },
    });
  });

  it('answers 401 without a token and 401 INVALID_TOKEN for a wrong one', async () => {
    const none = await t.app.inject({ url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    for (const wrong of ['vpt_wrong', 'not-even-a-token', `vpt_${'x'.repeat(500)}`, '']) {
      const res = await bearer(wrong);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
    }
    // A wrong token is refused on public API routes too.
    const cities = await bearer('vpt_wrong', '/api/v1/cities');
    expect(cities.statusCode).toBe(401);
    expect(cities.headers['www-authenticate']).toContain('invalid_token');
  });

  it('is only for /api/: a Bearer token does not log in to the HTML pages', async () => {
    const { token } = await createViaForm('presidiet@vanort.example', 'Bara API');
    const page = await t.app.inject({
      url: '/account',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/login');
  });

  it('skips CSRF for Bearer requests but not for cookie requests', async () => {
    const { agent, token } = await createViaForm('sekretariatet@vanort.example', 'Skrivtest');
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-write',
      headers: { authorization: `Bearer ${token}` },
      payload: {},
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json()).toEqual({ user: 'sekretariatet@vanort.example' });
    const viaCookie = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-write',
      cookies: Object.fromEntries(agent.cookies),
      payload: {},
    });
    expect(viaCookie.statusCode).toBe(403);
    expect(viaCookie.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
  });

  it('revokes a token: it stops working, is audited, and revoking again is a clear no-op', async () => {
    const { agent, token } = await createViaForm('medarbetare@vanort.example', 'Återkallas');
    expect((await bearer(token)).statusCode).toBe(200);
    const [row] = await tokenRows('Återkallas');
    await agent.get('/account/tokens');
    const res = await agent.post(`/account/tokens/${row!.id}/revoke`);
    expectRedirect(res, '/account/tokens');
    const list = await agent.get('/account/tokens');
    expect(list.body).toContain('Nyckeln Återkallas är återkallad');
    expect(list.body).toContain('Återkallad');

    const after = await bearer(token);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });

    const again = await agent.post(`/account/tokens/${row!.id}/revoke`);
    expect(again.statusCode).toBe(303);
    expect((await agent.get('/account/tokens')).body).toContain(
      'Nyckeln Återkallas var redan återkallad. Ingenting har ändrats.',
    );
    const events = await auditOf(row!.id);
    expect(events.map((e) => `${e.entity}.${e.action}`)).toEqual([
      'api_token.create',
      'api_token.revoke',
    ]);
  });

  it("refuses to revoke another user's token and changes nothing", async () => {
    const victim = await createViaForm('samordnare@vanort.example', 'Inte din');
    const [row] = await tokenRows('Inte din');
    const attacker = await signedIn(t.app, DEMO_EMAIL.staff);
    await attacker.get('/account/tokens');
    const res = await attacker.post(`/account/tokens/${row!.id}/revoke`);
    expectPage(res, 403, ['Du har inte behörighet']);
    expect((await tokenRows('Inte din'))[0]?.revoked_at).toBeNull();
    expect((await auditOf(row!.id)).map((e) => e.action)).toEqual(['create']);
    expect((await bearer(victim.token)).statusCode).toBe(200);
    // Nor does the other user see it.
    expect((await attacker.get('/account/tokens')).body).not.toContain('Inte din');
    // An unknown id is refused the same way.
    await attacker.get('/account/tokens');
    expect((await attacker.post('/account/tokens/no-such-id/revoke')).statusCode).toBe(403);
  });

  it('revokes all of one’s own active tokens at once, audited, with a confirmation', async () => {
    const owner = await createUser(t.db, TEST_ACTOR, {
      email: `alla-nycklar-${dialect}@vanort.example`,
      name: 'Alla Nycklar',
      roles: [{ role: 'staff', organisationId: null, cityId: null }],
      password: OWN_PASSWORD,
    });
    const own = async (name: string) =>
      (
        await createApiToken(t.db, { userId: owner.id, label: owner.email, ip: null }, owner.id, {
          name,
        })
      ).token;
    const first = await own('Första systemet');
    const second = await own('Andra systemet');
    const other = await createViaForm('presidiet@vanort.example', 'Någon annans');
    const agent = new TestAgent(t.app);
    await agent.login(owner.email, OWN_PASSWORD);

    const page = await agent.get('/account/tokens');
    expect(page.body).toContain('href="/account/tokens/revoke-all"');
    expect(page.body).toContain('Alla dina 2 aktiva nycklar slutar fungera direkt,');
    const res = await agent.post('/account/tokens/revoke-all');
    expectRedirect(res, '/account/tokens');
    const list = await agent.get('/account/tokens');
    expect(list.body).toContain('2 nycklar är återkallade och kan inte längre användas.');
    expect(list.body).not.toContain('href="/account/tokens/revoke-all"');
    expect((await bearer(first)).statusCode).toBe(401);
    expect((await bearer(second)).statusCode).toBe(401);
    // Nobody else's.
    expect((await bearer(other.token)).statusCode).toBe(200);

    const rows = await rowsWhere(t.db, 'api_token', { user_id: owner.id }, ['id', 'revoked_at']);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.revoked_at).not.toBeNull();
      const events = await auditOf(row.id);
      expect(events.map((e) => `${e.entity}.${e.action}:${e.actor_label}`)).toEqual([
        `api_token.create:${owner.email}`,
        `api_token.revoke:${owner.email}`,
      ]);
    }

    // Again: nothing left to revoke, nothing changes.
    const again = await agent.post('/account/tokens/revoke-all');
    expect(again.statusCode).toBe(303);
    expect((await agent.get('/account/tokens')).body).toContain(
      'Du hade inga aktiva nycklar. Ingenting har ändrats.',
    );
    for (const row of rows) expect(await auditOf(row.id)).toHaveLength(2);
  });

  it('revokes all only for a logged-in user with the form’s CSRF token', async () => {
    const { agent, token } = await createViaForm('samordnare@vanort.example', 'Skyddad');
    const anonymous = await t.app.inject({ method: 'POST', url: '/account/tokens/revoke-all' });
    expect(anonymous.statusCode).toBeGreaterThanOrEqual(300);
    expect(anonymous.statusCode).toBeLessThan(500);
    await agent.get('/account/tokens');
    const forged = await agent.post('/account/tokens/revoke-all', {}, { csrf: null });
    expect(forged.statusCode).toBe(403);
    expect((await bearer(token)).statusCode).toBe(200);
    // Not through the API with the token itself either (a page route, not the API).
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/account/tokens/revoke-all',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBeGreaterThanOrEqual(300);
    expect((await bearer(token)).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    const { token } = await createViaForm('presidiet@vanort.example', 'Utgår');
    await updateRows(
      t.db,
      'api_token',
      { name: 'Utgår' },
      { expires_at: new Date(Date.now() - 1000).toISOString() },
    );
    const res = await bearer(token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
  });

  it('refuses the token of a deactivated user', async () => {
    const { token } = await createViaForm('sekretariatet@vanort.example', 'Inaktiv');
    expect((await bearer(token)).statusCode).toBe(200);
    const user = await findUserByEmail(t.db.kysely, 'sekretariatet@vanort.example');
    await setUserActive(t.db, TEST_ACTOR, user!.id, false);
    try {
      expect((await bearer(token)).json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
    } finally {
      await setUserActive(t.db, TEST_ACTOR, user!.id, true);
    }
  });

  it('writes last_used_at at most once a minute', async () => {
    const { token } = await createViaForm('medarbetare@vanort.example', 'Senast använd');
    const lastUsed = async () => (await tokenRows('Senast använd'))[0]?.last_used_at;
    const now = Date.now();
    expect(await resolveApiToken(t.db, token, new Date(now))).not.toBeNull();
    const first = await lastUsed();
    expect(first).toBe(new Date(now).toISOString());
    await resolveApiToken(t.db, token, new Date(now + 30_000));
    expect(await lastUsed()).toBe(first);
    await resolveApiToken(t.db, token, new Date(now + 61_000));
    expect(await lastUsed()).toBe(new Date(now + 61_000).toISOString());
  });

  describe('bad input', () => {
    /** What the test is named after, the fields posted, the field refused and its message. */
    type Case = [string, Record<string, string>, string, string];
    const cases: Case[] = [
      ['an empty name', { name: '  ', expiresInDays: '30' }, 'name', 'Ange ett namn på nyckeln'],
      [
        'a name over 100 characters',
        { name: 'x'.repeat(101), expiresInDays: '30' },
        'name',
        // The form reader's message for any text over its field's limit.
        'Skriv högst 100 tecken. Du skrev 101.',
      ],
      // An expiry that is not a whole number of days from 1 to 365.
      ...(
        [
          ['0', 'Noll'],
          ['1000', 'Tusen'],
          ['abc', 'Bokstäver'],
          ['1.5', 'Decimal'],
        ] as const
      ).map(([days, name]): Case => [
        `expiry ${days}`,
        { name, expiresInDays: days },
        'expiresInDays',
        'Ange giltighetstiden som ett heltal mellan 1 och 365 dagar',
      ]),
    ];
    for (const [label, fields, field, message] of cases) {
      it(`re-renders the form with 400 and an error summary for ${label}, creating nothing`, async () => {
        const agent = new TestAgent(t.app);
        await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
        await agent.get('/account/tokens');
        const before = (await tokenRows()).length;
        const res = await agent.post('/account/tokens', fields);
        expectRefused(res, ['Det finns problem', `<a href="#${field}">${message}</a>`]);
        expect(res.body).not.toMatch(/vpt_/);
        // The values are kept.
        if (field === 'expiresInDays') expect(res.body).toContain(`value="${fields.name}"`);
        expect((await tokenRows()).length).toBe(before);
      });
    }

    it('takes 90 days when the expiry is left out', async () => {
      const agent = new TestAgent(t.app);
      await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
      await agent.get('/account/tokens');
      expect((await agent.post('/account/tokens', { name: 'Standard' })).statusCode).toBe(200);
      const [row] = await tokenRows('Standard');
      expect(Date.parse(row!.expires_at) - Date.parse(row!.created_at)).toBe(90 * 86_400_000);
    });

    it('refuses the form without its CSRF token (403) and creates nothing', async () => {
      const agent = new TestAgent(t.app);
      await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
      await agent.get('/account/tokens');
      const before = (await tokenRows()).length;
      const res = await agent.post(
        '/account/tokens',
        { name: 'Utan CSRF', expiresInDays: '30' },
        { csrf: null },
      );
      expectPage(res, 403, ['Formuläret har gått ut']);
      expect((await tokenRows()).length).toBe(before);
    });
  });
});

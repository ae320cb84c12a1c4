import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { freePort } from '../../../test/helpers/global-setup.ts';
import {
  oidcEnv,
  startTestProvider,
  TEST_CLIENT_ID as CLIENT_ID,
  TEST_ROLE_MAPPING as ROLE_MAPPING,
  type TestProvider,
} from '../../../test/helpers/oidc-provider.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { findUserByEmail, setUserActive } from './account.service.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
const oidcSv = messagesOf('sv');
import { createOidcClient, OidcError, parseRoleMapping } from './oidc.service.ts';
import { auditTrail, countRows, rowWhere } from '../../../test/helpers/rows.ts';

// A real OpenID provider (oidc-provider) on loopback: see test/helpers/oidc-provider.ts.

// ---- A browser made of fetch and a cookie jar ----------------------------------------

/** Keeps cookies by name (both servers are on 127.0.0.1; names do not collide). */
class Browser {
  readonly cookies = new Map<string, string>();

  private remember(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expires = attributes.find((a) => /^expires=/i.test(a));
      const gone =
        value === '' ||
        attributes.some((a) => /^max-age=(0|-)/i.test(a)) ||
        (expires !== undefined && Date.parse(expires.slice(8)) < Date.now());
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * Requests `url` and follows redirects like a browser; stops before fetching a URL for
   * which `stopAt` is true. Returns the last response (if any), its URL and body.
   */
  async go(
    url: string | URL,
    options: { form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<{ url: URL; status: number; body: string; stopped: boolean }> {
    let current = new URL(url);
    let form = options.form;
    for (let hops = 0; hops < 20; hops++) {
      if (options.stopAt?.(current)) return { url: current, status: 0, body: '', stopped: true };
      const res = await fetch(current, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : null,
      });
      this.remember(res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current);
        form = undefined;
        continue;
      }
      return { url: current, status: res.status, body: await res.text(), stopped: false };
    }
    throw new Error(`Too many redirects at ${current.href}`);
  }
}

const promptOf = (body: string) => /<main data-prompt="(\w+)">/.exec(body)?.[1];

// ---- The tests ---------------------------------------------------------------------

describeEachDialect('single sign-on with OpenID Connect', (dialect) => {
  let t: TestApp;
  let idp: TestProvider;
  let appUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    idp = await startTestProvider({ redirectUri: `${appUrl}/auth/oidc/callback` });
    t = await buildTestApp(dialect, { env: { ...oidcEnv(idp), PUBLIC_URL: appUrl } });
    await t.app.listen({ host: '127.0.0.1', port });
    account('kerstin-sub', 'Kerstin.Kultur@goteborg.example', 'Kerstin Kultur', [
      'kultur-rapportorer',
      'some-unmapped-group',
    ]);
    account('sara-sub', 'samordnare@vanort.example', 'Sara Samordnare');
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const count = (table: 'session' | 'app_user') => countRows(t.db, table);
  /**
   * An SSO login refused with `status` and the message, and no session started: none in
   * the browser, and no more in the database than the `sessions` counted before.
   */
  const expectRefusedLogin = async (
    browser: Browser,
    page: Awaited<ReturnType<Browser['go']>>,
    [status, message]: [number, string],
    sessions: number,
  ) => {
    expect(page.status).toBe(status);
    expect(page.body).toContain(message);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await count('session')).toBe(sessions);
  };
  const auditOf = async (entityId: string) =>
    (await auditTrail(t.db, { entity_id: entityId }, ['action', 'actor_label', 'changes'])).map(
      (e) => ({
        action: e.action,
        actor: e.actor_label,
        changes: JSON.parse(e.changes) as Record<string, { before: unknown; after: unknown }>,
      }),
    );
  /** The actions, sorted: events of one transaction can share a timestamp. */
  const actionsOf = async (entityId: string) =>
    (await auditOf(entityId)).map((a) => a.action).sort();
  const rolesOf = async (email: string) =>
    ((await findUserByEmail(t.db.kysely, email))?.roles ?? []).map((r) => r.role).sort();

  /** The whole flow in a new browser: app → provider login and consent → app. */
  /** An account at the identity provider, by its subject. */
  const account = (sub: string, email: string, name: string, groups: string[] = []) =>
    idp.accounts.set(sub, { email, name, groups });

  async function ssoLogin(accountId: string, browser = new Browser(), start = '/auth/oidc/login') {
    const atLogin = await browser.go(`${appUrl}${start}`);
    if (atLogin.url.origin === appUrl) return { browser, final: atLogin };
    expect(promptOf(atLogin.body)).toBe('login');
    const atConsent = await browser.go(`${atLogin.url.href}/login`, {
      form: { login: accountId },
    });
    expect(atConsent.url.origin).toBe(idp.issuer);
    expect(promptOf(atConsent.body)).toBe('consent');
    const final = await browser.go(`${atConsent.url.href}/confirm`, { form: {} });
    return { browser, final };
  }

  it('offers single sign-on on the login page', async () => {
    const res = await t.app.inject({ url: '/login?next=%2Fcities' });
    expect(res.body).toContain('Logga in med stadens konto (SSO)');
    expect(res.body).toContain('href="/auth/oidc/login?next=%2Fcities"');
  });

  it('redirects to the provider with PKCE (S256), state and nonce in a signed HttpOnly cookie', async () => {
    const res = await t.app.inject({ url: '/auth/oidc/login' });
    expect(res.statusCode).toBe(303);
    const location = new URL(res.headers.location as string);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('redirect_uri')).toBe(`${appUrl}/auth/oidc/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = res.cookies.find((c) => c.name === 'vanort_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/oidc' });
    expect(t.app.unsignCookie(cookie!.value).valid).toBe(true);
    expect(t.app.unsignCookie(cookie!.value.replace(/^\{/, '[')).valid).toBe(false);
  });

  it('creates a new user just in time with the mapped roles, landing on the workspace start page', async () => {
    const users = await count('app_user');
    const { final, browser } = await ssoLogin('kerstin-sub');
    expect(final.url.href).toBe(`${appUrl}/workspace`);
    expect(final.status).toBe(200);
    expect(final.body).toContain('Du är inloggad.');
    expect(final.body).toContain('Kerstin Kultur');
    expect(final.body).toContain('Rapportör');
    const account = await browser.go(`${appUrl}/account`);
    expect(account.body).toContain('kerstin.kultur@goteborg.example');
    expect(await count('app_user')).toBe(users + 1);

    const user = await findUserByEmail(t.db.kysely, 'kerstin.kultur@goteborg.example');
    expect(user).toMatchObject({ name: 'Kerstin Kultur', active: true, hasPassword: false });
    const kultur = await rowWhere(t.db, 'organisation', { slug: 'kulturforvaltningen' }, ['id']);
    expect(user?.roles).toEqual([{ role: 'reporter', organisationId: kultur.id, cityId: null }]);
    const row = await rowWhere(t.db, 'app_user', { id: user!.id }, [
      'oidc_subject',
      'last_login_at',
    ]);
    expect(row.oidc_subject).toBe('kerstin-sub');
    expect(row.last_login_at).toBeTruthy();

    const audit = await auditOf(user!.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'login']);
    const create = audit.find((a) => a.action === 'create');
    expect(create?.changes.oidc_subject?.after).toBe('kerstin-sub');
    expect(create?.changes.roles?.after).toBe(`reporter:${kultur.id}`);
    expect(audit.find((a) => a.action === 'login')).toMatchObject({
      actor: 'kerstin.kultur@goteborg.example',
      changes: { method: { before: null, after: 'sso' } },
    });
  });

  it('reuses the account at the next login and updates the roles from the groups', async () => {
    const users = await count('app_user');
    idp.accounts.get('kerstin-sub')!.groups = ['vanort-admins', 'bergen-contacts'];
    const { final, browser } = await ssoLogin('kerstin-sub');
    expect(final.url.href).toBe(`${appUrl}/workspace`);
    expect(final.body).toContain('Systemförvaltare');
    expect(final.body).toContain('Vänortskontakt');
    expect(final.body).not.toContain('Rapportör');
    expect(await count('app_user')).toBe(users);
    expect(await rolesOf('kerstin.kultur@goteborg.example')).toEqual(['admin', 'partner']);

    const user = await findUserByEmail(t.db.kysely, 'kerstin.kultur@goteborg.example');
    const audit = await auditOf(user!.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'login', 'login', 'roles.change']);
    const change = audit.find((a) => a.action === 'roles.change');
    expect(String(change?.changes.roles?.before)).toMatch(/^reporter:/);
    expect(String(change?.changes.roles?.after)).toMatch(/^admin, partner:/);

    // Again in the same browser: the provider remembers login and consent, and with the
    // same groups nothing but the login is audited.
    const again = await ssoLogin('kerstin-sub', browser);
    expect(again.final.url.href).toBe(`${appUrl}/workspace`);
    expect(await actionsOf(user!.id)).toEqual([
      'create',
      'login',
      'login',
      'login',
      'roles.change',
    ]);
  });

  it('links an existing account by e-mail and gives the default roles when no group matches', async () => {
    const before = await findUserByEmail(t.db.kysely, 'samordnare@vanort.example');
    expect(before?.roles.map((r) => r.role)).toEqual(['coordinator']);
    const users = await count('app_user');
    const { final } = await ssoLogin('sara-sub');
    expect(final.url.href).toBe(`${appUrl}/workspace`);
    expect(final.body).toContain('Sara Samordnare');
    expect(await count('app_user')).toBe(users);
    expect(await rolesOf('samordnare@vanort.example')).toEqual(['staff']);
    const audit = await auditOf(before!.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['login', 'roles.change', 'update']);
    expect(audit.find((a) => a.action === 'update')?.changes).toEqual({
      oidc_subject: { before: null, after: 'sara-sub' },
    });
    expect(audit.find((a) => a.action === 'roles.change')?.changes.roles).toEqual({
      before: 'coordinator',
      after: 'staff',
    });
  });

  it('refuses a deactivated user and starts no session', async () => {
    const user = await findUserByEmail(t.db.kysely, 'kerstin.kultur@goteborg.example');
    await setUserActive(t.db, SYSTEM_ACTOR, user!.id, false);
    const sessions = await count('session');
    const auditBefore = await actionsOf(user!.id);
    idp.accounts.get('kerstin-sub')!.groups = ['kultur-rapportorer'];

    const { final, browser } = await ssoLogin('kerstin-sub');
    expect(final.url.pathname).toBe('/auth/oidc/callback');
    await expectRefusedLogin(browser, final, [403, oidcSv['oidc.error.deactivated']], sessions);
    expect(await rolesOf('kerstin.kultur@goteborg.example')).toEqual(['admin', 'partner']);
    // The refused login wrote nothing: no link, no roles, no login event.
    expect(await actionsOf(user!.id)).toEqual(auditBefore);
    await setUserActive(t.db, SYSTEM_ACTOR, user!.id, true);
  });

  it('refuses a tampered state and creates no session (and no account)', async () => {
    account('tove-sub', 'tove@goteborg.example', 'Tove');
    const browser = new Browser();
    const atLogin = await browser.go(`${appUrl}/auth/oidc/login`);
    const atConsent = await browser.go(`${atLogin.url.href}/login`, {
      form: { login: 'tove-sub' },
    });
    const { url: callback } = await browser.go(`${atConsent.url.href}/confirm`, {
      form: {},
      stopAt: (u) => u.pathname === '/auth/oidc/callback',
    });
    expect(callback.searchParams.get('code')).toBeTruthy();

    const sessions = await count('session');
    const users = await count('app_user');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    const res = await browser.go(tampered);
    expect(res.status).toBe(400);
    expect(res.body).toContain(oidcSv['oidc.error.state']);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    // The pending login is gone: not even the genuine callback works now.
    const genuine = await browser.go(callback);
    expect(genuine.status).toBe(400);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await count('session')).toBe(sessions);
    expect(await count('app_user')).toBe(users);
    expect(await findUserByEmail(t.db.kysely, 'tove@goteborg.example')).toBeNull();
  });

  it('refuses a callback without a pending login, and one the provider denied', async () => {
    const sessions = await count('session');
    const lone = await new Browser().go(`${appUrl}/auth/oidc/callback?code=abc&state=xyz`);
    expect(lone.status).toBe(400);
    expect(lone.body).toContain(oidcSv['oidc.error.state']);

    const browser = new Browser();
    const atLogin = await browser.go(`${appUrl}/auth/oidc/login`);
    const denied = await browser.go(`${atLogin.url.href}/abort`, { form: {} });
    expect(denied.url.pathname).toBe('/auth/oidc/callback');
    expect(denied.url.searchParams.get('error')).toBe('access_denied');
    await expectRefusedLogin(browser, denied, [400, oidcSv['oidc.error.provider']], sessions);
  });

  it('refuses to link an account that is linked to another subject', async () => {
    account('impostor-sub', 'kerstin.kultur@goteborg.example', 'Not Kerstin', ['vanort-admins']);
    const sessions = await count('session');
    const { final, browser } = await ssoLogin('impostor-sub');
    await expectRefusedLogin(browser, final, [403, oidcSv['oidc.error.conflict']], sessions);
  });

  it('lands in the person’s language, unless the login started at another language’s address', async () => {
    // A new contact of Bergen (by the role mapping) gets Norwegian, and lands in it.
    account('nora-sub', 'nora.nordnes@bergen.example', 'Nora Nordnes', ['bergen-contacts']);
    const { final } = await ssoLogin('nora-sub');
    expect(final.url.href).toBe(`${appUrl}/nb/workspace`);
    expect(final.body).toContain('<html lang="nb"');
    expect(final.body).toContain(messagesOf('nb')['flash.loggedIn']);
    const user = await findUserByEmail(t.db.kysely, 'nora.nordnes@bergen.example');
    expect(user?.language).toBe('nb');
    const create = (await auditOf(user!.id)).find((a) => a.action === 'create');
    expect(create?.changes.language).toEqual({ before: null, after: 'nb' });

    // Started at the English login page: English, the page asked for kept.
    const english = await ssoLogin('nora-sub', new Browser(), '/en/auth/oidc/login?next=%2Fcities');
    expect(english.final.url.href).toBe(`${appUrl}/en/cities`);
    expect(english.final.body).toContain('<html lang="en"');
    expect(english.final.body).toContain(messagesOf('en')['flash.loggedIn']);
  });

  it('returns to the page asked for before the login', async () => {
    const browser = new Browser();
    const atLogin = await browser.go(`${appUrl}/auth/oidc/login?next=%2Fcities`);
    const atConsent = await browser.go(`${atLogin.url.href}/login`, {
      form: { login: 'sara-sub' },
    });
    const final = await browser.go(`${atConsent.url.href}/confirm`, { form: {} });
    expect(final.url.href).toBe(`${appUrl}/cities`);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
  });

  it('never leaves the site after single sign-on, whatever `next` the link carries', async () => {
    for (const next of ['%2F%09%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example']) {
      const browser = new Browser();
      const offSite = (url: URL) => url.origin !== appUrl && url.origin !== idp.issuer;
      const atLogin = await browser.go(`${appUrl}/auth/oidc/login?next=${next}`, {
        stopAt: offSite,
      });
      const atConsent = await browser.go(`${atLogin.url.href}/login`, {
        form: { login: 'sara-sub' },
        stopAt: offSite,
      });
      const final = await browser.go(`${atConsent.url.href}/confirm`, {
        form: {},
        stopAt: offSite,
      });
      expect(final.stopped, next).toBe(false);
      expect(final.url.href).toBe(`${appUrl}/workspace`);
      expect(final.status).toBe(200);
    }
  });
});

describe('single sign-on: configuration', () => {
  it('is absent without OIDC_ISSUER', async () => {
    const t = await buildTestApp('sqlite', { demo: false });
    try {
      expect((await t.app.inject({ url: '/login' })).body).not.toContain('/auth/oidc/login');
      expect((await t.app.inject({ url: '/auth/oidc/login' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('says clearly when the provider cannot be reached or the mapping is bad', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const env = { OIDC_ISSUER: closed, OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' };
    const t = await buildTestApp('sqlite', { demo: false, env });
    try {
      const res = await t.app.inject({ url: '/auth/oidc/login' });
      expectPage(res, 502, [oidcSv['oidc.error.unavailable']]);
      expect(res.cookies.find((c) => c.name === 'vanort_oidc' && c.value)).toBeUndefined();
    } finally {
      await t.close();
    }
    const bad = await buildTestApp('sqlite', {
      demo: false,
      env: { ...env, OIDC_ROLE_MAPPING: '{"groups":{"x":[{"role":"reporter"}]}}' },
    });
    try {
      const res = await bad.app.inject({ url: '/auth/oidc/login' });
      expectPage(res, 500, [oidcSv['oidc.error.config']]);
    } finally {
      await bad.close();
    }
  });

  it('names OIDC_ISSUER and the cause when discovery fails', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const oidc = createOidcClient({
      issuer,
      clientId: 'c',
      clientSecret: 's',
      roleMapping: undefined,
    });
    await expect(oidc.authorizationUrl('http://127.0.0.1/cb')).rejects.toThrow(
      `Could not discover the OpenID provider at OIDC_ISSUER=${issuer}: fetch failed (ECONNREFUSED)`,
    );
    const remote = createOidcClient({
      issuer: 'http://idp.example',
      clientId: 'c',
      clientSecret: 's',
      roleMapping: undefined,
    });
    await expect(remote.authorizationUrl('http://127.0.0.1/cb')).rejects.toThrow(
      /OIDC_ISSUER must be an https URL/,
    );
  });

  it('checks OIDC_ROLE_MAPPING and names it in the message', () => {
    expect(parseRoleMapping(undefined)).toBeNull();
    expect(parseRoleMapping(JSON.stringify(ROLE_MAPPING))?.groups['vanort-admins']).toEqual([
      { role: 'admin' },
    ]);
    const problem = (text: string) => {
      try {
        parseRoleMapping(text);
      } catch (error) {
        expect(error).toBeInstanceOf(OidcError);
        return (error as OidcError).message;
      }
      return 'no error';
    };
    expect(problem('{not json')).toMatch(/^OIDC_ROLE_MAPPING is not valid JSON/);
    expect(problem('{"groups":{"g":[{"role":"wizard"}]}}')).toMatch(
      /^OIDC_ROLE_MAPPING is not a valid role mapping: groups\.g\.0\.role/,
    );
    expect(problem('{"groups":{"g":[{"role":"partner"}]}}')).toContain('a partner needs "city"');
    expect(problem('{"defaultRoles":[{"role":"staff","city":"bergen"}]}')).toContain(
      '"city" is only for the role partner',
    );
  });
});

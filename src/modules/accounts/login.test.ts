import { expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { findUserByEmail, resolveSession, setUserActive } from './account.service.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';
import { auditTrail, countRows } from '../../../test/helpers/rows.ts';

const ADMIN = 'admin@vanort.example';

describeEachDialect('logging in and out', (dialect) => {
  const t = useTestApp(dialect);

  const auditActions = async () =>
    (await auditTrail(t.db, {}, ['action', 'actor_label'])).map(
      (e) => `${e.action}:${e.actor_label}`,
    );
  const sessionCount = () => countRows(t.db, 'session');

  it('shows a login form with the fields email and password and a CSRF token', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.get('/login');
    expectPage(res, 200, ['<h1>Logga in</h1>', 'name="email"', 'name="password"']);
    expect(agent.csrfToken).toBeTruthy();
    expect(agent.cookies.has('_csrf')).toBe(true);
  });

  it('sends anonymous visitors of a protected page to the login form, and back after it', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.get('/account');
    expectRedirect(res, '/login?next=%2Faccount');
    const login = await agent.login(ADMIN, DEMO_PASSWORD, '/account');
    expect(login.headers.location).toBe('/account');
  });

  it('lands on the workspace start page when the login names no page, and there once signed in', async () => {
    const agent = new TestAgent(t.app);
    const login = await agent.login(ADMIN, DEMO_PASSWORD);
    expectRedirect(login, '/workspace');
    const start = await agent.get('/workspace');
    expectPage(start, 200, ['<h1>Arbetsyta</h1>', 'Du är inloggad.']);
    // The login form of a person already signed in leads there too.
    const again = await agent.get('/login');
    expectRedirect(again, '/workspace');
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const before = await sessionCount();
    const agent = new TestAgent(t.app);
    await agent.get('/login');
    const res = await agent.post(
      '/login',
      { email: ADMIN, password: DEMO_PASSWORD },
      { csrf: null },
    );
    expectPage(res, 403, ['Formuläret har gått ut']);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const forged = await agent.post(
      '/login',
      { email: ADMIN, password: DEMO_PASSWORD },
      { csrf: 'forged' },
    );
    expect(forged.statusCode).toBe(403);
    expect(await sessionCount()).toBe(before);
  });

  it('asks for missing fields with an error summary, keeping the e-mail address', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.login('someone@vanort.example', '');
    expectRefused(res, [
      'Det finns problem',
      '<a href="#password">Ange ditt lösenord</a>',
      'value="someone@vanort.example"',
    ]);
  });

  it('says "wrong e-mail or password" in Swedish, the same for unknown accounts, and audits it', async () => {
    const agent = new TestAgent(t.app);
    // A known account with a wrong password, and an account that does not exist: one answer.
    for (const email of ['samordnare@vanort.example', 'nobody@vanort.example'])
      expectPage(await agent.login(email, 'not the password'), 401, [
        'Fel e-postadress eller lösenord.',
      ]);
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'login.failed:samordnare@vanort.example',
        'login.failed:nobody@vanort.example',
      ]),
    );
  });

  it('shows a refused login as a problem of the form in the focused summary, never echoing the password', async () => {
    const agent = new TestAgent(t.app);
    const wrong = await agent.login('medarbetare@vanort.example', 'a secret that is wrong');
    expectPage(wrong, 401, ['<title>Fel: Logga in']);
    expect(wrong.body).toMatch(/<div class="error-summary" role="alert"[^>]*autofocus/);
    expect(wrong.body).toContain('<li>Fel e-postadress eller lösenord. Kontrollera');
    expect(wrong.body).toContain('value="medarbetare@vanort.example"');
    expect(wrong.body).not.toContain('a secret that is wrong');
  });

  it('logs in with a new HttpOnly session cookie, shows the account, and logs out', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.login(ADMIN, DEMO_PASSWORD);
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const account = await agent.get('/account');
    expectPage(account, 200, ['Alva Admin', 'Systemförvaltare', 'Du är inloggad.']);
    // A second login gets a different session id.
    const again = await new TestAgent(t.app).login(ADMIN, DEMO_PASSWORD);
    expect(again.cookies.find((c) => c.name === SESSION_COOKIE)?.value).not.toBe(cookie?.value);

    const out = await agent.post('/logout');
    expect(out.statusCode).toBe(303);
    expect(agent.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await agent.get('/account')).statusCode).toBe(303);
    // The old cookie no longer works either.
    const stale = await t.app.inject({
      url: '/account',
      cookies: { [SESSION_COOKIE]: cookie?.value ?? '' },
    });
    expect(stale.statusCode).toBe(303);
    expect(await auditActions()).toEqual(
      expect.arrayContaining([`login:${ADMIN}`, `logout:${ADMIN}`]),
    );
  });

  it('logs out everywhere', async () => {
    const a = await signedIn(t.app, 'presidiet@vanort.example');
    const b = await signedIn(t.app, 'presidiet@vanort.example');
    await a.get('/account');
    expect(a.lastPage).toMatch(/inloggad på [2-9]/);
    await a.post('/account/logout-everywhere');
    expect((await b.get('/account')).statusCode).toBe(303);
    expect(await auditActions()).toContain('logout.everywhere:presidiet@vanort.example');
  });

  it('slows down the address that failed five times, never the owner at another address', async () => {
    // More in backoff.test.ts and docs/decisions/015-lockout.md.
    const attacker = new TestAgent(t.app, { remoteAddress: '203.0.113.50' });
    await attacker.get('/login');
    for (let i = 0; i < 5; i++) {
      expect(
        (await attacker.post('/login', { email: 'bergen@vanort.example', password: `wrong-${i}` }))
          .statusCode,
      ).toBe(401);
    }
    const slowed = await attacker.post('/login', {
      email: 'bergen@vanort.example',
      password: DEMO_PASSWORD,
    });
    expectPage(slowed, 429, ['försöka igen om 1 sekund']);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    // The owner, elsewhere, gets in; and another account from the attacker's address too.
    expect(
      (await new TestAgent(t.app).login('bergen@vanort.example', DEMO_PASSWORD)).statusCode,
    ).toBe(303);
    const other = new TestAgent(t.app, { remoteAddress: '203.0.113.50' });
    expect((await other.login('medarbetare@vanort.example', DEMO_PASSWORD)).statusCode).toBe(303);
    expect(await auditActions()).toContain('login.throttled:bergen@vanort.example');
  });

  it('ends sessions that are idle too long or too old', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.login('sekretariatet@vanort.example', DEMO_PASSWORD);
    const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const policy = { idleMs: 8 * 3600_000, maxAgeMs: 7 * 86400_000 };
    const now = Date.now();
    expect(await resolveSession(t.db, token, policy, new Date(now + 3600_000))).not.toBeNull();
    expect(
      await resolveSession(t.db, token, policy, new Date(now + 3600_000 + 8 * 3600_000 + 1000)),
    ).toBeNull();
    // Gone for good once expired.
    expect(await resolveSession(t.db, token, policy, new Date(now))).toBeNull();
  });

  it('keeps deactivated users out and ends their sessions', async () => {
    const agent = new TestAgent(t.app);
    await agent.login('rapportor@vanort.example', DEMO_PASSWORD);
    expect((await agent.get('/account')).statusCode).toBe(200);
    const user = await findUserByEmail(t.db.kysely, 'rapportor@vanort.example');
    await setUserActive(t.db, { userId: null, label: 'test', ip: null }, user!.id, false);
    expect((await agent.get('/account')).statusCode).toBe(303);
    const again = await new TestAgent(t.app).login('rapportor@vanort.example', DEMO_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(await auditActions()).toContain('deactivate:test');
  });

  it('never redirects to another site after login', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.submit('/login', {
      email: 'staff@x',
      password: 'x',
      next: '//evil.example/',
    });
    expect(res.body).not.toContain('evil.example');
    const ok = await agent.submit('/login', {
      email: 'medarbetare@vanort.example',
      password: DEMO_PASSWORD,
      next: 'https://evil.example/',
    });
    expect(ok.headers.location).toBe('/workspace');
  });
});

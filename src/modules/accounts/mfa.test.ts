import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createUser, findUserByEmail } from './account.service.ts';
import { beginMfaEnrollment, confirmMfaEnrollment } from './mfa.service.ts';
import type { Role } from './roles.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { auditTrail, rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

const PASSWORD = 'a long enough test password';

/**
 * Codes are accepted once per 30-second step (replay protection), so the tests move a
 * fake clock (Date only; timers stay real) one step on before each new code.
 */
let clock = Date.now();
const tick = () => {
  clock += 30_000;
  vi.setSystemTime(clock);
};

const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock + steps * 30_000 });

/** A well-formed code that is none of the codes accepted around now. */
/** Each code sent to the form at `url` is refused there with its message. */
async function expectCodesRefused(
  agent: TestAgent,
  url: string,
  cases: readonly (readonly [code: string, message: string])[],
) {
  for (const [code, message] of cases) expectRefused(await agent.post(url, { code }), [message]);
}

const wrongCodeFor = (secret: string) => {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => codeFor(secret, s)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
};

/** The key the enrolment page shows as text (grouped by four). */
const secretOnPage = (html: string) =>
  /id="mfa-secret"[^>]*value="([A-Z2-7 ]+)"/.exec(html)?.[1]?.replace(/ /g, '') ?? '';

describeEachDialect('two-step verification (TOTP)', (dialect) => {
  let t: TestApp;
  let admin: TestAgent;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clock = Date.now();
    vi.setSystemTime(clock);
    t = await buildTestApp(dialect);
    admin = await signedIn(t.app, DEMO_EMAIL.admin);
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  let n = 0;
  /** A new local account with a password. */
  const newUser = async (roles: Role[] = ['staff']) => {
    const email = `mfa-${++n}-${dialect}@vanort.example`;
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email,
      name: `Test ${n}`,
      roles: roles.map((role) => ({ role, organisationId: null, cityId: null })),
      password: PASSWORD,
    });
    return { id: user.id, email };
  };

  /** Turns two-step verification on through the service; returns the secret. */
  const enrol = async (userId: string) => {
    await beginMfaEnrollment(t.db, SYSTEM_ACTOR, userId);
    const secret = (await totpRow(userId)).totp_secret!;
    tick();
    await confirmMfaEnrollment(t.db, SYSTEM_ACTOR, userId, codeFor(secret));
    return secret;
  };

  const totpRow = (userId: string) =>
    rowWhere(t.db, 'app_user', { id: userId }, ['totp_secret', 'totp_enabled']);

  const auditOf = async (entityId: string) =>
    (await auditTrail(t.db, { entity_id: entityId }, ['action', 'actor_label'])).map(
      (e) => `${e.action}:${e.actor_label}`,
    );

  const mfaFailures = async (email: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('login_attempt')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('kind', '=', 'mfa')
          .where('email', '=', email)
          .where('succeeded', '=', 0)
          .executeTakeFirst()
      )?.n,
    );

  /** Password, then the code: a full login. */
  const loginWithCode = async (agent: TestAgent, email: string, secret: string) => {
    const first = await agent.login(email, PASSWORD);
    expect(first.headers.location).toBe('/login/mfa?next=%2Fworkspace');
    await agent.get('/login/mfa?next=%2Fworkspace');
    tick();
    return agent.post('/login/mfa', { code: codeFor(secret), next: '/workspace' });
  };

  it('enrols with the QR code and key on the page, then asks for the code at every login', async () => {
    const { id, email } = await newUser();
    const agent = new TestAgent(t.app);
    expect((await agent.login(email, PASSWORD)).headers.location).toBe('/workspace');
    expect((await agent.get('/account')).body).toContain('href="/account/mfa"');

    const off = await agent.get('/account/mfa');
    expectPage(off, 200, ['<h1>Tvåstegsverifiering</h1>', 'Inte aktiverad.']);
    expect((await agent.post('/account/mfa/enroll')).statusCode).toBe(303);

    const page = await agent.get('/account/mfa');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toMatch(/role="img" aria-label="QR-kod som lägger till kontot [^"]+"><svg/);
    const secret = secretOnPage(page.body);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(page.body).toContain('otpauth://totp/');
    expect(page.body).toContain(`secret=${secret}`);
    expect(page.body).toContain('autocomplete="one-time-code"');
    expect(page.body).toContain('inputmode="numeric"');
    expect((await totpRow(id)).totp_enabled).toBe(0);

    // Bad input: a clear message, nothing changes.
    await expectCodesRefused(agent, '/account/mfa/confirm', [
      ['12ab', '<a href="#code">Koden ska vara sex siffror'],
      [wrongCodeFor(secret), 'Koden stämmer inte.'],
    ]);
    expect((await totpRow(id)).totp_enabled).toBe(0);

    tick();
    const code = codeFor(secret);
    const ok = await agent.post('/account/mfa/confirm', {
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(ok.statusCode).toBe(303);
    expect((await agent.get('/account/mfa')).body).toContain('Tvåstegsverifiering är aktiverad.');
    expect((await totpRow(id)).totp_enabled).toBe(1);
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining([`mfa.enroll:${email}`, `mfa.enable:${email}`]),
    );
    await agent.post('/logout');

    // The password alone opens a session that waits for the code.
    const first = await agent.login(email, PASSWORD);
    expectRedirect(first, '/login/mfa?next=%2Fworkspace');
    const pendingCookie = agent.cookies.get(SESSION_COOKIE);
    expect((await agent.get('/account')).headers.location).toBe('/login?next=%2Faccount');
    const form = await agent.get('/login/mfa?next=%2Faccount');
    expectPage(form, 200, ['<h1>Ange koden från appen</h1>', 'autocomplete="one-time-code"']);

    const refused = await agent.post('/login/mfa', {
      code: wrongCodeFor(secret),
      next: '/account',
    });
    expectPage(refused, 401, ['Koden stämmer inte.']);
    expect(await mfaFailures(email)).toBe(1);

    tick();
    const used = codeFor(secret);
    const right = await agent.post('/login/mfa', { code: used, next: '/account' });
    expectRedirect(right, '/account');
    // A new session id once the code is given.
    expect(agent.cookies.get(SESSION_COOKIE)).not.toBe(pendingCookie);
    const account = await agent.get('/account');
    expectPage(account, 200, ['Du är inloggad.']);
    expect(await auditOf(id)).toEqual(
      expect.arrayContaining([
        `login.mfa-pending:${email}`,
        `login.mfa-failed:${email}`,
        `login:${email}`,
      ]),
    );

    // The same code never works twice.
    await agent.post('/logout');
    await agent.login(email, PASSWORD);
    const replay = await agent.submit('/login/mfa', { code: used });
    expectPage(replay, 401, ['Koden har redan använts.']);
    expect((await agent.get('/account')).statusCode).toBe(303);
  });

  it('says it in English too', async () => {
    const { id, email } = await newUser();
    const secret = await enrol(id);
    const agent = new TestAgent(t.app);
    await agent.get('/login?lang=en');
    await agent.post('/login', { email, password: PASSWORD });
    expect((await agent.get('/login/mfa')).body).toContain('Enter the code from the app');
    const wrong = await agent.post('/login/mfa', { code: wrongCodeFor(secret) });
    expect(wrong.body).toContain('The code is not right.');
  });

  it('never leaves the site after the code, whatever `next` the link or the form carries', async () => {
    const { id, email } = await newUser();
    const secret = await enrol(id);
    for (const next of [
      '/\t/evil.example',
      '/\n/evil.example',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      '/..//evil.example',
    ]) {
      const agent = new TestAgent(t.app);
      await agent.get(`/login?next=${encodeURIComponent(next)}`);
      const first = await agent.post('/login', { email, password: PASSWORD, next });
      // eslint-disable-next-line no-control-regex -- the form home refuses control characters
      if (/[\u0000-\u001f\u007f]/.test(next)) {
        expect(first.statusCode).toBe(400);
        continue;
      }
      expectRedirect(first, '/login/mfa?next=%2Fworkspace');
      const page = await agent.get(`/login/mfa?next=${encodeURIComponent(next)}`);
      expectPage(page, 200, ['name="next" value="/workspace"']);
      tick();
      const res = await agent.post('/login/mfa', { code: codeFor(secret), next });
      expect(res.statusCode, JSON.stringify(next)).toBe(303);
      expect(res.headers.location).toBe('/workspace');
      expect((await agent.get('/workspace')).statusCode).toBe(200);
    }
  });

  it('counts wrong codes towards the lockout', async () => {
    const { id, email } = await newUser();
    const secret = await enrol(id);
    const agent = new TestAgent(t.app);
    await agent.login(email, PASSWORD);
    await agent.get('/login/mfa');
    for (let i = 0; i < 5; i++) {
      expect((await agent.post('/login/mfa', { code: wrongCodeFor(secret) })).statusCode).toBe(401);
    }
    tick();
    const locked = await agent.post('/login/mfa', { code: codeFor(secret) });
    expectPage(locked, 429, ['spärrad i 15 minuter']);
    expect(locked.headers['retry-after']).toBe('900');
    expect((await agent.get('/account')).statusCode).toBe(303);
  });

  it('lets a waiting session open neither the account nor the administration', async () => {
    const { id, email } = await newUser(['admin']);
    await enrol(id);
    const agent = new TestAgent(t.app);
    await agent.login(email, PASSWORD);
    expect((await agent.get('/account')).headers.location).toBe('/login?next=%2Faccount');
    expect((await agent.get('/admin/users')).headers.location).toBe('/login?next=%2Fadmin%2Fusers');
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    await agent.get('/login/mfa');
    // Even with a valid CSRF token, a write needs a full login.
    const write = await agent.post('/admin/security', { roles: 'staff' });
    expect(write.statusCode).toBe(401);
    expect((await admin.get('/admin/security')).body).not.toMatch(/value="staff"\s+checked/);
    // Giving up: logging out ends the waiting session.
    await agent.get('/login/mfa');
    expect((await agent.post('/logout')).statusCode).toBe(303);
    expect((await agent.get('/login/mfa')).headers.location).toBe('/login');
  });

  it('sends users of a role that requires it to set it up before anything else', async () => {
    const bogus = await admin.submit('/admin/security', { roles: ['reporter', 'emperor'] });
    expectRefused(bogus, ['Välj bara bland rollerna i listan']);
    const set = await admin.post('/admin/security', { roles: ['council'] });
    expect(set.statusCode).toBe(303);
    expect((await admin.get('/admin/security')).body).toMatch(
      /id="roles-council" name="roles" value="council" checked/,
    );
    expect(await auditOf('mfa_required_roles')).toEqual([
      'mfa.required-roles:admin@vanort.example',
    ]);

    const { id, email } = await newUser(['council']);
    const agent = new TestAgent(t.app);
    expect((await agent.login(email, PASSWORD)).statusCode).toBe(303);
    expect((await agent.get('/account')).headers.location).toBe('/account/mfa');
    expect((await agent.get('/account/tokens')).headers.location).toBe('/account/mfa');
    await agent.get('/account/mfa');
    expect((await agent.post('/account/tokens', { name: 'x' })).statusCode).toBe(403);
    expect((await agent.get('/')).statusCode).toBe(200);

    const page = await agent.get('/account/mfa');
    expectPage(page, 200, ['Din roll kräver tvåstegsverifiering.']);
    await agent.post('/account/mfa/enroll');
    const secret = secretOnPage((await agent.get('/account/mfa')).body);
    tick();
    expect((await agent.post('/account/mfa/confirm', { code: codeFor(secret) })).statusCode).toBe(
      303,
    );
    expect((await agent.get('/account')).statusCode).toBe(200);

    // Required: it cannot be turned off.
    const settings = await agent.get('/account/mfa');
    expect(settings.body).toContain('så den kan inte stängas av');
    tick();
    const off = await agent.post('/account/mfa/disable', { code: codeFor(secret) });
    expect(off.statusCode).toBe(400);
    expect((await totpRow(id)).totp_enabled).toBe(1);

    await admin.get('/admin/security');
    expect((await admin.post('/admin/security', {})).statusCode).toBe(303);
    expect((await admin.get('/admin/security')).body).not.toMatch(/value="council" checked/);
  });

  it('lets an administrator reset it, and audits that', async () => {
    const { id, email } = await newUser();
    await enrol(id);
    const before = await admin.get(`/admin/users/${id}`);
    expect(before.body).toContain('Återställ tvåstegsverifiering');
    const reset = await admin.post(`/admin/users/${id}/mfa-reset`);
    expectRedirect(reset, `/admin/users/${id}`);
    const after = await admin.get(`/admin/users/${id}`);
    expect(after.body).toContain(`Tvåstegsverifieringen för ${email} är återställd.`);
    expect(after.body).not.toContain('Återställ tvåstegsverifiering');
    expect(await totpRow(id)).toEqual({ totp_secret: null, totp_enabled: 0 });
    expect(await auditOf(id)).toContain('mfa.reset:admin@vanort.example');
    // The password alone is enough again.
    const agent = new TestAgent(t.app);
    expect((await agent.login(email, PASSWORD)).headers.location).toBe('/workspace');
    expect((await findUserByEmail(t.db.kysely, email))!.totpEnabled).toBe(false);
  });

  it('turns it off only with a valid code', async () => {
    const { id, email } = await newUser();
    const secret = await enrol(id);
    const agent = new TestAgent(t.app);
    expect((await loginWithCode(agent, email, secret)).headers.location).toBe('/workspace');
    const page = await agent.get('/account/mfa');
    expect(page.body).toContain('Stäng av tvåstegsverifiering');
    await expectCodesRefused(agent, '/account/mfa/disable', [
      ['', 'Ange koden från appen'],
      [wrongCodeFor(secret), 'Koden stämmer inte.'],
    ]);
    expect((await totpRow(id)).totp_enabled).toBe(1);
    tick();
    const ok = await agent.post('/account/mfa/disable', { code: codeFor(secret) });
    expect(ok.statusCode).toBe(303);
    expect(await totpRow(id)).toEqual({ totp_secret: null, totp_enabled: 0 });
    expect(await auditOf(id)).toContain(`mfa.disable:${email}`);
  });

  it('refuses every form without its CSRF token and changes nothing', async () => {
    const { id, email } = await newUser();
    const agent = new TestAgent(t.app);
    await agent.login(email, PASSWORD);
    await agent.get('/account/mfa');
    expect((await agent.post('/account/mfa/enroll', {}, { csrf: null })).statusCode).toBe(403);
    expect((await totpRow(id)).totp_secret).toBeNull();

    await agent.get('/account/mfa');
    expect((await agent.post('/account/mfa/enroll')).statusCode).toBe(303);
    const secret = secretOnPage((await agent.get('/account/mfa')).body);
    tick();
    const confirm = await agent.post(
      '/account/mfa/confirm',
      { code: codeFor(secret) },
      { csrf: null },
    );
    expectPage(confirm, 403, ['Formuläret har gått ut']);
    expect((await totpRow(id)).totp_enabled).toBe(0);
    await agent.get('/account/mfa');
    await agent.post('/account/mfa/confirm', { code: codeFor(secret, 1) });
    expect((await totpRow(id)).totp_enabled).toBe(1);

    tick();
    tick();
    await agent.get('/account/mfa');
    const disable = await agent.post(
      '/account/mfa/disable',
      { code: codeFor(secret) },
      { csrf: null },
    );
    expect(disable.statusCode).toBe(403);
    expect((await totpRow(id)).totp_enabled).toBe(1);

    await admin.get(`/admin/users/${id}`);
    expect((await admin.post(`/admin/users/${id}/mfa-reset`, {}, { csrf: null })).statusCode).toBe(
      403,
    );
    await admin.get('/admin/security');
    expect(
      (await admin.post('/admin/security', { roles: 'staff' }, { csrf: null })).statusCode,
    ).toBe(403);
    expect((await totpRow(id)).totp_enabled).toBe(1);

    await agent.get('/account/mfa');
    expect((await agent.post('/logout')).statusCode).toBe(303);
    expect((await agent.login(email, PASSWORD)).headers.location).toMatch(/^\/login\/mfa/);
    await agent.get('/login/mfa');
    tick();
    const login = await agent.post('/login/mfa', { code: codeFor(secret) }, { csrf: null });
    expect(login.statusCode).toBe(403);
    expect((await agent.get('/account')).statusCode).toBe(303);
    expect(await auditOf(id)).not.toContain('mfa.reset:admin@vanort.example');
    expect(
      await rowsWhere(t.db, 'app_setting', { key: 'mfa_required_roles' }, ['value']),
    ).not.toContainEqual({ value: 'staff' });
  });
});

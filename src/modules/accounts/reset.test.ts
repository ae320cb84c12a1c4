import { describe, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import type { AppError } from '../../shared/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { createUser, findUserByEmail, sha256 } from './account.service.ts';
import { createApiToken } from './api-token.service.ts';
import { checkToken, inviteUser, redeemToken, requestPasswordReset } from './reset.service.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { accountsErrors } from './errors.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';
import {
  auditTrail,
  countRows,
  rowById,
  rowsWhere,
  rowWhere,
  updateRows,
} from '../../../test/helpers/rows.ts';

const NEW_PASSWORD = 'Havsutsikt från Ramberget 2026';
const ADMIN_ACTOR: Actor = { userId: null, label: 'admin-test', ip: '127.0.0.1' };

describeEachDialect('password reset and invitations', (dialect) => {
  const t = useTestApp(dialect);

  const mailsTo = (address: string) =>
    t.db.kysely
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'created_at', 'id'])
      .where('to_address', '=', address)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  /** The path of the link in the newest mail to an address, e.g. /reset/abc… */
  const linkIn = async (address: string, kind: 'reset' | 'invite' = 'reset') => {
    const mails = await mailsTo(address);
    const text = mails.at(-1)?.text_body ?? '';
    const match = new RegExp(`(https?://[^\\s/]+)(/${kind}/([\\w-]+))`).exec(text);
    if (!match) throw new Error(`no ${kind} link in the mail to ${address}: ${text}`);
    return { origin: match[1] ?? '', path: match[2] ?? '', token: match[3] ?? '' };
  };

  const auditOf = async (entityId: string) =>
    (await auditTrail(t.db, { entity_id: entityId }, ['action'])).map((e) => e.action);

  const passwordHashOf = async (email: string) =>
    (await rowWhere(t.db, 'app_user', { email }, ['password_hash'])).password_hash;

  const tokenRow = (token: string) =>
    t.db.kysely
      .selectFrom('user_token')
      .selectAll()
      .where('id', '=', sha256(token))
      .executeTakeFirstOrThrow();

  const askForLink = (email: string) => new TestAgent(t.app).submit('/reset', { email });

  /** Opens the link (as a browser would) and posts a password twice. */
  const choosePassword = async (path: string, password: string, confirm = password) => {
    const agent = new TestAgent(t.app);
    const page = await agent.get(path);
    const res = await agent.post(path, { password, passwordConfirm: confirm });
    return { agent, page, res };
  };

  /**
   * A link that no longer works: its page answers 410 with each of `texts`, and the form
   * posted to it anyway, with a token from an earlier page (/reset), answers 410 too.
   */
  const expectLinkGone = async (path: string, texts: string[], password: string) => {
    const agent = new TestAgent(t.app);
    const page = await agent.get(path);
    expect(page.statusCode).toBe(410);
    for (const text of texts) expect(page.body).toContain(text);
    await agent.get('/reset');
    const res = await agent.post(path, { password, passwordConfirm: password });
    expect(res.statusCode).toBe(410);
    return res;
  };

  const loginStatus = async (email: string, password: string) =>
    (await new TestAgent(t.app).login(email, password)).statusCode;

  it('links to the reset form from the login page', async () => {
    const res = await new TestAgent(t.app).get('/login');
    expect(res.body).toContain('<a href="/reset">Glömt lösenordet?</a>');
    const form = await new TestAgent(t.app).get('/reset');
    expectPage(form, 200, ['<h1>Återställ lösenordet</h1>', 'name="email"']);
  });

  it('mails a one-time link, sets the new password, ends sessions, and audits each step', async () => {
    const email = 'samordnare@vanort.example';
    const user = (await findUserByEmail(t.db.kysely, email))!;
    const loggedIn = await signedIn(t.app, email);
    expect((await loggedIn.get('/account')).statusCode).toBe(200);

    const agent = new TestAgent(t.app);
    const asked = await agent.submit('/reset', { email: ' Samordnare@Vanort.example ' });
    expectRedirect(asked, '/reset');
    const after = await agent.get('/reset');
    expect(after.body).toContain('Om adressen finns hos oss har vi skickat en länk');

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(
      'Välj ett nytt lösenord i Vänortsportalen / Choose a new password in Vänortsportalen',
    );
    expect(mail.text_body.indexOf('Hej!')).toBeLessThan(mail.text_body.indexOf('Hello,'));
    expect(mail.text_body).toContain('30 minuter');
    const link = await linkIn(email);
    expect(link.origin).toBe('http://localhost:80');
    // Only the hash is stored, valid for 30 minutes.
    const row = await tokenRow(link.token);
    expect(row).toMatchObject({ user_id: user.id, kind: 'reset', used_at: null });
    expect(await rowById(t.db, 'user_token', link.token, ['id'])).toBeUndefined();
    const minutes = (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 60_000;
    expect(minutes).toBe(30);

    const { agent: chooser, page, res } = await choosePassword(link.path, NEW_PASSWORD);
    expectPage(page, 200, [
      '<h1>Välj ett nytt lösenord</h1>',
      email,
      'name="passwordConfirm"',
      'Minst 12 tecken',
      'autocomplete="new-password"',
    ]);
    expectRedirect(res, '/login');
    const login = await chooser.get('/login');
    expect(login.body).toContain('Lösenordet är sparat. Logga in med ditt nya lösenord.');

    expect(await loginStatus(email, NEW_PASSWORD)).toBe(303);
    expect(await loginStatus(email, DEMO_PASSWORD)).toBe(401);
    // The session from before the reset has ended.
    expect((await loggedIn.get('/account')).statusCode).toBe(303);
    expect((await tokenRow(link.token)).used_at).not.toBeNull();
    expect(await auditOf(user.id)).toEqual(
      expect.arrayContaining(['password.reset.requested', 'password.reset']),
    );
  });

  it('revokes the person’s API tokens too when the password is reset, each one audited', async () => {
    const user = await createUser(t.db, ADMIN_ACTOR, {
      email: `nycklar-${dialect}@vanort.example`,
      name: 'Nyckel Innehavare',
      roles: [{ role: 'staff', organisationId: null, cityId: null }],
      password: 'Ett gammalt lösenord som läckt 2025',
    });
    const self: Actor = { userId: user.id, label: user.email, ip: null };
    const tokens = [
      (await createApiToken(t.db, self, user.id, { name: 'Integration A' })).token,
      (await createApiToken(t.db, self, user.id, { name: 'Integration B' })).token,
    ];
    const otherUser = (await findUserByEmail(t.db.kysely, 'presidiet@vanort.example'))!;
    const others = await createApiToken(
      t.db,
      { userId: otherUser.id, label: otherUser.email, ip: null },
      otherUser.id,
      { name: 'Orörd' },
    );
    const me = (token: string) =>
      t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    for (const token of tokens) expect((await me(token)).statusCode).toBe(200);

    const asker: Actor = { userId: null, label: 'anonymous', ip: '192.0.2.44' };
    await requestPasswordReset(t.db, t.app.mailer, asker, user.email, 'http://localhost:80');
    const link = await linkIn(user.email);
    expect((await choosePassword(link.path, NEW_PASSWORD)).res.statusCode).toBe(303);

    for (const token of tokens) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
    }
    expect((await me(others.token)).statusCode).toBe(200);
    const rows = await rowsWhere(t.db, 'api_token', { user_id: user.id }, ['id', 'revoked_at']);
    expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
    for (const row of rows) {
      expect(await auditOf(row.id)).toEqual(['create', 'revoke']);
    }
    const reset = await rowWhere(
      t.db,
      'audit_event',
      { entity_id: user.id, action: 'password.reset' },
      ['changes', 'actor_label'],
    );
    expect(JSON.parse(reset.changes)).toMatchObject({ apiTokens: { before: 2, after: 0 } });
    expect(reset.actor_label).toBe(user.email);
  });

  it('uses a link only once: a replay shows a clear page and changes nothing', async () => {
    const email = 'presidiet@vanort.example';
    await askForLink(email);
    const link = await linkIn(email);
    expect((await choosePassword(link.path, NEW_PASSWORD)).res.statusCode).toBe(303);
    const hash = await passwordHashOf(email);

    // The page says so; a second tab with the form still open posts it again.
    const res = await expectLinkGone(
      link.path,
      ['Länken är redan använd', 'href="/reset"'],
      'Ett helt annat lösenord 99',
    );
    expect(res.body).toContain('Länken är redan använd');
    expect(await passwordHashOf(email)).toBe(hash);
    expect(await loginStatus(email, NEW_PASSWORD)).toBe(303);
  });

  it('refuses an expired link with a clear page and changes nothing', async () => {
    const email = 'sekretariatet@vanort.example';
    await askForLink(email);
    const link = await linkIn(email);
    const before = await passwordHashOf(email);
    await updateRows(
      t.db,
      'user_token',
      { id: sha256(link.token) },
      { expires_at: new Date(Date.now() - 1000).toISOString() },
    );
    // The page says so; a form posted with a token from an earlier, still valid page is refused too.
    await expectLinkGone(link.path, ['Länken har slutat gälla', 'Be om en ny länk'], NEW_PASSWORD);
    expect(await passwordHashOf(email)).toBe(before);
    expect((await tokenRow(link.token)).used_at).toBeNull();
    expect(await loginStatus(email, DEMO_PASSWORD)).toBe(303);
  });

  it('says a made-up or wrong-kind link does not work', async () => {
    const agent = new TestAgent(t.app);
    const bogus = await agent.get('/reset/not-a-real-token-at-all-123456789');
    expectPage(bogus, 400, ['Länken fungerar inte']);
    const odd = await agent.get('/invite/%00%27');
    expect(odd.statusCode).toBe(400);
    await askForLink('medarbetare@vanort.example');
    const link = await linkIn('medarbetare@vanort.example');
    const wrongKind = await agent.get(`/invite/${link.token}`);
    expectPage(wrongKind, 400, ['Länken fungerar inte']);
  });

  it('explains a mismatch or a weak password with an error summary, keeping the link usable', async () => {
    const email = 'rapportor@vanort.example';
    await askForLink(email);
    const link = await linkIn(email);
    const before = await passwordHashOf(email);

    const mismatch = await choosePassword(link.path, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expectRefused(mismatch.res, [
      'Det finns problem',
      '<a href="#passwordConfirm">Lösenorden är inte likadana.',
    ]);

    const short = await choosePassword(link.path, 'kort');
    expect(short.res.statusCode).toBe(400);
    expect(short.res.body).toContain('<a href="#password">Lösenordet måste ha minst 12 tecken</a>');

    const empty = await choosePassword(link.path, '', '');
    expect(empty.res.statusCode).toBe(400);
    expect(empty.res.body).toContain('<a href="#password">Ange ett nytt lösenord</a>');

    const common = await choosePassword(link.path, '123456789012');
    expect(common.res.statusCode).toBe(400);
    expect(common.res.body).toContain('för vanligt');

    expect(await passwordHashOf(email)).toBe(before);
    expect((await tokenRow(link.token)).used_at).toBeNull();
    expect((await choosePassword(link.path, NEW_PASSWORD)).res.statusCode).toBe(303);
  });

  it('answers the same for an unknown address, sends nothing and records the attempt', async () => {
    const known = await askForLink('bergen@vanort.example');
    const unknown = await askForLink('nobody@vanort.example');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.headers.location).toBe(known.headers.location);
    expect(unknown.cookies.find((c) => c.name === 'flash')?.value).toBe(
      known.cookies.find((c) => c.name === 'flash')?.value,
    );
    expect(await mailsTo('nobody@vanort.example')).toEqual([]);
    const attempts = await rowsWhere(t.db, 'login_attempt', { email: 'nobody@vanort.example' }, [
      'kind',
      'succeeded',
    ]);
    expect(attempts).toEqual([{ kind: 'reset', succeeded: 0 }]);
    const refused = await rowsWhere(t.db, 'audit_event', { actor_label: 'nobody@vanort.example' }, [
      'action',
    ]);
    expect(refused.map((r) => r.action)).toEqual(['password.reset.refused']);
  });

  it('asks for an e-mail address in the right format', async () => {
    const empty = await askForLink('');
    expectRefused(empty, ['<a href="#email">Ange din e-postadress</a>']);
    const bad = await askForLink('inte en adress');
    expectRefused(bad, ['Ange en e-postadress i rätt format', 'value="inte en adress"']);
  });

  it('locks further requests for an address after five within 15 minutes', async () => {
    const email = 'lockout-target@vanort.example';
    const agent = new TestAgent(t.app);
    await agent.get('/reset');
    for (let i = 0; i < 5; i++) {
      expect((await agent.post('/reset', { email })).statusCode).toBe(303);
    }
    const locked = await agent.post('/reset', { email });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.body).toContain('Du har bett om för många länkar på kort tid.');
    expect(locked.body).toContain('15 minuter');
  });

  it('locks a sender address after twenty requests within 15 minutes, known accounts too', async () => {
    const actor: Actor = { userId: null, label: 'anonymous', ip: '203.0.113.7' };
    for (let i = 0; i < 20; i++) {
      await requestPasswordReset(t.db, t.app.mailer, actor, `x${i}@example.org`, 'http://x');
    }
    await expect(
      requestPasswordReset(t.db, t.app.mailer, actor, 'admin@vanort.example', 'http://x'),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await mailsTo('admin@vanort.example')).toEqual([]);
  });

  it('closes older open links once a password is chosen', async () => {
    const email = 'admin@vanort.example';
    const actor: Actor = { userId: null, label: 'anonymous', ip: '198.51.100.1' };
    await requestPasswordReset(t.db, t.app.mailer, actor, email, 'https://portal.example/');
    await requestPasswordReset(t.db, t.app.mailer, actor, email, 'https://portal.example');
    const links = (await mailsTo(email)).map((m) =>
      /https:\/\/portal\.example\/reset\/([\w-]+)\n/.exec(m.text_body),
    );
    const [first, second] = links.map((m) => m?.[1] ?? '');
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await redeemToken(t.db, actor, 'reset', second!, NEW_PASSWORD);
    await expect(checkToken(t.db, 'reset', first!)).rejects.toMatchObject({
      code: 'TOKEN_USED',
    });
  });

  it('invites a new user by e-mail, who chooses a password and logs in', async () => {
    const email = 'nora.ny@vanort.example';
    const user = await inviteUser(
      t.db,
      t.app.mailer,
      ADMIN_ACTOR,
      {
        email: ' Nora.Ny@vanort.example',
        name: 'Nora Ny',
        roles: [{ role: 'staff', organisationId: null, cityId: null }],
      },
      'https://portal.example',
    );
    expect(user).toMatchObject({ email, name: 'Nora Ny', hasPassword: false });
    expect(user.roles.map((r) => r.role)).toEqual(['staff']);
    const mail = (await mailsTo(email))[0]!;
    expect(mail.subject).toBe('Inbjudan till Vänortsportalen / Invitation to Vänortsportalen');
    expect(mail.text_body).toContain('Hej Nora Ny!');
    expect(mail.text_body).toContain('7 dagar');
    const link = await linkIn(email, 'invite');
    expect(link.origin).toBe('https://portal.example');
    const row = await tokenRow(link.token);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(7 * 86_400_000);
    expect(await loginStatus(email, NEW_PASSWORD)).toBe(401);
    // An invitation link is not a reset link.
    expect((await new TestAgent(t.app).get(`/reset/${link.token}`)).statusCode).toBe(400);

    const { page, res } = await choosePassword(link.path, NEW_PASSWORD);
    expectPage(page, 200, ['<h1>Välkommen till Vänortsportalen</h1>']);
    expectRedirect(res, '/login');
    const login = await new TestAgent(t.app).login(email, NEW_PASSWORD);
    expect(login.statusCode).toBe(303);
    expect(login.cookies.find((c) => c.name === SESSION_COOKIE)).toBeDefined();
    expect((await auditOf(user.id)).sort()).toEqual([
      'create',
      'invite.accepted',
      'invite.sent',
      'login',
    ]);
    // Accepting twice does not work.
    expect((await new TestAgent(t.app).get(link.path)).statusCode).toBe(410);
  });

  it('refuses a bad invitation and leaves no user, token or mail behind', async () => {
    const count = (table: 'app_user' | 'user_token' | 'mail_outbox') => countRows(t.db, table);
    const before = [await count('app_user'), await count('user_token'), await count('mail_outbox')];
    const invite = (email: string, name: string) =>
      inviteUser(t.db, t.app.mailer, ADMIN_ACTOR, { email, name, roles: [] }, 'http://x');
    await expect(invite('not an address', 'X')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [{ path: 'email', message: 'invite.emailInvalid' }] },
    });
    await expect(invite('ok@vanort.example', '  ')).rejects.toMatchObject({
      details: { problems: [{ path: 'name', message: 'invite.nameRequired' }] },
    });
    await expect(invite('ADMIN@vanort.example', 'Dubblett')).rejects.toMatchObject({
      code: 'USER_EXISTS',
    });
    // A reporter without an organisation: the whole transaction rolls back.
    await expect(
      inviteUser(
        t.db,
        t.app.mailer,
        ADMIN_ACTOR,
        {
          email: 'rapp@vanort.example',
          name: 'R',
          roles: [{ role: 'reporter', organisationId: null, cityId: null }],
        },
        'http://x',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect([
      await count('app_user'),
      await count('user_token'),
      await count('mail_outbox'),
    ]).toEqual(before);
  });

  it('refuses forms without their CSRF token and changes nothing', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/reset');
    const ask = await agent.post('/reset', { email: 'medarbetare@vanort.example' }, { csrf: null });
    expectPage(ask, 403, ['Formuläret har gått ut']);
    const mailsBefore = (await mailsTo('medarbetare@vanort.example')).length;

    await askForLink('medarbetare@vanort.example');
    expect((await mailsTo('medarbetare@vanort.example')).length).toBe(mailsBefore + 1);
    const link = await linkIn('medarbetare@vanort.example');
    const hash = await passwordHashOf('medarbetare@vanort.example');
    await agent.get(link.path);
    const set = await agent.post(
      link.path,
      { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
      { csrf: null },
    );
    expect(set.statusCode).toBe(403);
    const forged = await agent.post(
      link.path,
      { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
      { csrf: 'forged' },
    );
    expect(forged.statusCode).toBe(403);
    expect(await passwordHashOf('medarbetare@vanort.example')).toBe(hash);
    expect((await tokenRow(link.token)).used_at).toBeNull();
  });

  it('declares every route public', () => {
    const routes = t.app.registeredRoutes().filter((r) => /^\/(reset|invite)\b/.test(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const r of routes) expect(r.permission).toBe('public');
  });
});

describe('token errors', () => {
  it('are distinct codes with 400/410 statuses', async () => {
    const codes = [
      accountsErrors.tokenInvalid(),
      accountsErrors.tokenExpired(),
      accountsErrors.tokenUsed(),
    ].map((e: AppError) => `${e.code}:${e.status}`);
    expect(codes).toEqual(['TOKEN_INVALID:400', 'TOKEN_EXPIRED:410', 'TOKEN_USED:410']);
  });
});

import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { Secret, TOTP } from 'otpauth';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect } from '../../../test/helpers/forms.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
import { buildTestApp, type TestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createUser, findUserByEmail, setOwnLanguage } from './account.service.ts';
import { beginMfaEnrollment, confirmMfaEnrollment } from './mfa.service.ts';
import type { Role } from './roles.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { auditTrail, rowWhere } from '../../../test/helpers/rows.ts';

// A person's language (issue 13): set when invited and on the account page, used for the
// invitation and reset mails and for where a login lands.

const PASSWORD = 'a long enough test password';
const sv = messagesOf('sv');
const en = messagesOf('en');
const nb = messagesOf('nb');

/** The first line of a catalogue text, its arguments left out (e.g. "Hei, " of "Hei, {name}!"). */
const opening = (text: string) => text.split('\n')[0]!.split('{')[0]!;

describeEachDialect("a person's language", (dialect) => {
  const t = useTestApp(dialect);
  const [admin] = useSignedIn(t, DEMO_EMAIL.admin);
  const cityIds = new Map<string, string>();

  beforeAll(async () => {
    for (const c of await t.db.kysely.selectFrom('city').select(['id', 'slug']).execute())
      cityIds.set(c.slug, c.id);
  });

  const mailsTo = (address: string) =>
    t.db.kysely
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', address)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  const languageOf = async (email: string) =>
    (await rowWhere(t.db, 'app_user', { email }, ['language'])).language;

  const auditOf = async (userId: string) =>
    (await auditTrail(t.db, { entity: 'user', entity_id: userId }, ['action', 'changes'])).map(
      (e) => ({
        action: e.action,
        changes: JSON.parse(e.changes) as Record<string, { before: unknown; after: unknown }>,
      }),
    );

  /** The links of a mail by their path: `/nb/invite/…` → its language and token. */
  const linksIn = (text: string, kind: 'invite' | 'reset') =>
    [
      ...text.matchAll(new RegExp(`https?://[^\\s/]+((?:/(en|da|nb|fi))?/${kind}/([\\w-]+))`, 'g')),
    ].map((m) => ({ path: m[1]!, locale: (m[2] ?? 'sv') as Locale, token: m[3]! }));

  let n = 0;
  const address = (what: string) => `${what}-${++n}-${dialect}@vanort.example`;

  /** The administrator's invitation form. */
  const invite = (fields: Record<string, string | string[]>) =>
    admin.submit('/admin/users/new', fields);
  /** Invites a partner contact of the city, in the language chosen ('' for automatic). */
  const invitePartner = (email: string, name: string, city: string, language: string) =>
    invite({ email, name, roles: ['partner'], city: cityIds.get(city)!, language });

  /** A local account with a password, in a language. */
  const newUser = async (language: Locale | undefined, roles: Role[] = ['staff']) => {
    const email = address(`lang-${language ?? 'default'}`);
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email,
      name: `Test ${n}`,
      roles: roles.map((role) => ({ role, organisationId: null, cityId: null })),
      password: PASSWORD,
      language,
    });
    return { id: user.id, email };
  };

  // ---- Inviting ---------------------------------------------------------------------

  it('offers the five languages on the invitation form, each named in itself', async () => {
    const page = await admin.get('/admin/users/new');
    expectPage(page, 200, [sv['account.language.label'], sv['admin.invite.languageHint']]);
    expect(page.body).toMatch(/<option value selected>Automatiskt: vänortens språk/);
    for (const [value, name] of [
      ['sv', 'Svenska'],
      ['en', 'English'],
      ['da', 'Dansk'],
      ['nb', 'Norsk bokmål'],
      ['fi', 'Suomi'],
    ])
      expect(page.body).toContain(`<option value="${value}" lang="${value}">${name}</option>`);
  });

  it('invites a Bergen partner contact in Norwegian: the invitation is Norwegian, then English', async () => {
    const email = address('bergen');
    const res = await invitePartner(email, 'Nils Nordnes', 'bergen', 'nb');
    expect(res.statusCode).toBe(303);
    expect(await languageOf(email)).toBe('nb');
    const user = await findUserByEmail(t.db.kysely, email);
    expect(user?.language).toBe('nb');
    const create = (await auditOf(user!.id)).find((e) => e.action === 'create');
    expect(create?.changes.language).toEqual({ before: null, after: 'nb' });

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`${nb['mail.invite.subject']} / ${en['mail.invite.subject']}`);
    const [norwegian = '', english = '', ...rest] = mail.text_body.split('\n\n---\n\n');
    expect(rest).toEqual([]);
    expect(norwegian.startsWith('Hei, Nils Nordnes!')).toBe(true);
    expect(norwegian).toContain('Du har fått en konto i Vänortsportalen');
    expect(norwegian).toContain('Lenken gjelder i 7 dager');
    expect(english.startsWith('Hello Nils Nordnes,')).toBe(true);
    expect(english).toContain('The link is valid for 7 days');
    expect(mail.text_body).not.toContain('Hej Nils');
    expect(mail.text_body).not.toContain('Du har fått ett konto');

    // Each part links to the page in its own language; the Norwegian one opens in Norwegian.
    const links = linksIn(mail.text_body, 'invite');
    expect(links.map((l) => l.locale)).toEqual(['nb', 'en']);
    expect(new Set(links.map((l) => l.token)).size).toBe(1);
    expect(norwegian).toContain(links[0]!.path);
    const page = await new TestAgent(t.app).get(links[0]!.path);
    expectPage(page, 200, ['<html lang="nb"']);
  });

  it('gives a partner contact their city’s language when the administrator leaves it automatic', async () => {
    for (const [slug, language] of [
      ['aarhus', 'da'],
      ['turku', 'fi'],
    ] as const) {
      const email = address(slug);
      const res = await invitePartner(email, `Kontakt ${slug}`, slug, '');
      expect(res.statusCode).toBe(303);
      expect(await languageOf(email)).toBe(language);
      const [mail] = await mailsTo(email);
      const own = messagesOf(language);
      expect(mail?.subject).toBe(`${own['mail.invite.subject']} / ${en['mail.invite.subject']}`);
      expect(mail?.text_body.startsWith(opening(own['mail.invite.text']))).toBe(true);
    }
  });

  it('keeps Swedish (then English) for Gothenburg’s staff, and English alone for an English account', async () => {
    const staff = address('staff');
    expect((await invite({ email: staff, name: 'Sten Stab', roles: ['staff'] })).statusCode).toBe(
      303,
    );
    expect(await languageOf(staff)).toBe('sv');
    const [swedish] = await mailsTo(staff);
    expect(swedish?.subject).toBe('Inbjudan till Vänortsportalen / Invitation to Vänortsportalen');
    expect(swedish?.text_body.startsWith('Hej Sten Stab!')).toBe(true);
    expect(swedish?.text_body.indexOf('Hej Sten Stab!')).toBeLessThan(
      swedish?.text_body.indexOf('Hello Sten Stab,') ?? -1,
    );
    expect(linksIn(swedish?.text_body ?? '', 'invite').map((l) => l.locale)).toEqual(['sv', 'en']);

    const english = address('english');
    const res = await invitePartner(english, 'Emma English', 'bergen', 'en');
    expect(res.statusCode).toBe(303);
    expect(await languageOf(english)).toBe('en');
    const [mail] = await mailsTo(english);
    expect(mail?.subject).toBe(en['mail.invite.subject']);
    expect(mail?.text_body.startsWith('Hello Emma English,')).toBe(true);
    expect(mail?.text_body).not.toContain('---');
    expect(mail?.text_body).not.toContain('Hei, Emma');
  });

  it('refuses a language that is not one of the five, with a clear message, and invites nobody', async () => {
    for (const bad of ['xx', 'se', 'no', 'SV', 'nb'.repeat(40)]) {
      const email = address('bad');
      const res = await invite({ email, name: 'Bo Fel', roles: ['staff'], language: bad });
      expect(res.statusCode, bad).toBe(400);
      // Longer than any language code: the form reader's message.
      expect(res.body).toContain(
        bad.length > 10 ? 'Skriv högst 10 tecken. Du skrev 80.' : sv['account.language.invalid'],
      );
      expect(res.body).toContain('href="#language"');
      expect(await findUserByEmail(t.db.kysely, email)).toBeNull();
      expect(await mailsTo(email)).toEqual([]);
    }
  });

  // ---- The password reset -------------------------------------------------------------

  it("mails a Finnish account's reset link in Finnish, then English, and the link opens in Finnish", async () => {
    const { email } = await newUser('fi');
    const agent = new TestAgent(t.app);
    await agent.get('/reset');
    expect((await agent.post('/reset', { email })).statusCode).toBe(303);

    const [mail, ...more] = await mailsTo(email);
    expect(more).toEqual([]);
    const fi = messagesOf('fi');
    expect(mail?.subject).toBe(`${fi['mail.reset.subject']} / ${en['mail.reset.subject']}`);
    const [finnish = '', english = ''] = (mail?.text_body ?? '').split('\n\n---\n\n');
    expect(finnish).toContain('Joku, toivottavasti sinä, on pyytänyt uuden salasanan');
    expect(finnish).toContain('Linkki on voimassa 30 minuutin ajan');
    expect(english).toContain('Someone, hopefully you, has asked to choose a new password');
    expect(mail?.text_body).not.toContain('Någon, förhoppningsvis du');

    const [finnishLink, englishLink] = linksIn(mail?.text_body ?? '', 'reset');
    expect(finnishLink?.path).toMatch(/^\/fi\/reset\//);
    expect(englishLink?.path).toMatch(/^\/en\/reset\//);
    const reader = new TestAgent(t.app);
    const page = await reader.get(finnishLink!.path);
    expectPage(page, 200, ['<html lang="fi"']);
    const chosen = await reader.post(finnishLink!.path, {
      password: 'Turun linna ja Aurajoki 2026',
      passwordConfirm: 'Turun linna ja Aurajoki 2026',
    });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toMatch(/^\/fi\//);
  });

  it('keeps the Swedish and English reset mail of a Swedish account', async () => {
    const { email } = await newUser(undefined);
    expect(await languageOf(email)).toBe('sv');
    const agent = new TestAgent(t.app);
    await agent.submit('/reset', { email });
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe(
      'Välj ett nytt lösenord i Vänortsportalen / Choose a new password in Vänortsportalen',
    );
    expect(mail?.text_body.startsWith('Hej!')).toBe(true);
    expect(mail?.text_body.indexOf('Hej!')).toBeLessThan(mail?.text_body.indexOf('Hello,') ?? -1);
    expect(mail?.text_body).toContain('30 minuter');
  });

  // ---- The account page -----------------------------------------------------------------

  it('lets a person change their own language on the account page, audited', async () => {
    const { id, email } = await newUser(undefined);
    const agent = new TestAgent(t.app);
    await agent.login(email, PASSWORD);
    const page = await agent.get('/account');
    expectPage(page, 200, [
      `<h2>${sv['account.language.title']}</h2>`,
      'action="/account/language"',
      '<option value="sv" selected lang="sv">Svenska</option>',
    ]);

    const res = await agent.post('/account/language', { language: 'nb' });
    expectRedirect(res, '/account');
    expect(await languageOf(email)).toBe('nb');
    const after = await agent.get('/account');
    expect(after.body).toContain(sv['account.language.saved']);
    expect(after.body).toContain('<option value="nb" selected lang="nb">Norsk bokmål</option>');
    expect((await auditOf(id)).filter((e) => e.action === 'language.change')).toEqual([
      { action: 'language.change', changes: { language: { before: 'sv', after: 'nb' } } },
    ]);

    // The same language again changes nothing and audits nothing.
    await agent.post('/account/language', { language: 'nb' });
    expect((await auditOf(id)).filter((e) => e.action === 'language.change')).toHaveLength(1);
  });

  it('refuses a bad language on the account page with a clear message and changes nothing', async () => {
    const { id, email } = await newUser('da');
    const agent = new TestAgent(t.app);
    await agent.login(email, PASSWORD);
    agent.locale = 'da';
    const audited = (await auditOf(id)).length;
    const bodies: [Record<string, string | string[]>, string][] = [
      [{ language: 'xx' }, messagesOf('da')['account.language.invalid']],
      [{ language: '' }, messagesOf('da')['account.language.invalid']],
      [{}, messagesOf('da')['account.language.invalid']],
      // Two languages at once: not one of them picked silently.
      [{ language: ['nb', 'fi'] }, messagesOf('da')['form.repeated']],
    ];
    for (const [fields, message] of bodies) {
      await agent.get('/account');
      const res = await agent.post('/account/language', fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('href="#language"');
    }
    const forged = await agent.post('/account/language', { language: 'fi' }, { csrf: null });
    expect(forged.statusCode).toBe(403);
    expect(await languageOf(email)).toBe('da');
    expect((await auditOf(id)).length).toBe(audited);

    // Nobody changes another person's language, and anonymous visitors not at all.
    const other = await newUser('fi');
    await expect(
      setOwnLanguage(t.db, { userId: id, label: email, ip: null }, other.id, { language: 'sv' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await languageOf(other.email)).toBe('fi');
    const anonymous = new TestAgent(t.app);
    await anonymous.get('/login');
    expect((await anonymous.post('/account/language', { language: 'sv' })).statusCode).toBe(401);
  });

  // ---- Where a login lands --------------------------------------------------------------

  it('lands a Norwegian account that logs in at the Swedish address in Norwegian', async () => {
    const { email } = await newUser('nb');
    const agent = new TestAgent(t.app);
    const res = await agent.login(email, PASSWORD);
    expectRedirect(res, '/nb/workspace');
    const page = await agent.get('/nb/workspace');
    expectPage(page, 200, ['<html lang="nb"', nb['flash.loggedIn']]);

    // The page asked for before the login, in Norwegian.
    const other = new TestAgent(t.app);
    const next = await other.login(email, PASSWORD, '/account');
    expect(next.headers.location).toBe('/nb/account');
  });

  it('keeps the language of the address a person logged in at, and Swedish for Swedish accounts', async () => {
    const norwegian = await newUser('nb');
    const english = new TestAgent(t.app);
    english.locale = 'en';
    const res = await english.login(norwegian.email, PASSWORD);
    expect(res.headers.location).toBe('/en/workspace');
    const page = await english.get('/workspace');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain(en['flash.loggedIn']);

    const danish = new TestAgent(t.app);
    danish.locale = 'da';
    expect((await danish.login(norwegian.email, PASSWORD)).headers.location).toBe('/da/workspace');

    const swedish = await newUser(undefined);
    const agent = new TestAgent(t.app);
    expect((await agent.login(swedish.email, PASSWORD)).headers.location).toBe('/workspace');
    expect((await agent.get('/workspace')).body).toContain(sv['flash.loggedIn']);
  });

  it('lands in the person’s language after the two-step code too', async () => {
    const { id, email } = await newUser('fi');
    await beginMfaEnrollment(t.db, SYSTEM_ACTOR, id);
    const { totp_secret: secret } = await rowWhere(t.db, 'app_user', { id }, ['totp_secret']);
    const codeAt = (timestamp: number) =>
      TOTP.generate({ secret: Secret.fromBase32(secret!), timestamp });
    const now = Date.now();
    await confirmMfaEnrollment(t.db, SYSTEM_ACTOR, id, codeAt(now));

    const agent = new TestAgent(t.app);
    const first = await agent.login(email, PASSWORD);
    // The code is asked for at the address the login started at.
    expect(first.headers.location).toBe('/login/mfa?next=%2Fworkspace');
    await agent.get('/login/mfa?next=%2Fworkspace');
    // The next 30-second step: each step's code is accepted once.
    const res = await agent.post('/login/mfa', { code: codeAt(now + 30_000), next: '/workspace' });
    expectRedirect(res, '/fi/workspace');
    const page = await agent.get('/fi/workspace');
    expect(page.body).toContain(messagesOf('fi')['flash.loggedIn']);
  });
});

/**
 * The invitation through a real SMTP server (smtp-server on loopback), read back with
 * mailparser: the Norwegian subject and text arrive intact.
 */
describeEachDialect('a Norwegian invitation through SMTP', (dialect) => {
  let server: SMTPServer;
  let t: TestApp;
  const received: Buffer[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    t = await buildTestApp(dialect, { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('arrives in Norwegian, then English, with the Norwegian link first', async () => {
    expect(t.app.mailer.kind).toBe('smtp');
    const admin = await signedIn(t.app, DEMO_EMAIL.admin);
    const bergen = await rowWhere(t.db, 'city', { slug: 'bergen' }, ['id']);
    const res = await admin.submit('/admin/users/new', {
      email: `bjorg.aase.${dialect}@bergen.example`,
      name: 'Bjørg Åse',
      roles: ['partner'],
      city: bergen.id,
      language: 'nb',
    });
    expect(res.statusCode).toBe(303);
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0]!);
    expect(mail.subject).toBe('Invitasjon til Vänortsportalen / Invitation to Vänortsportalen');
    expect(mail.text).toContain('Hei, Bjørg Åse!');
    expect(mail.text).toContain('Göteborg kommunes portal for det nordiske vennskapsbysamarbeidet');
    expect(mail.text).toContain('Hello Bjørg Åse,');
    expect(mail.text?.indexOf('/nb/invite/')).toBeLessThan(mail.text?.indexOf('/en/invite/') ?? -1);
  });
});

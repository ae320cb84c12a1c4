import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { browserAvailable } from '../../../test/helpers/browser.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRefused, oddPostFailures } from '../../../test/helpers/forms.ts';
import { jobContext } from '../../../test/helpers/jobs.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { runJob } from '../../platform/scheduler.ts';
import { newId } from '../../shared/ids.ts';
import { createUser } from '../accounts/account.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { delegationRetentionJob } from '../meetings/retention.job.ts';
import { newsletterRetentionJob } from '../newsletter/newsletter.job.ts';
import { RETENTION_RULES } from './privacy.register.ts';
import { retentionDryRun } from './retention.service.ts';
import { privacyRetentionJob } from './retention.job.ts';
import { subjectFingerprint, type PersonData } from './privacy.service.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import {
  insertRow,
  insertRows,
  rowById,
  rowWhere,
  rowsWhere,
  updateRows,
} from '../../../test/helpers/rows.ts';

const PASSWORD = 'en-lång-lösenordsfras-för-test';

/** One person's fixtures in every kind of personal data, with markers unique to them. */
interface Person {
  email: string;
  name: string;
  userId: string;
  marker: string;
  phone: string;
  memberId: string;
  collaborationId: string;
  decisionId: string;
  suggestionId: string;
}

describeEachDialect('personal data (privacy module)', (dialect) => {
  let t: TestApp;
  let admin: TestAgent;
  let a: Person;
  let b: Person;
  let delegationId: string;
  const mailer = createMailer({ smtpUrl: undefined, from: 'vanortsportalen@goteborg.se' });

  async function person(key: string, name: string, phone: string): Promise<Person> {
    const db = t.db.kysely;
    const email = `${key}@exempel.se`;
    const marker = `marker-${key}`;
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email,
      name,
      roles: [{ role: 'staff', organisationId: null, cityId: null }],
      password: PASSWORD,
    });
    const at = '2026-11-01T10:00:00.000Z';
    const future = '2099-01-01T00:00:00.000Z';
    await insertRow(db, 'session', {
      user_id: user.id,
      created_at: at,
      last_seen_at: at,
      expires_at: future,
      ip: `${marker}-ip`,
      user_agent: `${marker}-browser`,
    });
    await insertRow(db, 'user_token', {
      user_id: user.id,
      kind: 'reset',
      created_at: at,
      expires_at: future,
      used_at: null,
    });
    await insertRow(db, 'api_token', {
      user_id: user.id,
      name: `${marker}-token`,
      token_hash: `${marker}-hash`,
      created_at: at,
      expires_at: future,
      last_used_at: null,
      revoked_at: null,
    });
    await insertRow(db, 'login_attempt', {
      kind: 'login',
      email,
      ip: `${marker}-attempt`,
      succeeded: 0,
      occurred_at: at,
    });
    await insertRow(db, 'mail_outbox', {
      to_address: email,
      subject: `${marker}-mail`,
      text_body: 'Hej',
      created_at: at,
    });
    await insertRow(db, 'newsletter_subscriber', {
      email,
      language: 'sv',
      topics: 'bergen',
      status: 'confirmed',
      confirm_token_hash: null,
      confirm_expires_at: null,
      confirmed_at: at,
      manage_token: randomBytes(32).toString('base64url'),
      unsubscribed_at: null,
      created_at: at,
      updated_at: at,
    });
    /** The person's own row of a demo table: Astrid's the first by id, Bodil's the second. */
    const ownRow = (table: 'collaboration' | 'council_decision') =>
      db
        .selectFrom(table)
        .select('id')
        .orderBy('id')
        .limit(1)
        .offset(key === 'astrid' ? 0 : 1)
        .executeTakeFirstOrThrow();
    const collaboration = await ownRow('collaboration');
    await updateRows(
      db,
      'collaboration',
      { id: collaboration.id },
      { contact_name: name, contact_email: email },
    );
    const decision = await ownRow('council_decision');
    await updateRows(db, 'council_decision', { id: decision.id }, { recorded_by: user.id });
    // A partner contact's suggestion (cities module) naming the person as the city's contact.
    const suggestionCity = await db
      .selectFrom('city')
      .select('id')
      .where('id', 'not in', db.selectFrom('city_suggestion').select('city_id'))
      .orderBy('slug')
      .limit(1)
      .executeTakeFirstOrThrow();
    const suggestionId = await insertRow(db, 'city_suggestion', {
      city_id: suggestionCity.id,
      status: 'pending',
      changes: JSON.stringify({
        contactName: { before: '', after: name },
        contactEmail: { before: '', after: email },
      }),
      comment: null,
      submitted_by: user.id,
      submitted_at: at,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: at,
    });
    const memberId = await insertRow(db, 'delegation_member', {
      delegation_id: delegationId,
      position: 9,
      name,
      title: 'Ledamot',
      affiliation: 'Partiet',
      dietary_needs: `${marker}-diet`,
      access_needs: null,
      travel: `${marker}-travel`,
      phone,
      logistics_erased_at: null,
      created_at: at,
      updated_at: at,
    });
    return {
      email,
      name,
      userId: user.id,
      marker,
      phone,
      memberId,
      collaborationId: collaboration.id,
      decisionId: decision.id,
      suggestionId,
    };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const delegation = await t.db.kysely
      .selectFrom('delegation')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    delegationId = delegation.id;
    a = await person('astrid', 'Astrid Exempel', '+46 70 111 11 11');
    b = await person('bodil', 'Bodil Annan', '+46 70 222 22 22');
    admin = await signedIn(t.app, DEMO_EMAIL.admin);
  });
  afterAll(async () => {
    mailer.close();
    await t?.close();
  });

  const auditOf = (action: string) =>
    t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .orderBy('occurred_at')
      .execute();

  /** The admin opens the person's page and sends one of its forms (export, correct, erase). */
  async function sendFor(
    p: Person,
    action: 'export' | 'correct' | 'erase',
    fields: Record<string, string>,
  ) {
    await admin.get(
      `/admin/privacy?email=${encodeURIComponent(p.email)}&name=${encodeURIComponent(p.name)}`,
    );
    return admin.post(`/admin/privacy/${action}`, { email: p.email, name: p.name, ...fields });
  }

  it('shows the register at /privacy in the five languages, linked from the footer', async () => {
    for (const prefix of ['', '/en', '/da', '/nb', '/fi']) {
      const res = await t.app.inject({ url: `${prefix}/privacy` });
      expect(res.statusCode, prefix).toBe(200);
      expect(res.body).toContain(`href="${prefix}/privacy"`);
    }
    const sv = (await t.app.inject({ url: '/privacy' })).body;
    expect(sv).toContain('Delegater vid vänortsmötena');
    // The configured retention of delegates' logistics (90 days by default) is in the text.
    expect(sv).toContain('raderas 90 dagar efter mötets sista dag');
    expect(sv).toContain('Samtycke (artikel 6.1 a)');
  });

  it('exports everything about the person and nothing about anyone else, audited', async () => {
    const res = await sendFor(a, 'export', { format: 'json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const text = res.body;
    const data = JSON.parse(text) as PersonData;
    expect(data.account).toMatchObject({ email: a.email, name: a.name, active: true });
    expect(data.roles).toEqual([{ role: 'staff', organisation: null, city: null }]);
    for (const m of ['ip', 'browser', 'token', 'attempt', 'mail', 'diet', 'travel'])
      expect(text, m).toContain(`${a.marker}-${m}`);
    expect(data.links).toHaveLength(1);
    expect(data.newsletter?.subscription).toMatchObject({ email: a.email, status: 'confirmed' });
    expect(data.contacts.collaborations.map((c) => c.id)).toEqual([a.collaborationId]);
    expect(data.contacts.citySuggestions).toEqual([
      expect.objectContaining({
        id: a.suggestionId,
        contact_email: { before: '', after: a.email },
        contact_name: { before: '', after: a.name },
      }),
    ]);
    expect(data.authored).toContainEqual(
      expect.objectContaining({
        table: 'city_suggestion',
        column: 'submitted_by',
        id: a.suggestionId,
      }),
    );
    expect(data.delegates.map((d) => d.id)).toEqual([a.memberId]);
    expect(data.authored).toContainEqual(
      expect.objectContaining({ table: 'council_decision', id: a.decisionId }),
    );
    expect(data.audit.some((e) => e.entity === 'user' && e.action === 'create')).toBe(true);
    // Secrets are never exported.
    expect(text).not.toContain(`${a.marker}-hash`);
    const secrets = await rowWhere(t.db, 'app_user', { id: a.userId }, ['password_hash']);
    expect(secrets.password_hash).toMatch(/^\$argon2/);
    expect(text).not.toContain(secrets.password_hash);
    expect(text).not.toContain('$argon2');
    // Nothing about the other person.
    for (const s of [
      b.email,
      b.name,
      b.marker,
      b.phone,
      b.userId,
      b.memberId,
      b.collaborationId,
      b.decisionId,
      b.suggestionId,
    ])
      expect(text).not.toContain(s);
    const audit = await auditOf('privacy.export');
    expect(audit.at(-1)).toMatchObject({
      actor_label: 'admin@vanort.example',
      entity: 'person',
      entity_id: a.userId,
    });
    expect(JSON.parse(audit.at(-1)!.changes)).toMatchObject({
      subject: { after: a.email },
      format: { after: 'json' },
    });
  });

  it('lets a signed-in person download their own data, without delegates matched by name', async () => {
    const own = new TestAgent(t.app);
    expect((await own.login(b.email, PASSWORD)).statusCode).toBe(303);
    const page = await own.get('/account/data');
    expectPage(page, 200, ['action="/account/data/export"']);
    const res = await own.post('/account/data/export', { format: 'json' });
    expectPage(res, 200, [b.email]);
    expect(res.body).not.toContain(a.email);
    expect((JSON.parse(res.body) as PersonData).delegates).toEqual([]);
    expect((await auditOf('privacy.export')).at(-1)).toMatchObject({
      actor_label: b.email,
      entity_id: b.userId,
    });
  });

  it.skipIf(dialect !== 'sqlite' || !browserAvailable())(
    'prints the export as a readable PDF with Chromium',
    async () => {
      const own = new TestAgent(t.app);
      expect((await own.login(b.email, PASSWORD)).statusCode).toBe(303);
      await own.get('/account/data');
      const res = await own.post('/account/data/export', { format: 'pdf' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(JSON.parse((await auditOf('privacy.export')).at(-1)!.changes)).toMatchObject({
        format: { after: 'pdf' },
      });
      // A format the form does not offer is refused on the page, and nothing is exported.
      const before = (await auditOf('privacy.export')).length;
      const bad = await own.post('/account/data/export', { format: 'docx' });
      expect(bad.statusCode).toBe(400);
      expect((await auditOf('privacy.export')).length).toBe(before);
    },
    60_000,
  );

  it('refuses bad input with a message and changes nothing', async () => {
    const res = await admin.get('/admin/privacy?email=inte-en-adress');
    expectPage(res, 400, ['Skriv e-postadressen som namn@exempel.se']);
    await admin.get(`/admin/privacy?email=${encodeURIComponent(b.email)}`);
    // The correction form for Bodil's address alone, with nothing filled in but `fields`.
    const correct = (fields: Record<string, string>) =>
      admin.post('/admin/privacy/correct', {
        email: b.email,
        name: '',
        newName: '',
        newEmail: '',
        newPhone: '',
        ...fields,
      });
    const nothing = await correct({});
    expectRefused(nothing, ['Skriv det rätta namnet, e-postadressen eller telefonnumret']);
    const taken = await correct({ newEmail: a.email });
    expectRefused(taken, ['Ett annat konto har redan den e-postadressen']);
    const unconfirmed = await admin.post('/admin/privacy/erase', { email: b.email, name: b.name });
    expectRefused(unconfirmed, ['Kryssa i att personen har bett om raderingen']);
    const still = await rowWhere(t.db, 'app_user', { id: b.userId }, ['email', 'active']);
    expect(still).toEqual({ email: b.email, active: 1 });
  });

  it('answers odd input on every form and search with a message, never a 5xx', async () => {
    const odd: Record<string, string | string[]>[] = [
      {},
      { email: ['a@exempel.se', 'b@exempel.se'], name: 'Ö'.repeat(50_000), format: 'docx' },
      { email: 'x\u0000@exempel.se', name: 'a\u0001', newName: 'b\u0000', confirm: 'yes' },
      { email: b.email, name: '', newEmail: 'inte-en-adress', newPhone: 'ring mig', confirm: 'ja' },
    ];
    // Every odd body is refused: neither a server error nor a 200 (an export or a change).
    const failures = await oddPostFailures(
      admin,
      '/admin/privacy',
      [
        '/admin/privacy/export',
        '/admin/privacy/correct',
        '/admin/privacy/erase',
        '/account/data/export',
      ],
      odd,
      (status) => status >= 500 || status === 200,
    );
    for (const query of ['email=%00', 'email=a&email=b', `email=${'x'.repeat(5000)}`, 'name=x']) {
      const res = await admin.get(`/admin/privacy?${query}`);
      if (res.statusCode >= 500) failures.push(`GET /admin/privacy?${query} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    // Nothing changed for the person whose address was sent.
    expect(await rowById(t.db, 'app_user', b.userId, ['email', 'active'])).toEqual({
      email: b.email,
      active: 1,
    });
  });

  it('corrects name, address and phone across the places, audited', async () => {
    const res = await sendFor(b, 'correct', {
      newName: 'Bodil Rättad',
      newEmail: 'bodil.rattad@exempel.se',
      newPhone: '+46 70 333 33 33',
    });
    expectPage(res, 200, ['Uppgifterna är rättade']);
    const db = t.db.kysely;
    expect(await rowById(db, 'app_user', b.userId, ['name', 'email'])).toEqual({
      name: 'Bodil Rättad',
      email: 'bodil.rattad@exempel.se',
    });
    expect(
      await rowById(db, 'collaboration', b.collaborationId, ['contact_name', 'contact_email']),
    ).toEqual({ contact_name: 'Bodil Rättad', contact_email: 'bodil.rattad@exempel.se' });
    expect(await rowById(db, 'delegation_member', b.memberId, ['name', 'phone'])).toEqual({
      name: 'Bodil Rättad',
      phone: '+46 70 333 33 33',
    });
    const audit = await auditOf('privacy.correct');
    expect(audit.map((e) => e.entity).sort()).toEqual([
      'collaboration',
      'delegation_member',
      'person',
      'user',
    ]);
    // The log names the fields, never the values.
    expect(JSON.stringify(audit.filter((e) => e.entity !== 'person'))).not.toContain('Rättad');
    b = { ...b, email: 'bodil.rattad@exempel.se', name: 'Bodil Rättad', phone: '+46 70 333 33 33' };
  });

  it("erases a delegate's logistics and the rest, keeps the public record, audited, and says why", async () => {
    const db = t.db.kysely;
    const auditBefore = await db.selectFrom('audit_event').select('id').execute();
    const res = await sendFor(a, 'erase', { confirm: 'yes' });
    expectPage(res, 200, ['Uppgifterna är raderade']);
    expect(res.body).toContain(
      'Namn, titel och parti är en del av vänortsmötets allmänna handlingar',
    );
    expect(res.body).toContain('Ändringsloggen är en allmän handling');
    // The delegate: the public fields stay, the logistics are gone.
    expect(
      await rowById(db, 'delegation_member', a.memberId, [
        'name',
        'title',
        'affiliation',
        'dietary_needs',
        'travel',
        'phone',
      ]),
    ).toEqual({
      name: a.name,
      title: 'Ledamot',
      affiliation: 'Partiet',
      dietary_needs: null,
      travel: null,
      phone: null,
    });
    expect(
      (await auditOf('logistics.erase')).filter((e) => e.actor_label === 'admin@vanort.example'),
    ).toEqual([expect.objectContaining({ entity: 'delegation', entity_id: delegationId })]);
    // The public record: the decision still names who recorded it; the account row stays, closed.
    expect(
      (await rowById(db, 'council_decision', a.decisionId, ['recorded_by']))?.recorded_by,
    ).toBe(a.userId);
    expect(
      await rowById(db, 'app_user', a.userId, ['name', 'email', 'active', 'password_hash']),
    ).toEqual({ name: a.name, email: a.email, active: 0, password_hash: null });
    // The audit log lost nothing.
    const auditIds = new Set(
      (await db.selectFrom('audit_event').select('id').execute()).map((r) => r.id),
    );
    expect(auditBefore.every((r) => auditIds.has(r.id))).toBe(true);
    // Gone: sessions, links, tokens, roles, login attempts, the subscription, mails, the contact.
    for (const table of ['session', 'user_token', 'api_token', 'user_role'] as const)
      expect(
        await db.selectFrom(table).select('user_id').where('user_id', '=', a.userId).execute(),
        table,
      ).toEqual([]);
    expect(
      await db.selectFrom('login_attempt').select('id').where('email', '=', a.email).execute(),
    ).toEqual([]);
    expect(await rowsWhere(db, 'newsletter_subscriber', { email: a.email }, ['id'])).toEqual([]);
    expect(
      await db.selectFrom('mail_outbox').select('id').where('to_address', '=', a.email).execute(),
    ).toEqual([]);
    expect(
      await rowById(db, 'collaboration', a.collaborationId, ['contact_name', 'contact_email']),
    ).toEqual({ contact_name: null, contact_email: null });
    // The other person is untouched.
    expect((await rowById(db, 'delegation_member', b.memberId, ['phone']))?.phone).toBe(b.phone);
    expect(
      await db.selectFrom('session').select('id').where('user_id', '=', b.userId).execute(),
    ).not.toEqual([]);
    const summary = (await auditOf('privacy.erase')).find((e) => e.entity === 'person');
    expect(summary).toMatchObject({ actor_label: 'admin@vanort.example', entity_id: a.userId });
    // The log keeps a fingerprint of the address, not the address.
    expect(summary!.changes).not.toContain(a.email);
    expect(JSON.parse(summary!.changes)).toMatchObject({
      subject: { after: subjectFingerprint(a.email) },
    });
  });

  describe('retention', () => {
    const context = (now: Date) =>
      jobContext({ db: t.db, mailer, now, publicUrl: 'http://127.0.0.1', config: t.config });

    /** Every row each rule can erase, and the state that says whether it is gone. */
    async function snapshot() {
      const db = t.db.kysely;
      const ids = async (
        table:
          | 'session'
          | 'user_token'
          | 'api_token'
          | 'login_attempt'
          | 'mail_outbox'
          | 'newsletter_subscriber',
      ) => new Set((await db.selectFrom(table).select('id').execute()).map((r) => r.id));
      return {
        session: await ids('session'),
        user_token: await ids('user_token'),
        api_token: await ids('api_token'),
        login_attempt: await ids('login_attempt'),
        mail_outbox: await ids('mail_outbox'),
        newsletter_subscriber: await ids('newsletter_subscriber'),
        delegation_member: new Set(
          (
            await db
              .selectFrom('delegation_member')
              .select('id')
              .where('logistics_erased_at', 'is', null)
              .execute()
          ).map((r) => r.id),
        ),
      };
    }

    it('shows the dry run to administrators', async () => {
      const res = await admin.get('/admin/privacy/retention');
      expectPage(res, 200, ['Gallring av personuppgifter', 'delegation-retention']);
    });
    it('lists in the dry run exactly what the jobs then erase', async () => {
      const db = t.db.kysely;
      const now = new Date('2031-03-01T12:00:00Z');
      const old = '2030-09-01T00:00:00.000Z'; // half a year before `now`
      const recent = '2031-02-27T00:00:00.000Z';
      const user = await rowWhere(db, 'app_user', { email: 'medarbetare@vanort.example' }, ['id']);
      const session = (expires: string) => ({
        user_id: user.id,
        created_at: old,
        last_seen_at: old,
        expires_at: expires,
        ip: null,
        user_agent: null,
      });
      await insertRows(db, 'session', [session(old), session('2031-03-02T00:00:00.000Z')]);
      await insertRows(db, 'user_token', [
        {
          user_id: user.id,
          kind: 'reset',
          created_at: old,
          expires_at: old,
          used_at: null,
        },
        {
          user_id: user.id,
          kind: 'reset',
          created_at: recent,
          expires_at: '2031-03-05T00:00:00.000Z',
          used_at: recent,
        },
        {
          user_id: user.id,
          kind: 'invite',
          created_at: recent,
          expires_at: '2031-03-05T00:00:00.000Z',
          used_at: null,
        },
      ]);
      await insertRows(db, 'api_token', [
        {
          user_id: user.id,
          name: 'gammal',
          token_hash: newId(),
          created_at: old,
          expires_at: '2030-10-01T00:00:00.000Z',
          last_used_at: null,
          revoked_at: null,
        },
        {
          user_id: user.id,
          name: 'återkallad nyss',
          token_hash: newId(),
          created_at: old,
          expires_at: '2032-01-01T00:00:00.000Z',
          last_used_at: null,
          revoked_at: recent,
        },
      ]);
      await insertRows(db, 'login_attempt', [
        {
          kind: 'login',
          email: 'x@exempel.se',
          ip: null,
          succeeded: 1,
          occurred_at: old,
        },
        {
          kind: 'login',
          email: 'x@exempel.se',
          ip: null,
          succeeded: 1,
          occurred_at: recent,
        },
      ]);
      await insertRows(db, 'mail_outbox', [
        {
          to_address: 'x@exempel.se',
          subject: 'gammalt',
          text_body: '',
          created_at: old,
        },
        {
          to_address: 'x@exempel.se',
          subject: 'nytt',
          text_body: '',
          created_at: recent,
        },
      ]);
      // Subscribers who left: one half a year ago, one just now.
      const unsubscribed = (email: string, at: string) => ({
        email,
        language: 'sv',
        topics: '',
        status: 'unsubscribed',
        confirm_token_hash: null,
        confirm_expires_at: null,
        confirmed_at: old,
        manage_token: newId(),
        unsubscribed_at: at,
        created_at: old,
        updated_at: old,
      });
      await insertRows(db, 'newsletter_subscriber', [
        unsubscribed('slutat@exempel.se', old),
        unsubscribed('nyss@exempel.se', recent),
      ]);
      // The delegates of fixtures above belong to a demo meeting long past: their logistics are due.

      const dry = await retentionDryRun(t.db, now, t.config);
      expect(dry.map((r) => r.rule)).toEqual([...RETENTION_RULES]);
      for (const r of dry) expect(r.items.length, r.rule).toBeGreaterThan(0);
      const before = await snapshot();
      for (const job of [privacyRetentionJob, delegationRetentionJob, newsletterRetentionJob])
        expect(await runJob(job, context(now))).toMatchObject({ ran: true, outcome: 'ok' });
      const after = await snapshot();

      for (const r of dry) {
        const table = r.table as keyof typeof before;
        const gone = [...before[table]].filter((id) => !after[table].has(id)).sort();
        expect(gone, r.rule).toEqual(r.items.map((i) => i.id).sort());
      }
      // Audited, and a second dry run finds nothing left.
      expect((await auditOf('privacy.retention')).map((e) => e.entity).sort()).toEqual([
        'api_token',
        'login_attempt',
        'mail_outbox',
        'session',
        'user_token',
      ]);
      for (const r of await retentionDryRun(t.db, now, t.config))
        expect(r.items, r.rule).toEqual([]);
    });
  });
});

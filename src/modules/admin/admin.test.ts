import { expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { findUserByEmail } from '../accounts/account.service.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

describeEachDialect('administration', (dialect) => {
  const t = useTestApp(dialect);
  const [admin] = useSignedIn(t, DEMO_EMAIL.admin);

  /** The organisation form, posted: a new organisation, or with `id` a change to that one. */
  const postOrganisation = (
    agent: TestAgent,
    [name, kind, email]: [string, 'administration' | 'company', string],
    id?: string,
  ) =>
    agent.post(id ? `/admin/organisations/${id}` : '/admin/organisations', { name, kind, email });

  const audit = async (entity: string) =>
    rowsWhere(t.db, 'audit_event', { entity }, ['action', 'changes', 'actor_label']);

  it('is for administrators only', async () => {
    const anonymous = await t.app.inject({ url: '/admin/users' });
    expect(anonymous.statusCode).toBe(303);
    const staff = await signedIn(t.app, DEMO_EMAIL.staff);
    const res = await staff.get('/admin/users');
    expectPage(res, 403, ['Du har inte behörighet']);
    const post = await postOrganisation(staff, ['Hackare AB', 'company', '']);
    expect(post.statusCode).toBe(403);
    expect(await rowsWhere(t.db, 'organisation', { name: 'Hackare AB' }, ['id'])).toEqual([]);
  });

  it('lists users with their roles and scope', async () => {
    const res = await admin.get('/admin/users');
    expectPage(res, 200, [
      'rapportor@vanort.example',
      'Rapportör (Kulturförvaltningen)',
      'Vänortskontakt (Bergen)',
    ]);
    expect(res.body).toMatch(/Visar 1–\d+ av \d+/);
  });

  it('invites a new user by e-mail, with roles and scope', async () => {
    const bad = await admin.submit('/admin/users/new', {
      email: 'inte-en-adress',
      name: '',
      roles: [],
    });
    expectRefused(bad, ['Välj minst en roll']);
    const noScope = await admin.post('/admin/users/new', {
      email: 'ny@example.org',
      name: 'Ny Person',
      roles: ['partner'],
      city: '',
    });
    expectRefused(noScope, ['Välj den vänort som vänortskontakten företräder']);
    const exists = await admin.post('/admin/users/new', {
      email: 'Admin@vanort.example',
      name: 'Dubblett',
      roles: ['staff'],
    });
    expect(exists.statusCode).toBe(409);
    expect(exists.body).toContain(
      'Det finns redan ett konto med e-postadressen admin@vanort.example',
    );
    expect(await t.db.kysely.selectFrom('mail_outbox').select('id').execute()).toEqual([]);

    const turku = await rowWhere(t.db, 'city', { slug: 'turku' }, ['id']);
    const ok = await admin.post('/admin/users/new', {
      email: 'Kontakt@Turku.example',
      name: 'Tuula Turku',
      roles: ['partner'],
      city: turku.id,
    });
    expect(ok.statusCode).toBe(303);
    const user = await findUserByEmail(t.db.kysely, 'kontakt@turku.example');
    expect(user).toMatchObject({
      name: 'Tuula Turku',
      hasPassword: false,
      roles: [{ role: 'partner', organisationId: null, cityId: turku.id }],
    });
    const mail = await t.db.kysely.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('kontakt@turku.example');
    expect(mail.text_body).toMatch(/\/invite\/[\w-]+/);
    expect((await audit('user')).map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'invite.sent']),
    );
  });

  it('changes roles with the scope each role needs, and audits it', async () => {
    const user = await findUserByEmail(t.db.kysely, 'medarbetare@vanort.example');
    await admin.get(`/admin/users/${user!.id}`);
    const missing = await admin.post(`/admin/users/${user!.id}/roles`, {
      roles: ['staff', 'reporter'],
      organisation: '',
      city: '',
    });
    expectRefused(missing, ['Välj den förvaltning eller det bolag som rapportören tillhör']);
    expect(
      (await findUserByEmail(t.db.kysely, 'medarbetare@vanort.example'))!.roles.map((r) => r.role),
    ).toEqual(['staff']);

    const org = await rowWhere(t.db, 'organisation', { slug: 'liseberg' }, ['id']);
    const ok = await admin.post(`/admin/users/${user!.id}/roles`, {
      roles: ['staff', 'reporter'],
      organisation: org.id,
      city: '',
    });
    expect(ok.statusCode).toBe(303);
    const after = await findUserByEmail(t.db.kysely, 'medarbetare@vanort.example');
    expect(after!.roles).toEqual(
      expect.arrayContaining([
        { role: 'reporter', organisationId: org.id, cityId: null },
        { role: 'staff', organisationId: null, cityId: null },
      ]),
    );
    const events = await audit('user');
    expect(
      events.some((e) => e.action === 'roles.change' && e.actor_label === 'admin@vanort.example'),
    ).toBe(true);
    const bogus = await admin.post(`/admin/users/${user!.id}/roles`, { roles: ['emperor'] });
    expect(bogus.statusCode).toBe(400);
  });

  it('deactivates and reactivates a user, but never the administrator themselves', async () => {
    const user = await findUserByEmail(t.db.kysely, 'presidiet@vanort.example');
    await admin.get(`/admin/users/${user!.id}`);
    expect((await admin.post(`/admin/users/${user!.id}/active`, { active: '0' })).statusCode).toBe(
      303,
    );
    expect((await findUserByEmail(t.db.kysely, 'presidiet@vanort.example'))!.active).toBe(false);
    await admin.get(`/admin/users/${user!.id}`);
    await admin.post(`/admin/users/${user!.id}/active`, { active: '1' });
    expect((await findUserByEmail(t.db.kysely, 'presidiet@vanort.example'))!.active).toBe(true);
    const self = await findUserByEmail(t.db.kysely, 'admin@vanort.example');
    await admin.get(`/admin/users/${self!.id}`);
    expect((await admin.post(`/admin/users/${self!.id}/active`, { active: '0' })).statusCode).toBe(
      400,
    );
    expect((await findUserByEmail(t.db.kysely, 'admin@vanort.example'))!.active).toBe(true);
    expect((await audit('user')).map((e) => e.action)).toEqual(
      expect.arrayContaining(['deactivate', 'activate']),
    );
  });

  it('maintains the register of administrations and companies', async () => {
    await admin.get('/admin/organisations');
    const empty = await postOrganisation(admin, ['', 'company', 'not-an-email']);
    expectRefused(empty, ['Ange ett namn', 'Ange en e-postadress i rätt format']);
    const dup = await postOrganisation(admin, ['Liseberg AB', 'company', '']);
    expectRefused(dup, ['Det finns redan']);
    const ok = await postOrganisation(admin, [
      'Park- och naturförvaltningen',
      'administration',
      'park@example.org',
    ]);
    expect(ok.statusCode).toBe(303);
    const org = await rowWhere(t.db, 'organisation', { name: 'Park- och naturförvaltningen' });
    expect(org.slug).toBe('park-och-naturforvaltningen');
    await admin.get(`/admin/organisations/${org.id}`);
    expect(
      (await postOrganisation(admin, ['Park och natur', 'administration', ''], org.id)).statusCode,
    ).toBe(303);
    await admin.get('/admin/organisations');
    expect(
      (await admin.post(`/admin/organisations/${org.id}/active`, { active: '0' })).statusCode,
    ).toBe(303);
    const after = await rowWhere(t.db, 'organisation', { id: org.id });
    expect(after).toMatchObject({ name: 'Park och natur', email: null, active: 0 });
    expect((await audit('organisation')).map((e) => e.action)).toEqual([
      'create',
      'update',
      'deactivate',
    ]);
  });

  it('lists the audit trail with filters and exports it as CSV', async () => {
    const all = await admin.get('/admin/audit');
    expectPage(all, 200, ['login']);
    const byUser = await admin.get('/admin/audit?user=ADMIN%40vanort.example&entity=organisation');
    expect(byUser.body).toContain('Park- och naturförvaltningen');
    expect(byUser.body).not.toContain('login.failed');
    const badDate = await admin.get('/admin/audit?from=2026-13-45');
    expectPage(badDate, 400, ['Ange datum som ÅÅÅÅ-MM-DD']);
    // One date style (decision 012): text fields with the format as a hint, the summary first.
    expect(badDate.body).not.toContain('type="date"');
    expect(badDate.body).toContain('<a href="#from">');
    expect(badDate.body).toMatch(
      /<input class="input input-short" id="from" name="from" type="text" value="2026-13-45"/,
    );
    const future = await admin.get('/admin/audit?from=2999-01-01');
    expect(future.body).toContain('Inga händelser matchar filtret.');

    const csv = await admin.get('/admin/audit.csv?entity=organisation');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="vanort-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('occurred_at,actor,actor_user_id,ip,entity,entity_id,action,changes');
    expect(lines.slice(1).map((l) => l.split(',')[6])).toEqual(['create', 'update', 'deactivate']);
    expect(csv.body).toContain('Park- och naturförvaltningen');
  });

  it('shows the mail outbox', async () => {
    await t.db.kysely.transaction().execute((trx) =>
      t.app.mailer.send(trx, {
        to: 'someone@example.org',
        subject: 'Inbjudan till Vänortsportalen',
        text: 'Hej Åsa!',
      }),
    );
    const res = await admin.get('/admin/outbox');
    expectPage(res, 200, ['Inbjudan till Vänortsportalen', 'Hej Åsa!']);
  });
});

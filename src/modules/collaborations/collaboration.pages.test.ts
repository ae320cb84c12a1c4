import { beforeAll, expect, it } from 'vitest';
import type { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRefused, oddPostFailures } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { createUser } from '../accounts/account.service.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { searchKnowledge } from './knowledge.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

const good = (overrides: Record<string, string | string[]> = {}) => ({
  organisation: 'kulturforvaltningen',
  title: 'Biblioteksutbyte med Bergen',
  cities: ['bergen'],
  areas: ['culture'],
  kind: 'knowledge_exchange',
  status: 'ongoing',
  startsOn: '2026-02-01',
  endsOn: '2027-06-30',
  goals: 'Dela metoder för läsfrämjande bland unga.',
  results: 'Två gemensamma bokcirklar.',
  contactName: 'Klara Kultur',
  contactEmail: 'klara@example.org',
  fundingKind: 'own_budget',
  fundingProgramme: '',
  fundingAmount: '120 000',
  strategyTags: 'Barn och unga, Kultur',
  visibility: 'public',
  ...overrides,
});

const idFrom = (location: unknown) => /\/([0-9a-f-]{36})$/.exec(String(location))![1]!;

describeEachDialect('collaboration pages', (dialect) => {
  const t = useTestApp(dialect);
  const [reporter, coordinator, staff] = useSignedIn(
    t,
    DEMO_EMAIL.reporter,
    DEMO_EMAIL.coordinator,
    DEMO_EMAIL.staff,
  );
  let other: TestAgent;

  beforeAll(async () => {
    const school = await rowWhere(t.db, 'organisation', { slug: 'utbildningsforvaltningen' }, [
      'id',
    ]);
    await createUser(t.db, SYSTEM_ACTOR, {
      email: 'skola.rapportor@vanort.example',
      name: 'Sven Skola',
      roles: [{ role: 'reporter', organisationId: school.id, cityId: null }],
      password: 'a long enough school password',
    });
    other = await signedIn(
      t.app,
      'skola.rapportor@vanort.example',
      'a long enough school password',
    );
  });

  it('registers, returns, fixes and acknowledges a collaboration, which then is public', async () => {
    expect((await reporter.get('/workspace/collaborations/new')).statusCode).toBe(200);
    const created = await reporter.post('/workspace/collaborations/new', good());
    expect(created.statusCode, created.body.slice(0, 3000)).toBe(303);
    const id = idFrom(created.headers.location);
    const page = await reporter.get(`/workspace/collaborations/${id}`);
    expect(page.body).toContain('Inskickat');

    /** The coordinator's review form, posted. */
    const review = (decision: string, comment: string) =>
      coordinator.post(`/workspace/collaborations/${id}/review`, { decision, comment });

    // Not public before it is acknowledged.
    expect((await t.app.inject(`/collaborations/${id}`)).statusCode).toBe(404);
    const queue = await coordinator.get('/workspace/review');
    expect(queue.body).toContain('Biblioteksutbyte med Bergen');

    // Returning needs a comment.
    await coordinator.get(`/workspace/collaborations/${id}`);
    const noComment = await review('return', '');
    expectRefused(noComment, ['Skriv vad som behöver kompletteras']);
    const returned = await review('return', 'Ange resultaten för 2026.');
    expect(returned.statusCode).toBe(303);
    const mails = await t.db.kysely
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', '%Biblioteksutbyte%')
      .execute();
    expect(mails.map((m) => m.to_address)).toContain('rapportor@vanort.example');
    const seen = await reporter.get(`/workspace/collaborations/${id}`);
    expect(seen.body).toContain('Ange resultaten för 2026.');
    expect(seen.body).toContain('Återskickat för komplettering');

    await reporter.get(`/workspace/collaborations/${id}/edit`);
    const fixed = await reporter.post(
      `/workspace/collaborations/${id}/edit`,
      good({ results: 'Två bokcirklar och en gemensam läsvecka.' }),
    );
    expect(fixed.statusCode).toBe(303);
    await coordinator.get(`/workspace/collaborations/${id}`);
    const ack = await review('acknowledge', '');
    expect(ack.statusCode).toBe(303);
    // A second review of the same submission is refused, with a message, and changes nothing.
    await coordinator.get(`/workspace/collaborations/${id}`);
    const again = await review('return', 'En gång till');
    expectRefused(again, ['Det här är redan granskat']);
    const pub = await t.app.inject(`/collaborations/${id}`);
    expectPage(pub, 200, ['gemensam läsvecka']);
    expect(pub.body).not.toContain('klara@example.org');
    expect((await t.app.inject('/collaborations?city=bergen')).body).toContain(
      'Biblioteksutbyte med Bergen',
    );
    expect((await t.app.inject('/cities/bergen')).body).toContain('Biblioteksutbyte med Bergen');
    const events = await t.db.kysely
      .selectFrom('review_event')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'acknowledged',
    ]);
    const audit = await rowsWhere(t.db, 'audit_event', { entity_id: id }, ['action']);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'acknowledge',
      'create',
      'return',
      'update',
    ]);
  });

  it('registers an exchange and refuses bad ones field by field', async () => {
    const bad = await reporter.submit('/workspace/exchanges/new', {
      organisation: 'kulturforvaltningen',
      city: 'paris',
      occurredOn: '2026-13-01',
      direction: '',
      participants: '0',
      activities: '',
      learnings: '',
      visibility: 'public',
    });
    expect(bad.statusCode).toBe(400);
    for (const text of [
      'Välj en av vänorterna',
      'Skriv ett giltigt datum',
      'Välj riktning',
      'heltal från 1 till 10 000',
      'Beskriv vad som gjordes',
    ])
      expect(bad.body).toContain(text);
    const ok = await reporter.post('/workspace/exchanges/new', {
      organisation: 'kulturforvaltningen',
      city: 'turku',
      occurredOn: '2026-05-12',
      direction: 'visit_to',
      participants: '12',
      activities: 'Studiebesök på Åbo stadsbibliotek om lägerskolan för läsare.',
      learnings: 'Meröppna bibliotek kräver tydlig skyltning.',
      visibility: 'public',
    });
    expect(ok.statusCode, ok.body.slice(0, 2000)).toBe(303);
    const inTurku = await reporter.get('/workspace/exchanges?city=turku&year=2024');
    expect(inTurku.body).toContain('Lägerskolan i Åbo skärgård.');
    expect(inTurku.body).not.toContain('Lägerskolan i Bergen');
    expect(inTurku.body).not.toContain('Studiebesök på Åbo stadsbibliotek'); // 2026
  });

  it("keeps the knowledge bank's city and area filters right when a collaboration's links change", async () => {
    const page = { limit: 20, offset: 0 };
    const ids = async (filters: Record<string, string>) =>
      (await searchKnowledge(t.db, { q: 'zebrafink', ...filters }, page)).hits
        .map((h) => h.entity)
        .sort();
    await reporter.get('/workspace/collaborations/new');
    const created = await reporter.post(
      '/workspace/collaborations/new',
      good({ title: 'Fågelskådning i vänorterna', goals: 'Räkna zebrafinkar tillsammans.' }),
    );
    expect(created.statusCode, created.body.slice(0, 2000)).toBe(303);
    const id = idFrom(created.headers.location);
    const exchange = await reporter.submit('/workspace/exchanges/new', {
      organisation: 'kulturforvaltningen',
      collaboration: id,
      city: 'turku',
      occurredOn: '2026-05-12',
      direction: 'digital',
      participants: '5',
      activities: 'Digitalt möte om zebrafinkar.',
      learnings: 'Zebrafinkar trivs i Åbo.',
      visibility: 'public',
    });
    expect(exchange.statusCode, exchange.body.slice(0, 2000)).toBe(303);

    expect(await ids({})).toEqual(['collaboration', 'exchange']);
    expect(await ids({ city: 'bergen' })).toEqual(['collaboration']);
    expect(await ids({ city: 'turku' })).toEqual(['exchange']);
    // The exchange is found by its collaboration's areas.
    expect(await ids({ area: 'culture' })).toEqual(['collaboration', 'exchange']);
    expect(await ids({ area: 'school' })).toEqual([]);
    expect(await ids({ area: 'culture', city: 'turku' })).toEqual(['exchange']);
    expect(await ids({ area: 'no-such-area' })).toEqual([]);

    await reporter.get(`/workspace/collaborations/${id}/edit`);
    const edited = await reporter.post(
      `/workspace/collaborations/${id}/edit`,
      good({
        title: 'Fågelskådning i vänorterna',
        goals: 'Räkna zebrafinkar tillsammans.',
        cities: ['aarhus'],
        areas: ['school'],
      }),
    );
    expect(edited.statusCode, edited.body.slice(0, 2000)).toBe(303);
    expect(await ids({ city: 'bergen' })).toEqual([]);
    expect(await ids({ city: 'aarhus' })).toEqual(['collaboration']);
    expect(await ids({ area: 'culture' })).toEqual([]);
    expect(await ids({ area: 'school' })).toEqual(['collaboration', 'exchange']);
    // An empty query with a filter lists the newest documents of that area.
    const listed = await searchKnowledge(t.db, { area: 'school' }, page);
    expect(listed.hits.map((h) => h.id)).toContain(id);
  });

  it('refuses dates out of order, unknown cities and areas, empty titles and oversized text, in Swedish and English', async () => {
    const bad = good({
      title: '',
      cities: ['paris'],
      areas: ['astrology'],
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
      fundingAmount: '-5',
      contactEmail: 'inte-en-adress',
    });
    // The same refusal in the language the form was opened in: Swedish, then English.
    for (const [form, texts] of [
      [
        '/workspace/collaborations/new',
        [
          'Skriv en titel',
          'Välj en av vänorterna Aarhus, Bergen eller Åbo',
          'Välj områden ur listan',
          'Slutdatum kan inte vara före startdatum',
          'Skriv beloppet i hela kronor',
          'Skriv en giltig e-postadress',
          'href="#endsOn"',
          'value="2026-04-01"',
        ],
      ],
      [
        '/workspace/collaborations/new?lang=en',
        [
          'Enter a title',
          'Choose one of the twin cities Aarhus, Bergen or Turku',
          'Choose areas from the list',
          'The end date cannot be before the start date',
        ],
      ],
    ] as const) {
      await reporter.get(form);
      const res = await reporter.post('/workspace/collaborations/new', bad);
      expect(res.statusCode, form).toBe(400);
      for (const text of texts) expect(res.body, form).toContain(text);
    }
    // Oversized text is refused by the form reader, before the checks against the data.
    await reporter.get('/workspace/collaborations/new?lang=en');
    const long = await reporter.post(
      '/workspace/collaborations/new',
      good({ goals: 'x'.repeat(10_001) }),
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(
      '<a href="#goals">Enter at most 10,000 characters. You entered 10,001.',
    );
    await reporter.get('/workspace/collaborations?lang=sv');
    const count = await t.db.kysely
      .selectFrom('collaboration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', '')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("does not let a reporter change another organisation's collaboration", async () => {
    await reporter.get('/workspace/collaborations/new');
    const created = await reporter.post(
      '/workspace/collaborations/new',
      good({ title: 'Kulturens egen' }),
    );
    const id = idFrom(created.headers.location);
    const form = await other.get(`/workspace/collaborations/${id}/edit`);
    expectPage(form, 403, ['Du kan bara rapportera för din egen organisation']);
    await other.get('/workspace/collaborations/new');
    const post = await other.post(
      `/workspace/collaborations/${id}/edit`,
      good({ title: 'Kapad', organisation: 'utbildningsforvaltningen' }),
    );
    expect(post.statusCode).toBe(403);
    const asOwn = await other.post(
      '/workspace/collaborations/new',
      good({ title: 'I annans namn' }),
    );
    expectRefused(asOwn, ['Du kan bara rapportera för din egen organisation']);
    const row = await rowWhere(t.db, 'collaboration', { id }, ['title']);
    expect(row.title).toBe('Kulturens egen');
    // Staff read, without an edit link.
    const read = await staff.get(`/workspace/collaborations/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`/workspace/collaborations/${id}/edit`);
    expect((await staff.get(`/workspace/collaborations/${id}/edit`)).statusCode).toBe(403);
  });

  it('manages areas (coordinators)', async () => {
    const bad = await coordinator.submit('/workspace/areas', { nameSv: '', nameEn: 'Sea' });
    expect(bad.statusCode).toBe(400);
    const ok = await coordinator.post('/workspace/areas', {
      nameSv: 'Hav och sjöfart',
      nameEn: 'Sea',
    });
    expect(ok.statusCode).toBe(303);
    const area = await rowWhere(t.db, 'area', { name_sv: 'Hav och sjöfart' });
    expect(area.slug).toBe('sea');
    // A rename's problem links to the name field in the area's own row, not to the add form.
    const badRename = await coordinator.post(`/workspace/areas/${area.id}`, {
      nameSv: ' ',
      nameEn: 'Sea',
    });
    expectRefused(badRename, [`href="#sv-${area.id}"`]);
    expect(badRename.body).toMatch(new RegExp(`id="sv-${area.id}"[^>]*aria-invalid="true"`));
    expect(badRename.body).not.toContain('id="nameSv-error"');
    await reporter.get('/workspace/collaborations/new');
    const withSea = await reporter.post(
      '/workspace/collaborations/new',
      good({ title: 'Havsmiljö', areas: ['sea'] }),
    );
    expect(withSea.statusCode).toBe(303);
    const seaId = idFrom(withSea.headers.location);
    await coordinator.get('/workspace/areas');
    expect(
      (await coordinator.post(`/workspace/areas/${area.id}/active`, { active: '0' })).statusCode,
    ).toBe(303);
    // A deactivated area stays allowed where it already is, and cannot be chosen anew.
    await reporter.get(`/workspace/collaborations/${seaId}/edit`);
    const kept = await reporter.post(
      `/workspace/collaborations/${seaId}/edit`,
      good({ title: 'Havsmiljö och sjöfart', areas: ['sea'] }),
    );
    expect(kept.statusCode).toBe(303);
    await reporter.get('/workspace/collaborations/new');
    const anew = await reporter.post(
      '/workspace/collaborations/new',
      good({ title: 'Ny havsmiljö', areas: ['sea'] }),
    );
    expectRefused(anew, ['Välj områden ur listan']);
    const after = await rowWhere(t.db, 'area', { id: area.id }, ['active']);
    expect(after.active).toBe(0);
  });

  it('answers odd input without a server error', async () => {
    const [anyId] = await t.db.kysely.selectFrom('collaboration').select('id').limit(1).execute();
    const [anyExchange] = await t.db.kysely.selectFrom('exchange').select('id').limit(1).execute();
    const bodies: Record<string, string | string[]>[] = [
      {},
      { title: ['a', 'b'], cities: 'bergen', areas: 'culture', kind: ['x'], fundingAmount: '1e9' },
      { title: 'x'.repeat(50_000), goals: '\u0000', startsOn: '0000-00-00', endsOn: '9999-99-99' },
      { organisation: '../../etc', cities: Array.from({ length: 200 }, (_, i) => `c${i}`) },
      { participants: '99999999999999999999', occurredOn: '2026-02-30', collaboration: 'nope' },
      { decision: 'acknowledge', comment: 'y'.repeat(5000) },
      { ...good({ title: 'Nul\u0000tecken', goals: 'a\u0000b' }) },
      { decision: 'return', comment: 'nul\u0000', nameSv: 'Nul\u0000', nameEn: 'Nul' },
      { nameSv: ' ', nameEn: 'z'.repeat(300), active: ['1', '0'] },
    ];
    const posts = [
      '/workspace/collaborations/new',
      `/workspace/collaborations/${anyId!.id}/edit`,
      `/workspace/collaborations/${anyId!.id}/review`,
      '/workspace/exchanges/new',
      `/workspace/exchanges/${anyExchange!.id}/edit`,
      `/workspace/exchanges/${anyExchange!.id}/review`,
      '/workspace/areas',
      '/workspace/collaborations/no-such-id/edit',
      '/workspace/exchanges/no-such-id/review',
      '/workspace/areas/no-such-id',
    ];
    const problems: string[] = [];
    for (const agent of [reporter, coordinator])
      problems.push(...(await oddPostFailures(agent, '/workspace/collaborations', posts, bodies)));
    for (const url of [
      '/workspace/collaborations?page=abc&year=20x6&city=%00&status=nope&kind[]=a',
      '/workspace/exchanges?page=-1&year=99999',
      '/workspace/knowledge?q=%22NEAR(&page=999999',
      '/collaborations?page=9999999&organisation=%27',
      '/collaborations/%27%20or%201=1',
      `/workspace/collaborations/${'x'.repeat(101)}`,
    ]) {
      const res = await coordinator.get(url);
      if (res.statusCode >= 500) problems.push(`GET ${url} ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { tinyPdf } from '../../src/modules/meetings/meeting.demo.ts';
import { TestAgent } from '../helpers/agent.ts';
import { collaborationForm } from '../helpers/collaboration-fixtures.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * What a partner contact (role `partner`, scoped to one twin city; the demo account
 * bergen@vanort.example) may read of Gothenburg's workspace (decision 016, issue 17):
 * public collaborations, and the collaborations and exchanges of their own city without
 * the City of Gothenburg's staff contacts; no other city's internal ones, no knowledge
 * bank, no exports; a meeting's internal documents only of meetings their city takes part
 * in (hosts, or has a delegation to).
 */

/** Staff contact data written into the collaborations below: never on a partner's page. */
const STAFF_CONTACTS = [
  'Kim Kontaktperson',
  'kim.kontaktperson@goteborg.se',
  'Pia Publik',
  'pia.publik@goteborg.se',
  'Ulla Intern',
  'ulla.intern@goteborg.se',
  'Olle Öppen',
  'olle.oppen@goteborg.se',
];

/** The demo's Gothenburg staff (reviewers, reporters): no name or address of theirs either. */
const STAFF_ACCOUNTS = [
  'Sara Samordnare',
  'samordnare@vanort.example',
  'Rasmus Rapportör',
  'rapportor@vanort.example',
  'Maja Medarbetare',
  'medarbetare@vanort.example',
  'Per Presidiet',
  'presidiet@vanort.example',
  'Selma Sekretariatet',
  'sekretariatet@vanort.example',
  'Alva Admin',
  'admin@vanort.example',
];

/** A Gothenburg delegate's phone number (private logistics), added by the presidium. */
const GOTHENBURG_PHONE = '+46 31 365 00 00';

/** The shared valid form, without the contact or funding the cases here give themselves. */
const collaboration = (overrides: Record<string, string | string[]>) =>
  collaborationForm({ contactName: '', contactEmail: '', fundingKind: '', ...overrides });

const exchange = (overrides: Record<string, string>) => ({
  organisation: 'kulturforvaltningen',
  occurredOn: '2026-03-10',
  direction: 'visit_to',
  participants: '6',
  learnings: '',
  collaboration: '',
  ...overrides,
});

const idFrom = (location: unknown) => /\/([0-9a-f-]{36})$/.exec(String(location))![1]!;

/** The coordinator acknowledges a report (a public one is then published). */
async function acknowledge(coordinator: TestAgent, url: string) {
  await coordinator.get(url);
  const res = await coordinator.post(`${url}/review`, { decision: 'acknowledge', comment: '' });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
}

describeEachDialect('partner contacts’ access (decision 016)', (dialect) => {
  let t: TestApp;
  const agents = new Map<string, TestAgent>();
  const as = (who: string) => agents.get(who)!;
  const ids: Record<string, string> = {};
  let bergenToken = '';

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const [who, email] of [
      ['bergen', 'bergen@vanort.example'],
      ['coordinator', 'samordnare@vanort.example'],
      ['presidium', 'presidiet@vanort.example'],
      ['council', 'sekretariatet@vanort.example'],
      ['staff', 'medarbetare@vanort.example'],
      ['reporter', 'rapportor@vanort.example'],
    ] as const) {
      const agent = new TestAgent(t.app);
      expect((await agent.login(email, DEMO_PASSWORD)).statusCode, email).toBe(303);
      agents.set(who, agent);
    }
    const coordinator = as('coordinator');

    // Collaborations with contacts: Bergen's internal and public one, Aarhus's internal
    // and public one, acknowledged (so the public ones are published).
    for (const [key, values] of [
      [
        'bergenInternal',
        collaboration({
          title: 'Intern kulturdialog med Bergen',
          cities: ['bergen'],
          contactName: 'Kim Kontaktperson',
          contactEmail: 'kim.kontaktperson@goteborg.se',
          visibility: 'internal',
        }),
      ],
      [
        'bergenPublic',
        collaboration({
          title: 'Öppen scenkonst med Bergen',
          cities: ['bergen', 'turku'],
          contactName: 'Pia Publik',
          contactEmail: 'pia.publik@goteborg.se',
          visibility: 'public',
        }),
      ],
      [
        'aarhusInternal',
        collaboration({
          title: 'Intern energidialog med Aarhus',
          cities: ['aarhus'],
          contactName: 'Ulla Intern',
          contactEmail: 'ulla.intern@goteborg.se',
          visibility: 'internal',
        }),
      ],
      [
        'aarhusPublic',
        collaboration({
          title: 'Öppen läsfest med Aarhus',
          cities: ['aarhus'],
          contactName: 'Olle Öppen',
          contactEmail: 'olle.oppen@goteborg.se',
          visibility: 'public',
        }),
      ],
    ] as const) {
      await coordinator.get('/workspace/collaborations/new');
      const res = await coordinator.post('/workspace/collaborations/new', values);
      expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
      ids[key] = idFrom(res.headers.location);
      await acknowledge(coordinator, `/workspace/collaborations/${ids[key]}`);
    }
    for (const [key, values] of [
      [
        'bergenExchange',
        exchange({
          city: 'bergen',
          activities: 'Internt studiebesök i Bergens hamn',
          collaboration: ids.bergenInternal!,
          visibility: 'internal',
        }),
      ],
      [
        'aarhusExchange',
        exchange({
          city: 'aarhus',
          activities: 'Internt besök hos Aarhus fjärrvärme',
          collaboration: ids.aarhusInternal!,
          visibility: 'internal',
        }),
      ],
      [
        // Public itself, but within Aarhus's internal collaboration: not public anywhere.
        'aarhusPublicExchange',
        exchange({
          city: 'aarhus',
          activities: 'Öppet besök inom en intern dialog',
          collaboration: ids.aarhusInternal!,
          visibility: 'public',
        }),
      ],
    ] as const) {
      await coordinator.get('/workspace/exchanges/new');
      const res = await coordinator.post('/workspace/exchanges/new', values);
      expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
      ids[key] = idFrom(res.headers.location);
      await acknowledge(coordinator, `/workspace/exchanges/${ids[key]}`);
    }
    const energy = await t.db.kysely
      .selectFrom('collaboration')
      .select('id')
      .where('title', '=', 'Fjärrvärme och spillvärme')
      .executeTakeFirstOrThrow();
    ids.demoInternal = energy.id;

    // Internal documents of three meetings: 2021 (Bergen hosts), 2023 (Aarhus hosts,
    // Bergen sent no delegation), 2027 (Gothenburg hosts, Bergen's delegation confirmed).
    const meetings = await t.db.kysely.selectFrom('meeting').select(['id', 'year']).execute();
    const meeting = (year: number) => meetings.find((m) => m.year === year)!.id;
    for (const [key, year, title] of [
      ['doc2021', 2021, 'Bergens interna program 2021'],
      ['doc2023', 2023, 'Interna anteckningar Aarhus 2023'],
      ['doc2027', 2027, 'Praktisk information 2027'],
    ] as const) {
      const base = `/workspace/meetings/${meeting(year)}`;
      await coordinator.get(base);
      const res = await coordinator.postMultipart(
        `${base}/documents`,
        { docKind: 'other', docTitle: title, docVisibility: 'internal' },
        { field: 'docFile', filename: `${key}.pdf`, type: 'application/pdf', data: tinyPdf(title) },
      );
      expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
      const doc = await t.db.kysely
        .selectFrom('meeting_document')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow();
      ids[`${key}Meeting`] = meeting(year);
      ids[key] = doc.id;
    }
    const agenda = await t.db.kysely
      .selectFrom('meeting_document')
      .select(['id', 'meeting_id'])
      .where('title', '=', 'Dagordning 2027')
      .executeTakeFirstOrThrow();
    ids.publicDoc = agenda.id;

    // A Gothenburg delegate with a phone number (private logistics, the presidium's).
    const presidium = as('presidium');
    const delegation = `/workspace/meetings/${meeting(2027)}/delegations/goteborg`;
    await presidium.get(delegation);
    const added = await presidium.post(`${delegation}/members`, {
      name: 'Greta Göteborg',
      title: 'Ledamot',
      affiliation: 'Centerpartiet',
      phone: GOTHENBURG_PHONE,
    });
    expect(added.statusCode, added.body.slice(0, 2000)).toBe(303);

    const bergen = await t.db.kysely
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'bergen@vanort.example')
      .executeTakeFirstOrThrow();
    ({ token: bergenToken } = await createApiToken(
      t.db,
      { userId: bergen.id, label: 'bergen', ip: null },
      bergen.id,
      { name: 'partner access test', expiresInDays: 1 },
    ));
  });
  afterAll(() => t.close());

  const api = (url: string) =>
    t.app.inject({ url, headers: { authorization: `Bearer ${bergenToken}` } });

  describe('collaborations and exchanges', () => {
    it('refuses another city’s internal collaboration and exchange (page and API)', async () => {
      const bergen = as('bergen');
      for (const id of [ids.aarhusInternal, ids.demoInternal]) {
        const res = await bergen.get(`/workspace/collaborations/${id}`);
        expect([403, 404], `collaboration ${id}`).toContain(res.statusCode);
        expect(res.body).not.toContain('Intern energidialog med Aarhus');
        expect([403, 404]).toContain((await api(`/api/v1/collaborations/${id}`)).statusCode);
      }
      for (const id of [ids.aarhusExchange, ids.aarhusPublicExchange]) {
        const res = await bergen.get(`/workspace/exchanges/${id}`);
        expect([403, 404], `exchange ${id}`).toContain(res.statusCode);
      }
      const list = await bergen.get('/workspace/collaborations');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('Intern energidialog med Aarhus');
      expect(list.body).not.toContain('Fjärrvärme och spillvärme');
      // Returned to its reporter, with Aarhus and Turku only: neither Bergen's nor public.
      expect(list.body).not.toContain('Unga läsare i vänorterna');
      const filtered = await bergen.get('/workspace/collaborations?city=aarhus');
      expect(filtered.body).not.toContain('Intern energidialog med Aarhus');
      expect(filtered.body).toContain('Öppen läsfest med Aarhus');
      const exchanges = await bergen.get('/workspace/exchanges');
      expect(exchanges.statusCode).toBe(200);
      expect(exchanges.body).not.toContain('Internt besök hos Aarhus fjärrvärme');
      expect(exchanges.body).not.toContain('Öppet besök inom en intern dialog');
      const titles = (await api('/api/v1/collaborations?limit=200'))
        .json<{ data: { title: string }[] }>()
        .data.map((c) => c.title);
      expect(titles).not.toContain('Intern energidialog med Aarhus');
      expect(titles).not.toContain('Fjärrvärme och spillvärme');
      const csv = (await api('/api/v1/collaborations.csv')).body;
      expect(csv).not.toContain('Intern energidialog med Aarhus');
      expect(csv).toContain('Intern kulturdialog med Bergen');
    });

    it('shows Bergen’s own and the public ones, without staff contacts or the review', async () => {
      const bergen = as('bergen');
      const list = await bergen.get('/workspace/collaborations');
      for (const title of [
        'Intern kulturdialog med Bergen',
        'Öppen scenkonst med Bergen',
        'Öppen läsfest med Aarhus',
        // Bergen's, submitted by Kulturförvaltningen and not yet reviewed.
        'Gatukonst på vänorternas väggar',
      ])
        expect(list.body, title).toContain(title);
      for (const key of ['bergenInternal', 'bergenPublic', 'aarhusPublic']) {
        const res = await bergen.get(`/workspace/collaborations/${ids[key]}`);
        expect(res.statusCode, key).toBe(200);
        for (const contact of STAFF_CONTACTS) expect(res.body, key).not.toContain(contact);
        expect(res.body, key).not.toContain('mailto:');
        expect(res.body, key).not.toContain('id="review-title"');
      }
      const own = await bergen.get(`/workspace/collaborations/${ids.bergenInternal}`);
      expect(own.body).toContain('Internt studiebesök i Bergens hamn');
      const ownExchange = await bergen.get(`/workspace/exchanges/${ids.bergenExchange}`);
      expect(ownExchange.statusCode).toBe(200);
      expect(ownExchange.body).toContain('Internt studiebesök i Bergens hamn');
      expect(ownExchange.body).not.toContain('id="review-title"');
      expect((await bergen.get('/workspace/exchanges')).body).toContain(
        'Internt studiebesök i Bergens hamn',
      );

      // The API: the same selection, and no contact or review fields.
      const item = await api(`/api/v1/collaborations/${ids.bergenInternal}`);
      expect(item.statusCode).toBe(200);
      expect(item.json()).not.toHaveProperty('contact');
      expect(item.json()).not.toHaveProperty('review');
      const data = (await api('/api/v1/collaborations?limit=200')).json<{
        data: { title: string; contact?: unknown; review?: unknown }[];
      }>().data;
      expect(data.map((c) => c.title)).toContain('Intern kulturdialog med Bergen');
      expect(data.every((c) => c.contact === undefined && c.review === undefined)).toBe(true);

      // Gothenburg's own roles still read them with the contacts.
      const staff = await as('staff').get(`/workspace/collaborations/${ids.aarhusInternal}`);
      expect(staff.statusCode).toBe(200);
      expect(staff.body).toContain('ulla.intern@goteborg.se');
    });

    it('refuses partners the exports and the knowledge bank, and offers neither', async () => {
      const bergen = as('bergen');
      for (const url of [
        '/workspace/collaborations/export.csv',
        '/workspace/collaborations/export.xlsx',
        '/workspace/collaborations/export.csv?city=bergen',
        '/workspace/knowledge',
        '/workspace/knowledge?q=kultur',
      ])
        expect((await bergen.get(url)).statusCode, url).toBe(403);
      const list = (await bergen.get('/workspace/collaborations')).body;
      expect(list).not.toContain('export.csv');
      expect(list).not.toContain('href="/workspace/knowledge"');
      expect((await bergen.get('/workspace')).body).not.toContain('href="/workspace/knowledge"');
      // Gothenburg's own staff keep both.
      const csv = await as('staff').get('/workspace/collaborations/export.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('kim.kontaktperson@goteborg.se');
      expect((await as('staff').get('/workspace/knowledge?q=kultur')).statusCode).toBe(200);
    });
  });

  describe('meeting documents', () => {
    const doc = (key: string) => `/meetings/${ids[`${key}Meeting`]}/documents/${ids[key]}`;

    it('serves a partner the internal documents of meetings their city takes part in only', async () => {
      const bergen = as('bergen');
      expect((await bergen.get(doc('doc2023'))).statusCode).toBe(403);
      expect((await bergen.get(doc('doc2027'))).statusCode).toBe(200); // Bergen's delegation
      expect((await bergen.get(doc('doc2021'))).statusCode).toBe(200); // Bergen hosted
      const agenda = await bergen.get(`/meetings/${ids.doc2027Meeting}/documents/${ids.publicDoc}`);
      expect(agenda.statusCode).toBe(200);
      expect(agenda.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // The meeting pages list only what the reader may open.
      for (const url of [
        `/meetings/${ids.doc2023Meeting}`,
        `/workspace/meetings/${ids.doc2023Meeting}`,
      ]) {
        const page = await bergen.get(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).not.toContain('Interna anteckningar Aarhus 2023');
      }
      expect((await bergen.get(`/meetings/${ids.doc2027Meeting}`)).body).toContain(
        'Praktisk information 2027',
      );
    });

    it('serves Gothenburg’s meeting roles every internal document, other roles none', async () => {
      for (const who of ['coordinator', 'presidium', 'council'])
        for (const key of ['doc2021', 'doc2023', 'doc2027'])
          expect((await as(who).get(doc(key))).statusCode, `${who} ${key}`).toBe(200);
      for (const who of ['staff', 'reporter']) {
        expect((await as(who).get(doc('doc2027'))).statusCode, who).toBe(403);
        const page = await as(who).get(`/meetings/${ids.doc2027Meeting}`);
        expect(page.body, who).not.toContain('Praktisk information 2027');
        expect(page.body, who).toContain('Dagordning 2027');
      }
      // Visitors: not found, as before; the public agenda for everyone.
      expect((await t.app.inject({ url: doc('doc2027') })).statusCode).toBe(404);
      const agenda = `/meetings/${ids.doc2027Meeting}/documents/${ids.publicDoc}`;
      expect((await t.app.inject({ url: agenda })).statusCode).toBe(200);
    });

    it('keeps a document the registrar marked secret from partner contacts, even of a city taking part', async () => {
      // Bergen hosted 2021, so its partner contact reads that meeting's internal documents;
      // a secret one (records module, decision 040) is Gothenburg's meeting roles' only.
      const bergen = as('bergen');
      const setSecret = (secret: number) =>
        t.db.kysely
          .updateTable('meeting_document')
          .set({ secret })
          .where('id', '=', ids.doc2021!)
          .execute();
      await setSecret(1);
      try {
        expect((await bergen.get(doc('doc2021'))).statusCode).toBe(403);
        const page = await bergen.get(`/meetings/${ids.doc2021Meeting}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).not.toContain(`/documents/${ids.doc2021}`);
        for (const who of ['coordinator', 'presidium', 'council'])
          expect((await as(who).get(doc('doc2021'))).statusCode, who).toBe(200);
        expect((await as('coordinator').get(`/meetings/${ids.doc2021Meeting}`)).body).toContain(
          `/documents/${ids.doc2021}`,
        );
      } finally {
        await setSecret(0);
      }
      expect((await bergen.get(doc('doc2021'))).statusCode).toBe(200);
    });
  });

  it('shows a partner no staff e-mail address, name or phone number on any page it reaches', async () => {
    // Every workspace and meeting page the partner can reach by following links from the
    // workspace start page, and the pages of the collaborations and exchanges it may read.
    const bergen = as('bergen');
    const queue = [
      '/workspace',
      `/workspace/collaborations/${ids.bergenInternal}`,
      `/workspace/collaborations/${ids.bergenPublic}`,
      `/workspace/collaborations/${ids.aarhusPublic}`,
      `/workspace/exchanges/${ids.bergenExchange}`,
      `/meetings/${ids.doc2027Meeting}`,
    ];
    const seen = new Set<string>();
    const problems: string[] = [];
    while (queue.length > 0 && seen.size < 300) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await bergen.get(url);
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html'))
        continue;
      for (const text of [...STAFF_CONTACTS, ...STAFF_ACCOUNTS, GOTHENBURG_PHONE])
        if (res.body.includes(text)) problems.push(`${url} shows ${text}`);
      for (const [, href] of res.body.matchAll(/href="(\/(?:workspace|meetings)[^"#]*)"/g)) {
        const next = href!.replaceAll('&amp;', '&');
        if (/\.(pdf|xlsx|csv|ics)(\?|$)/.test(next) || /\/documents\//.test(next)) continue;
        if (!seen.has(next)) queue.push(next);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import { findUserByEmail } from '../../src/modules/accounts/user.repository.ts';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { tinyPdf } from '../../src/modules/meetings/meeting.demo.ts';
import { TestAgent } from '../helpers/agent.ts';
import { collaborationForm } from '../helpers/collaboration-fixtures.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Public pages stay true by construction (decision 011): with the page cache on and a
 * long TTL, every form and API write that changes public data shows on the next
 * anonymous request, although no route clears the cache. Each step warms the public pages
 * it changes (the second request must be a cache hit), writes as the right role, and
 * reads them again anonymously.
 */

const today = () => new Date().toISOString().slice(0, 10);
const idFrom = (location: unknown) => /\/([0-9a-f-]{36})$/.exec(String(location))![1]!;

/** Every input and textarea of a form as the page shows it, unescaped as a browser sends it. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    if (m[1] === '_csrf') continue;
    fields[m[1]!] = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    fields[m[1]!] = m[2]!;
  for (const [k, v] of Object.entries(fields))
    fields[k] = v
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  return fields;
}

describeEachDialect('public pages after writes, with the page cache on', (dialect) => {
  let t: TestApp;
  const agents: Record<
    'coordinator' | 'reporter' | 'council' | 'presidium' | 'bergen' | 'admin',
    TestAgent
  > = {} as never;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { PAGE_CACHE_TTL_MS: '60000' } });
    for (const [who, email] of [
      ['coordinator', 'samordnare@vanort.example'],
      ['reporter', 'rapportor@vanort.example'],
      ['council', 'sekretariatet@vanort.example'],
      ['presidium', 'presidiet@vanort.example'],
      ['bergen', 'bergen@vanort.example'],
      ['admin', 'admin@vanort.example'],
    ] as const) {
      agents[who] = new TestAgent(t.app);
      expect((await agents[who].login(email, DEMO_PASSWORD)).statusCode, email).toBe(303);
    }
    for (const email of ['samordnare@vanort.example', 'sekretariatet@vanort.example']) {
      const user = await findUserByEmail(t.db.kysely, email);
      const { token } = await createApiToken(
        t.db,
        { userId: user!.id, label: email, ip: null },
        user!.id,
        { name: 'public-data test' },
      );
      tokens.set(email, token);
    }
  });
  afterAll(() => t.close());

  const anonymous = (url: string) => t.app.inject({ url });

  /** Renders each page once and checks that the next request is served from the cache. */
  const warm = async (...urls: string[]) => {
    for (const url of urls) {
      const first = await anonymous(url);
      expect(first.statusCode, url).toBe(200);
      expect((await anonymous(url)).headers['x-cache'], `${url} is cached`).toBe('hit');
    }
  };

  /** Warms `urls`, writes, and expects the write's status (303 for forms). */
  const afterWarming = async (
    urls: string[],
    write: () => Promise<LightMyRequestResponse>,
    status = 303,
  ): Promise<LightMyRequestResponse> => {
    await warm(...urls);
    const res = await write();
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(status);
    return res;
  };

  const shows = async (url: string, ...texts: string[]) => {
    const res = await anonymous(url);
    expect(res.statusCode, url).toBe(200);
    for (const text of texts) expect.soft(res.body, `${url} shows ${text}`).toContain(text);
  };
  const hides = async (url: string, ...texts: string[]) => {
    const res = await anonymous(url);
    for (const text of texts)
      expect.soft(res.body, `${url} no longer shows ${text}`).not.toContain(text);
  };

  const form =
    (agent: TestAgent, formUrl: string, url: string, fields: Record<string, string | string[]>) =>
    async () => {
      await agent.get(formUrl);
      return agent.post(url, fields);
    };

  const api = (email: string, url: string, payload: Record<string, unknown>) => () =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${tokens.get(email)}` },
    });

  it('city facts edited by a coordinator', async () => {
    const { coordinator } = agents;
    const fields = formFields((await coordinator.get('/workspace/cities/bergen')).body);
    await afterWarming(['/cities/bergen', '/api/v1/cities/bergen', '/api/v1/cities'], () =>
      coordinator.post('/workspace/cities/bergen', {
        ...fields,
        population: '123 457',
        contactEmail: 'cacheprov@bergen.example',
      }),
    );
    await shows('/cities/bergen', 'href="mailto:cacheprov@bergen.example"');
    await shows('/api/v1/cities/bergen', '"population":123457');
    await shows('/api/v1/cities', '"population":123457');
  });

  it('a proposal and a council decision by forms, which make a city a twin city', async () => {
    const { coordinator, council } = agents;
    await afterWarming(
      ['/api/v1/cities?status=proposed', '/cities'],
      form(coordinator, '/workspace/proposals/new', '/workspace/proposals/new', {
        kind: 'establish_twin',
        city: 'new',
        slug: 'tromso',
        nameSv: 'Tromsø',
        nameEn: 'Tromsø',
        countryCode: 'no',
        latitude: '69.6492',
        longitude: '18.9553',
        title: 'Förslag: Tromsø som ny vänort',
        justification: 'Arktiskt samarbete mellan hamnstäder.',
      }),
    );
    await shows('/api/v1/cities?status=proposed', '"slug":"tromso"');
    const proposal = await t.db.kysely
      .selectFrom('proposal')
      .select('id')
      .where('title', '=', 'Förslag: Tromsø som ny vänort')
      .executeTakeFirstOrThrow();
    await coordinator.get('/workspace/proposals');
    expect((await coordinator.post(`/workspace/proposals/${proposal.id}/send`)).statusCode).toBe(
      303,
    );

    const formUrl = `/workspace/decisions/new?proposal=${proposal.id}`;
    await afterWarming(
      ['/api/v1/cities/tromso', '/cities/tromso', '/decisions', '/api/v1/decisions'],
      async () => {
        await council.get(formUrl);
        return council.postMultipart(formUrl, {
          body: 'KF',
          meetingDate: today(),
          section: '§ 12',
          caseNumber: 'SLK-2026-01047',
          title: 'Vänortssamarbete med Tromsø (formulär)',
          outcome: 'approved',
          link: 'https://goteborg.se/kf/protokoll',
          finalOn: '',
        });
      },
    );
    await shows('/api/v1/cities/tromso', '"status":"active"');
    await shows('/decisions', 'Vänortssamarbete med Tromsø (formulär)');
    await shows('/api/v1/decisions', 'Vänortssamarbete med Tromsø (formulär)');
    const decision = await t.db.kysely
      .selectFrom('council_decision')
      .select('id')
      .where('title', '=', 'Vänortssamarbete med Tromsø (formulär)')
      .executeTakeFirstOrThrow();
    await shows(`/decisions/${decision.id}`, 'Tromsø');
  });

  it('a proposal and a decision through the API', async () => {
    await afterWarming(
      ['/api/v1/cities', '/api/v1/cities?status=proposed'],
      api('samordnare@vanort.example', '/api/v1/proposals', {
        kind: 'establish_twin',
        newCity: { slug: 'reykjavik', nameSv: 'Reykjavik', nameEn: 'Reykjavik', countryCode: 'IS' },
        title: 'Förslag: Reykjavik som ny vänort',
        justification: 'Geotermi.',
        send: true,
      }),
      201,
    );
    await shows('/api/v1/cities?status=proposed', '"slug":"reykjavik"');
    const proposal = await t.db.kysely
      .selectFrom('proposal')
      .select('id')
      .where('title', '=', 'Förslag: Reykjavik som ny vänort')
      .executeTakeFirstOrThrow();
    await afterWarming(
      ['/api/v1/cities/reykjavik', '/decisions', '/api/v1/decisions', '/api/v1/cities'],
      api('sekretariatet@vanort.example', '/api/v1/decisions', {
        body: 'KF',
        meetingDate: today(),
        section: '§ 13',
        caseNumber: 'SLK-2026-01048',
        title: 'Vänortssamarbete med Reykjavik (API)',
        outcome: 'approved',
        proposalId: proposal.id,
      }),
      201,
    );
    await shows('/api/v1/cities/reykjavik', '"status":"active"');
    await hides('/api/v1/cities?status=proposed', '"slug":"reykjavik"');
    await shows('/decisions', 'Vänortssamarbete med Reykjavik (API)');
    await shows('/api/v1/decisions', 'Vänortssamarbete med Reykjavik (API)');
  });

  it('meetings: create, edit, programme, seminars, documents, outcomes, the rotation', async () => {
    const { coordinator } = agents;
    const created = await afterWarming(
      ['/meetings', '/api/v1/rotation?from=2029&count=1', '/'],
      form(coordinator, '/workspace/meetings/new', '/workspace/meetings/new', {
        year: '2029',
        host: 'bergen',
        startDate: '2029-06-05',
        endDate: '2029-06-06',
        venue: 'Grieghallen',
        theme: 'Havet',
        status: 'planned',
        statusReason: '',
      }),
    );
    const id = idFrom(created.headers.location);
    const page = `/meetings/${id}`;
    const base = `/workspace/meetings/${id}`;
    await shows('/meetings', `href="/meetings/${id}"`);
    await shows('/api/v1/rotation?from=2029&count=1', '"status":"planned"');

    await afterWarming(
      [page, '/meetings.ics'],
      form(coordinator, `${base}/edit`, `${base}/edit`, {
        year: '2029',
        host: 'bergen',
        startDate: '2029-06-05',
        endDate: '2029-06-06',
        venue: 'Grieghallen',
        theme: 'Havet och fjordarna',
        status: 'confirmed',
        statusReason: '',
      }),
    );
    await shows(page, 'Havet och fjordarna');
    await shows('/api/v1/rotation?from=2029&count=1', '"status":"confirmed"');

    const item = {
      itemDay: '2029-06-05',
      itemStart: '12:00',
      itemEnd: '13:00',
      itemKind: 'social',
      itemTitle: 'Cacheprovets lunch',
      itemLocation: 'Foajén',
    };
    await afterWarming([page], form(coordinator, base, `${base}/programme`, item));
    await shows(page, 'Cacheprovets lunch');
    const itemId = (
      await t.db.kysely
        .selectFrom('meeting_programme_item')
        .select('id')
        .where('title', '=', 'Cacheprovets lunch')
        .executeTakeFirstOrThrow()
    ).id;
    await afterWarming(
      [page],
      form(coordinator, base, `${base}/programme/${itemId}/edit`, {
        ...item,
        itemTitle: 'Cacheprovets middag',
      }),
    );
    await shows(page, 'Cacheprovets middag');

    await afterWarming(
      [page],
      form(coordinator, base, `${base}/seminars`, {
        seminarTitle: 'Cacheseminariet',
        seminarTopic: 'Hav',
        seminarSpeakers: 'Bergen kommune',
      }),
    );
    await shows(page, 'Cacheseminariet');
    const seminarId = (
      await t.db.kysely
        .selectFrom('meeting_seminar')
        .select('id')
        .where('title', '=', 'Cacheseminariet')
        .executeTakeFirstOrThrow()
    ).id;
    await afterWarming(
      [page],
      form(coordinator, base, `${base}/seminars/${seminarId}/edit`, {
        seminarTitle: 'Cacheseminariet, nytt namn',
        seminarTopic: 'Hav',
        seminarSpeakers: 'Bergen kommune',
      }),
    );
    await shows(page, 'Cacheseminariet, nytt namn');
    await afterWarming([page], form(coordinator, base, `${base}/seminars/${seminarId}/delete`, {}));
    await hides(page, 'Cacheseminariet');

    await afterWarming([page], async () => {
      await coordinator.get(base);
      return coordinator.postMultipart(
        `${base}/documents`,
        { docKind: 'minutes', docTitle: 'Cacheprotokollet', docVisibility: 'public' },
        {
          field: 'docFile',
          filename: 'protokoll.pdf',
          type: 'application/pdf',
          data: tinyPdf('Protokoll'),
        },
      );
    });
    await shows(page, 'Cacheprotokollet');

    await afterWarming(
      [page],
      form(coordinator, base, `${base}/outcomes`, {
        outcomeKind: 'decision',
        outcomeText: 'Cachebeslutet fattades',
        outcomeCity: '',
      }),
    );
    await shows(page, 'Cachebeslutet fattades');

    const rotation = '/api/v1/rotation?from=2039&count=4';
    const before = (await anonymous(rotation)).body;
    await afterWarming(
      [rotation],
      form(coordinator, '/workspace/meetings', '/workspace/rotation', {
        kind: 'swap',
        year: '2039',
        city: 'aarhus',
        otherCity: 'turku',
        reason: 'Ett jubileum (exempel).',
      }),
    );
    expect.soft((await anonymous(rotation)).body).not.toBe(before);
  });

  it("delegations: Gothenburg's by the presidium, a partner's own city by its contact", async () => {
    const { presidium, bergen } = agents;
    const meeting = await t.db.kysely
      .selectFrom('meeting')
      .select('id')
      .where('year', '=', 2029)
      .executeTakeFirstOrThrow();
    const page = `/meetings/${meeting.id}`;
    const base = `/workspace/meetings/${meeting.id}/delegations`;
    const member = {
      name: 'Greta Cacheprov',
      title: 'Ledamot',
      affiliation: 'Kommunfullmäktige',
      dietaryNeeds: '',
      accessNeeds: '',
      travel: '',
      phone: '',
    };
    await presidium.get(`${base}/goteborg`);
    expect((await presidium.post(`${base}/goteborg/members`, member)).statusCode).toBe(303);
    await afterWarming(
      [page],
      form(presidium, `${base}/goteborg`, `${base}/goteborg/confirm`, { decisionDate: today() }),
    );
    await shows(page, 'Greta Cacheprov');
    const greta = (
      await t.db.kysely
        .selectFrom('delegation_member')
        .select('id')
        .where('name', '=', 'Greta Cacheprov')
        .executeTakeFirstOrThrow()
    ).id;
    // A change sends the delegation back to nominated: it leaves the public page.
    await afterWarming(
      [page],
      form(presidium, `${base}/goteborg`, `${base}/goteborg/members/${greta}`, {
        ...member,
        title: 'Ordförande',
      }),
    );
    await hides(page, 'Greta Cacheprov');
    await afterWarming(
      [page],
      form(presidium, `${base}/goteborg`, `${base}/goteborg/confirm`, { decisionDate: today() }),
    );
    await shows(page, 'Greta Cacheprov', 'Ordförande');
    await afterWarming(
      [page],
      form(presidium, `${base}/goteborg`, `${base}/goteborg/members/${greta}/remove`, {}),
    );
    await hides(page, 'Greta Cacheprov');

    await bergen.get(`${base}/bergen`);
    expect(
      (await bergen.post(`${base}/bergen/members`, { ...member, name: 'Kari Cacheprov' }))
        .statusCode,
    ).toBe(303);
    await afterWarming(
      [page],
      form(bergen, `${base}/bergen`, `${base}/bergen/confirm`, { decisionDate: '' }),
    );
    await shows(page, 'Kari Cacheprov');
  });

  it('collaborations and exchanges once reviewed, and a change that takes one back', async () => {
    const { reporter, coordinator } = agents;
    const collaboration = collaborationForm({
      title: 'Cacheprovet med Bergen',
      goals: 'Se att sidorna stämmer.',
      results: 'Inga ännu.',
    });
    const created = await form(
      reporter,
      '/workspace/collaborations/new',
      '/workspace/collaborations/new',
      collaboration,
    )();
    expect(created.statusCode, created.body.slice(0, 1500)).toBe(303);
    const id = idFrom(created.headers.location);
    await afterWarming(
      ['/collaborations', '/collaborations?city=bergen', '/cities/bergen'],
      form(
        coordinator,
        `/workspace/collaborations/${id}`,
        `/workspace/collaborations/${id}/review`,
        {
          decision: 'acknowledge',
          comment: '',
        },
      ),
    );
    await shows('/collaborations', 'Cacheprovet med Bergen');
    await shows('/collaborations?city=bergen', 'Cacheprovet med Bergen');
    await shows('/cities/bergen', 'Cacheprovet med Bergen');
    await shows(`/collaborations/${id}`, 'Se att sidorna stämmer.');

    const exchange = await form(reporter, '/workspace/exchanges/new', '/workspace/exchanges/new', {
      organisation: 'kulturforvaltningen',
      collaboration: id,
      city: 'bergen',
      occurredOn: '2026-05-12',
      direction: 'digital',
      participants: '5',
      activities: 'Ett digitalt cachemöte.',
      learnings: 'Sidorna stämde.',
      visibility: 'public',
    })();
    expect(exchange.statusCode, exchange.body.slice(0, 1500)).toBe(303);
    const exchangeId = idFrom(exchange.headers.location);
    await afterWarming(
      [`/collaborations/${id}`],
      form(
        coordinator,
        `/workspace/exchanges/${exchangeId}`,
        `/workspace/exchanges/${exchangeId}/review`,
        {
          decision: 'acknowledge',
          comment: '',
        },
      ),
    );
    await shows(`/collaborations/${id}`, 'Sidorna stämde.');

    // Once published, a reporter's change shows at once (and goes to review again).
    await afterWarming(
      ['/collaborations', `/collaborations/${id}`, '/cities/bergen'],
      form(
        reporter,
        `/workspace/collaborations/${id}/edit`,
        `/workspace/collaborations/${id}/edit`,
        { ...collaboration, title: 'Cacheprovet med Bergen, ändrat', goals: 'Nya mål.' },
      ),
    );
    await shows('/collaborations', 'Cacheprovet med Bergen, ändrat');
    await shows(`/collaborations/${id}`, 'Nya mål.');
    await shows('/cities/bergen', 'Cacheprovet med Bergen, ändrat');
  });

  it('areas and organisations, which label the public collaborations', async () => {
    const { coordinator, admin } = agents;
    await afterWarming(
      ['/collaborations'],
      form(coordinator, '/workspace/areas', '/workspace/areas', {
        nameSv: 'Cacheområdet',
        nameEn: 'Cache area',
      }),
    );
    await shows('/collaborations', 'Cacheområdet');
    const area = await t.db.kysely
      .selectFrom('area')
      .select('id')
      .where('name_sv', '=', 'Cacheområdet')
      .executeTakeFirstOrThrow();
    await afterWarming(
      ['/collaborations'],
      form(coordinator, '/workspace/areas', `/workspace/areas/${area.id}`, {
        nameSv: 'Cacheområdet, omdöpt',
        nameEn: 'Cache area',
      }),
    );
    await shows('/collaborations', 'Cacheområdet, omdöpt');

    await afterWarming(
      ['/collaborations'],
      form(admin, '/admin/organisations', '/admin/organisations', {
        name: 'Cacheförvaltningen',
        kind: 'administration',
        email: '',
      }),
    );
    await shows('/collaborations', 'Cacheförvaltningen');
    const org = await t.db.kysely
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Cacheförvaltningen')
      .executeTakeFirstOrThrow();
    await afterWarming(
      ['/collaborations'],
      form(admin, `/admin/organisations/${org.id}`, `/admin/organisations/${org.id}`, {
        name: 'Cacheförvaltningen, omdöpt',
        kind: 'administration',
        email: '',
      }),
    );
    await shows('/collaborations', 'Cacheförvaltningen, omdöpt');
  });
});

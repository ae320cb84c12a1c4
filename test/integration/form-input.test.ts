import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { createApiToken } from '../../src/modules/accounts/api-token.service.ts';
import type { TestAgent } from '../helpers/agent.ts';
import { collaborationForm } from '../helpers/collaboration-fixtures.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { DEMO_EMAIL, signedIn, signedInAs } from '../helpers/sign-in.ts';
import { insertMeeting } from '../helpers/meeting-fixtures.ts';
import { countRows } from '../helpers/rows.ts';

/**
 * Issue 17: input is refused, never changed silently. A single-value field sent twice, a
 * value longer than its field takes (100 KB) and a control character each get 400 on the
 * form's own page, the message at the field (in the error summary and at the field), the
 * rest of the input kept, and nothing stored; on several forms of several modules.
 */

const KB100 = 100 * 1024;
const sv = (n: number) => new Intl.NumberFormat('sv').format(n);

const REPEATED = 'Fältet skickades mer än en gång.';
const tooLong = (max: number, length: number) =>
  `Skriv högst ${sv(max)} tecken. Du skrev ${sv(length)}.`;
const CONTROL = 'Texten innehåller ett styrtecken som inte kan sparas';

/** The form re-rendered with 400: the message in the summary (a link to the field) and at it. */
function expectAtField(res: LightMyRequestResponse, field: string, message: string): void {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.body).toContain('<div class="error-summary"');
  expect(res.body).toContain(`<a href="#${field}">${message}`);
  expect(res.body).toMatch(new RegExp(`id="${field}-error">${escapeRegExp(message)}`));
  // A real message, not the generic "could not be understood" of a bad request.
  expect(res.body).not.toContain('Förfrågan kunde inte tolkas');
  // No control character goes back to the browser: a refused one is shown as U+FFFD.
  // eslint-disable-next-line no-control-regex -- looking for them is the point
  expect(res.body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const collaboration = collaborationForm;

const proposal = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'establish_twin',
  city: 'new',
  slug: 'kirkenes',
  nameSv: 'Kirkenes',
  nameEn: 'Kirkenes',
  countryCode: 'NO',
  latitude: '69,7',
  longitude: '30,0',
  title: 'Förslag: Kirkenes som ny vänort',
  justification: 'Ett nytt samarbete i norr.',
  ...overrides,
});

const meeting = (overrides: Record<string, string | string[]> = {}) => ({
  year: '2041',
  host: 'bergen',
  startDate: '',
  endDate: '',
  venue: 'Grieghallen',
  theme: 'Hav och klimat',
  status: 'planned',
  statusReason: '',
  ...overrides,
});

const member = (overrides: Record<string, string | string[]> = {}) => ({
  name: 'Anna Andersson',
  title: 'Ordförande',
  affiliation: '',
  dietaryNeeds: 'Vegetarisk',
  accessNeeds: '',
  travel: 'Tåg',
  phone: '+46 70 123 45 67',
  ...overrides,
});

describeEachDialect('form input is refused, never changed silently (issue 17)', (dialect) => {
  let t: TestApp;
  let agents: Record<string, TestAgent>;
  let meetingId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    agents = await signedInAs(t.app, {
      reporter: DEMO_EMAIL.reporter,
      coordinator: DEMO_EMAIL.coordinator,
      presidium: 'presidiet@vanort.example',
      council: DEMO_EMAIL.council,
    });
    // A meeting Gothenburg hosts, for the delegation's members.
    meetingId = await insertMeeting(t.db.kysely, {
      year: 2039,
      host: 'goteborg',
      startDate: '2039-09-11',
      endDate: '2039-09-13',
      venue: 'Stadshuset',
    });
  });
  afterAll(() => t?.close());

  const count = (table: 'collaboration' | 'proposal' | 'city' | 'meeting') =>
    countRows(t.db, table);
  const members = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('delegation_member')
          .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('delegation.meeting_id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Posts the form from its own page (its CSRF token), as a browser would. */
  const post = async (who: string, page: string, url: string, body: Record<string, unknown>) => {
    const agent = agents[who]!;
    expect((await agent.get(page)).statusCode).toBe(200);
    return agent.post(url, body as Record<string, string | string[]>);
  };

  describe('a collaboration', () => {
    const send = (body: Record<string, string | string[]>) =>
      post('reporter', '/workspace/collaborations/new', '/workspace/collaborations/new', body);

    it('refuses goals sent twice instead of storing them empty', async () => {
      const before = await count('collaboration');
      const res = await send(collaboration({ goals: ['Mål ett', 'Mål två'] }));
      expectAtField(res, 'goals', REPEATED);
      expect(res.body).toContain('value="Läsfrämjande med Bergen"');
      expect(res.body).toContain('>Mål ett</textarea>');
      expect(await count('collaboration')).toBe(before);
    });

    it('refuses 100 KB of goals and a NUL or an escape in the title, keeping the rest', async () => {
      const before = await count('collaboration');
      const long = await send(collaboration({ goals: 'å'.repeat(KB100) }));
      expectAtField(long, 'goals', tooLong(10_000, KB100));
      expect(long.body).toContain('value="Klara Kultur"');
      const nul = await send(collaboration({ title: 'Läs\u0000främjande' }));
      expectAtField(nul, 'title', CONTROL);
      expect(nul.body).toContain('value="Läs\ufffdfrämjande"');
      const escape = await send(collaboration({ title: 'Läs\u001b[31m', goals: 'A\u0007' }));
      expectAtField(escape, 'title', CONTROL);
      expectAtField(escape, 'goals', CONTROL);
      expect(await count('collaboration')).toBe(before);
    });

    it('keeps line breaks and tabs in a text area, and only there', async () => {
      const before = await count('collaboration');
      const tab = await send(collaboration({ contactName: 'Klara\tKultur' }));
      expectAtField(tab, 'contactName', CONTROL);
      const ok = await send(collaboration({ goals: 'Rad ett\r\n\tRad två' }));
      expect(ok.statusCode).toBe(303);
      expect(await count('collaboration')).toBe(before + 1);
      const stored = await t.db.kysely
        .selectFrom('collaboration')
        .select('goals')
        .where('title', '=', 'Läsfrämjande med Bergen')
        .executeTakeFirstOrThrow();
      expect(stored.goals).toBe('Rad ett\r\n\tRad två');
    });
  });

  describe('a proposal', () => {
    const send = (body: Record<string, string | string[]>) =>
      post('coordinator', '/workspace/proposals/new', '/workspace/proposals/new', body);

    it('refuses 100 KB in the English name instead of cutting it to 300 characters', async () => {
      const [proposals, cities] = [await count('proposal'), await count('city')];
      const res = await send(proposal({ nameEn: 'K'.repeat(KB100) }));
      expectAtField(res, 'nameEn', tooLong(120, KB100));
      expect(res.body).toContain('value="Kirkenes"');
      expect(res.body).toContain(`value="${'K'.repeat(KB100)}"`); // kept as sent, not cut
      expect([await count('proposal'), await count('city')]).toEqual([proposals, cities]);
    });

    it('refuses a title sent twice and a NUL in the justification on its own page', async () => {
      const [proposals, cities] = [await count('proposal'), await count('city')];
      const twice = await send(proposal({ title: ['Ett', 'Två'] }));
      expectAtField(twice, 'title', REPEATED);
      const nul = await send(proposal({ justification: 'Skäl\u0000' }));
      expectAtField(nul, 'justification', CONTROL);
      expect(nul.body).toContain('<h1>Nytt förslag</h1>');
      expect(nul.body).toContain('>Skäl\ufffd</textarea>');
      expect([await count('proposal'), await count('city')]).toEqual([proposals, cities]);
    });

    it('refuses an English name over 120 characters in the service too (the API)', async () => {
      const user = await findUserByEmail(t.db.kysely, 'samordnare@vanort.example');
      const { token } = await createApiToken(
        t.db,
        { userId: user!.id, label: 'test', ip: null },
        user!.id,
        { name: 'form-input' },
      );
      const before = await count('proposal');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/proposals',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          kind: 'establish_twin',
          newCity: { slug: 'vardo', nameSv: 'Vardø', nameEn: 'V'.repeat(150), countryCode: 'NO' },
          title: 'Vardø',
          justification: 'Skäl.',
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ problems: { path: string; code: string }[] }>().problems).toEqual([
        expect.objectContaining({ path: 'nameEn', code: 'proposal.nameEnTooLong' }),
      ]);
      // A NUL in a JSON body is still the API's own problem+json 400.
      const nul = await t.app.inject({
        method: 'POST',
        url: '/api/v1/proposals',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ kind: 'establish_twin', title: 'A\u0000', justification: 'x' }),
      });
      expect(nul.statusCode).toBe(400);
      expect(nul.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(nul.json<{ code: string }>().code).toBe('BAD_REQUEST');
      expect(await count('proposal')).toBe(before);
    });
  });

  describe('a meeting', () => {
    const send = (body: Record<string, string | string[]>) =>
      post('coordinator', '/workspace/meetings/new', '/workspace/meetings/new', body);

    it('refuses a venue sent twice, 100 KB of theme and a bell in the status reason', async () => {
      const before = await count('meeting');
      const twice = await send(meeting({ venue: ['Grieghallen', 'Rådhuset'] }));
      expectAtField(twice, 'venue', REPEATED);
      expect(twice.body).toContain('value="Hav och klimat"');
      const long = await send(meeting({ theme: 'h'.repeat(KB100) }));
      expectAtField(long, 'theme', tooLong(300, KB100));
      const bell = await send(meeting({ statusReason: 'Skäl\u0007' }));
      expectAtField(bell, 'statusReason', CONTROL);
      expect(await count('meeting')).toBe(before);
    });

    it('refuses the same on a form of the meeting page (a seminar)', async () => {
      const page = `/workspace/meetings/${meetingId}`;
      const seminars = () =>
        t.db.kysely
          .selectFrom('meeting_seminar')
          .select('id')
          .where('meeting_id', '=', meetingId)
          .execute();
      const before = (await seminars()).length;
      const send = (body: Record<string, string | string[]>) =>
        post('coordinator', page, `${page}/seminars`, body);
      const seminar = { seminarTitle: 'Hamnar', seminarTopic: '', seminarSpeakers: '' };
      expectAtField(await send({ ...seminar, seminarTitle: ['A', 'B'] }), 'seminarTitle', REPEATED);
      expectAtField(
        await send({ ...seminar, seminarDescription: 'd'.repeat(KB100) }),
        'seminarDescription',
        tooLong(5000, KB100),
      );
      expectAtField(
        await send({ ...seminar, seminarSpeakers: 'A\u0000' }),
        'seminarSpeakers',
        CONTROL,
      );
      expect((await seminars()).length).toBe(before);
    });
  });

  describe('a delegation member', () => {
    const page = () => `/workspace/meetings/${meetingId}/delegations/goteborg`;
    const send = (body: Record<string, string | string[]>) =>
      post('presidium', page(), `${page()}/members`, body);

    it('says a name sent twice was sent twice, not that it is missing', async () => {
      const before = await members();
      const res = await send(member({ name: ['Anna Andersson', 'Bo Berg'] }));
      expectAtField(res, 'name', REPEATED);
      expect(res.body).not.toContain('Skriv deltagarens namn');
      expect(res.body).toContain('value="Vegetarisk"');
      expect(await members()).toBe(before);
    });

    it('refuses 100 KB of travel plans and control characters in the phone and diet', async () => {
      const before = await members();
      expectAtField(
        await send(member({ travel: 't'.repeat(KB100) })),
        'travel',
        tooLong(500, KB100),
      );
      expectAtField(await send(member({ phone: '+46 70\u0000 123' })), 'phone', CONTROL);
      expectAtField(
        await send(member({ dietaryNeeds: 'Vegan\tglutenfri' })),
        'dietaryNeeds',
        CONTROL,
      );
      expect(await members()).toBe(before);
      expect((await send(member())).statusCode).toBe(303);
      expect(await members()).toBe(before + 1);
    });
  });

  describe('the forms that cut values before', () => {
    it('refuses 100 KB in a city’s description and a decision’s link instead of cutting them', async () => {
      const facts = await post(
        'coordinator',
        '/workspace/cities/bergen',
        '/workspace/cities/bergen',
        {
          name_sv: 'Bergen',
          description_sv: 'b'.repeat(KB100),
          countryCode: 'NO',
        },
      );
      expectAtField(facts, 'description_sv', tooLong(2000, KB100));
      const decision = await post(
        'council',
        '/workspace/decisions/new',
        '/workspace/decisions/new',
        {
          body: 'KF',
          title: 'Beslut',
          link: `https://goteborg.se/${'l'.repeat(KB100)}`,
        },
      );
      expectAtField(decision, 'link', tooLong(2000, KB100 + 20));
    });
  });
});

describeEachDialect('a control character in any form (issue 17)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t?.close());

  it('is answered by the form’s own page or a refusal of its own, never the generic bad-request page', async () => {
    const agents = await Promise.all(
      [DEMO_EMAIL.admin, DEMO_EMAIL.coordinator, DEMO_EMAIL.reporter].map((email) =>
        signedIn(t.app, email),
      ),
    );
    const forms = t.app
      .registeredRoutes()
      .flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url })))
      .filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'))
      .filter((r) => !['/logout', '/account/logout-everywhere', '/login'].includes(r.url))
      .map((r) => r.url.replace(/:[A-Za-z]+/g, 'no-such-id'));
    expect(forms.length).toBeGreaterThan(30);
    const generic: string[] = [];
    for (const url of forms) {
      for (const agent of agents) {
        await agent.get('/account');
        const res = await agent.post(url, {
          title: 'a\u0000b',
          name: 'c\u0000',
          nameSv: 'd\u0000',
          comment: 'e\u0000',
          active: '1\u0000',
          decisionDate: '\u0000',
          language: 'sv\u0000',
        });
        expect(res.statusCode, url).toBeLessThan(500);
        // The generic page (or its text as a field's message) says nothing about the field.
        if (res.body.includes('Förfrågan kunde inte tolkas')) generic.push(url);
      }
    }
    expect([...new Set(generic)]).toEqual([]);
  }, 120_000);
});

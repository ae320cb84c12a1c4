import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { buildTestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import { newId } from '../../shared/ids.ts';
import { apiTokenOf } from '../../../test/helpers/sign-in.ts';
import * as repo from './collaboration.repository.ts';
import { collaborationRow } from '../../../test/helpers/collaboration-fixtures.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';

interface Item {
  id: string;
  title: string;
  startsOn: string;
  contact?: unknown;
  review?: unknown;
}
interface List {
  data: Item[];
  page: { limit: number; nextCursor: string | null; next: string | null };
}

describeEachDialect('collaborations API', (dialect) => {
  const t = useTestApp(dialect);
  let staffToken: string;
  const get = (url: string, token?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    staffToken = await apiTokenOf(t.db, 'medarbetare@vanort.example', {
      name: 'api test',
      label: 'staff',
      expiresInDays: 1,
    });
  });

  it('shows anonymous callers only public, acknowledged collaborations with public fields', async () => {
    const res = await get('/api/v1/collaborations?limit=200');
    expect(res.statusCode).toBe(200);
    const body = res.json<List>();
    const titles = body.data.map((c) => c.title);
    expect(titles).toContain('Lägerskola för elever i årskurs 9');
    expect(titles).not.toContain('Fjärrvärme och spillvärme'); // internal
    expect(titles).not.toContain('Gatukonst på vänorternas väggar'); // submitted
    expect(titles).not.toContain('Unga läsare i vänorterna'); // returned
    expect(body.data.every((c) => c.contact === undefined && c.review === undefined)).toBe(true);
    const internal = await rowWhere(t.db, 'collaboration', { title: 'Fjärrvärme och spillvärme' }, [
      'id',
    ]);
    expect((await get(`/api/v1/collaborations/${internal.id}`)).statusCode).toBe(404);
    const asStaff = await get(`/api/v1/collaborations/${internal.id}`, staffToken);
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.json<Item>().contact).toEqual({ name: 'Erik Energi', email: null });
  });

  it('shows logged-in callers (Bearer) internal ones too', async () => {
    const titles = (await get('/api/v1/collaborations?limit=200', staffToken))
      .json<List>()
      .data.map((c) => c.title);
    expect(titles).toContain('Fjärrvärme och spillvärme');
    expect(titles).toContain('Gatukonst på vänorternas väggar');
  });

  it('refuses limit outside 1–200, not a number, bad cursors and bad filters with 400', async () => {
    for (const q of [
      'limit=0',
      'limit=201',
      'limit=abc',
      'limit=1.5',
      'limit=-3',
      'cursor=not-ours',
      'cursor=' + Buffer.from('["x","y"]').toString('base64url'),
      'year=26',
      'status=sleeping',
      'kind=party',
      'city=Bergen%20!',
    ]) {
      const res = await get(`/api/v1/collaborations?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code, q).toBe('VALIDATION_FAILED');
    }
  });

  it('pages with an opaque keyset cursor that reaches every row once, keeping the filters', async () => {
    const all = (await get('/api/v1/collaborations?limit=200')).json<List>().data.map((c) => c.id);
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let url: string | null = '/api/v1/collaborations?limit=3';
    while (url) {
      const page: List = (await get(url)).json<List>();
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((c) => c.id));
      url = page.page.next;
    }
    expect(seen).toEqual(all);
    const first = (await get('/api/v1/collaborations?limit=1&city=turku')).json<List>();
    expect(first.page.next).toContain('city=turku');
  });

  it('names cities and areas in the language asked for, Swedish where there is none', async () => {
    interface Named {
      slug: string;
      name: { text: string; lang: string };
    }
    type Localized = Item & { localized: { cities: Named[]; areas: Named[] } };
    const camp = async (query: string, headers: Record<string, string> = {}) => {
      const res = await t.app.inject({
        url: `/api/v1/collaborations?year=2019${query}`,
        headers,
      });
      expect(res.statusCode, query).toBe(200);
      const [item] = res.json<{ data: Localized[] }>().data;
      expect(item?.title).toBe('Lägerskola för elever i årskurs 9');
      return { res, item: item! };
    };
    /** The camp as the query asks for it: its language, and the names of its area and of Turku. */
    const named = async (
      query: string,
      headers: Record<string, string>,
      language: string,
      names: { school: Named['name']; turku: Named['name'] },
    ) => {
      const { res, item } = await camp(query, headers);
      expect(res.headers['content-language'], query).toBe(language);
      expect(item.localized.areas).toEqual([{ slug: 'school', name: names.school }]);
      expect(item.localized.cities).toContainEqual({ slug: 'turku', name: names.turku });
      return item;
    };
    await named('&lang=en', {}, 'en', {
      school: { text: 'School', lang: 'en' },
      turku: { text: 'Turku', lang: 'en' },
    });
    // Areas have Swedish and English names only: in Finnish, the Swedish name says so.
    await named('', { 'accept-language': 'fi' }, 'fi', {
      school: { text: 'Skola', lang: 'sv' },
      turku: { text: 'Turku', lang: 'fi' },
    });
    const swedish = await named('&lang=xx', {}, 'sv', {
      school: { text: 'Skola', lang: 'sv' },
      turku: { text: 'Åbo', lang: 'sv' },
    });
    // The existing members are unchanged: slugs, in the same order as the named ones.
    const { cities, areas } = swedish as Localized & { cities: string[]; areas: string[] };
    expect([...cities].sort()).toEqual(['aarhus', 'bergen', 'turku']);
    expect(areas).toEqual(['school']);
    expect(swedish.localized.cities.map((c) => c.slug)).toEqual(cities);
    const one = await t.app.inject({ url: `/api/v1/collaborations/${swedish.id}?lang=nb` });
    expect(one.headers['content-language']).toBe('nb');
    expect(one.json<Localized>().localized.cities).toContainEqual({
      slug: 'aarhus',
      name: { text: 'Aarhus', lang: 'nb' },
    });
    // The next slice keeps the language asked for with ?lang=, and only that.
    const paged = (await get('/api/v1/collaborations?limit=1&lang=da')).json<List>();
    expect(paged.page.next).toMatch(/[?&]lang=da(&|$)/);
    const next = await t.app.inject({ url: paged.page.next! });
    expect(next.headers['content-language']).toBe('da');
    const ignored = (await get('/api/v1/collaborations?limit=1&lang=xx')).json<List>();
    expect(ignored.page.next).not.toContain('lang=');
  });

  it('filters by city, area, organisation, year, status and kind', async () => {
    const titles = async (q: string) =>
      (await get(`/api/v1/collaborations?limit=200&${q}`)).json<List>().data.map((c) => c.title);
    expect(await titles('city=turku')).toContain('Biblioteksutbyte om meröppna bibliotek');
    expect(await titles('city=turku')).not.toContain('Landström till fartyg i hamnarna');
    expect(await titles('area=gender-equality')).toEqual(['Nätverk för jämställdhetsintegrering']);
    expect(await titles('organisation=goteborgs-hamn')).toEqual([
      'Landström till fartyg i hamnarna',
    ]);
    // 2019: only the camp school (started 2019, open-ended) overlaps.
    expect(await titles('year=2019')).toEqual(['Lägerskola för elever i årskurs 9']);
    expect(await titles('status=planned&kind=project')).toEqual(['Nordiska ungdomsspelen']);
  });

  it('answers anonymous callers from the page cache, never across a write, and never a token', async () => {
    const cached = await buildTestApp(dialect, { env: { PAGE_CACHE_TTL_MS: '60000' } });
    try {
      const url = '/api/v1/collaborations?limit=200';
      const first = await cached.app.inject({ url });
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-cache']).toBe('miss');
      expect(first.headers.etag).toMatch(/^W\//);
      const again = await cached.app.inject({ url });
      expect(again.headers['x-cache']).toBe('hit');
      expect(again.body).toBe(first.body);
      const conditional = await cached.app.inject({
        url,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(conditional.statusCode).toBe(304);

      // A token (or a session) is never answered from the shared cache: it sees more.
      const token = await apiTokenOf(cached.db, 'medarbetare@vanort.example', {
        name: 'cache test',
        label: 'staff',
        expiresInDays: 1,
      });
      const staff = await cached.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      expect(staff.headers['x-cache']).toBeUndefined();
      expect(staff.headers['cache-control']).toBe('private, no-store');
      expect(staff.body).toContain('Fjärrvärme och spillvärme');
      expect(again.body).not.toContain('Fjärrvärme och spillvärme');

      // A write to a public table is seen by the very next anonymous request.
      const camp = await rowWhere(
        cached.db,
        'collaboration',
        { title: 'Lägerskola för elever i årskurs 9' },
        ['id'],
      );
      await repo.updateCollaboration(cached.db.kysely, camp.id, { title: 'Lägerskola i Åbo' });
      const after = await cached.app.inject({ url });
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.body).toContain('Lägerskola i Åbo');
      const one = await cached.app.inject({ url: `/api/v1/collaborations/${camp.id}` });
      expect(one.json<Item>().title).toBe('Lägerskola i Åbo');
      expect(
        (await cached.app.inject({ url: `/api/v1/collaborations/${camp.id}` })).headers['x-cache'],
      ).toBe('hit');
    } finally {
      await cached.close();
    }
  });

  it('streams the same list as CSV with a BOM, across keyset batches', async () => {
    const org = await rowWhere(t.db, 'organisation', { slug: 'liseberg' }, ['id']);
    const now = new Date().toISOString();
    await t.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < 1100; i++) {
        await repo.insertCollaboration(
          trx,
          collaborationRow({
            id: newId(),
            organisation_id: org.id,
            title: `Massrad ${i}; "citat"`,
            kind: 'other',
            status: 'ongoing',
            starts_on: '2020-01-01', // many share a date: the keyset must break ties by id
            goals: '=SUM(A1)',
            visibility: 'public',
            review_state: 'acknowledged',
            reviewed_at: now,
            submitted_at: now,
            published_at: now,
            created_at: now,
          }),
        );
      }
    });
    const res = await get('/api/v1/collaborations.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFFid,title,organisation,')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    const count = await repo.countCollaborations(t.db.kysely, {}, 'public');
    expect(lines.length - 1).toBe(count);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(count);
    expect(res.body).toContain('"Massrad 7; ""citat"""');
    expect(res.body).toContain("'=SUM(A1)");
    expect(res.body).toContain('Lägerskola för elever i årskurs 9');
    expect(res.body).not.toContain('Fjärrvärme');
    const filtered = (await get('/api/v1/collaborations.csv?organisation=liseberg')).body;
    expect(filtered.trim().split('\r\n').length - 1).toBe(1100);
    expect((await get('/api/v1/collaborations.csv?year=abc')).statusCode).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { buildTestApp, useTestApp } from '../../../test/helpers/test-app.ts';

describeEachDialect('city API', (dialect) => {
  const t = useTestApp(dialect);

  it('lists the home city and the three twin cities with the chain', async () => {
    const res = await t.app.inject({ url: '/api/v1/cities' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json<{
      data: {
        slug: string;
        kind: string;
        status: string;
        sinceYear: number | null;
        names: Record<string, { name: string }>;
      }[];
      chain: { members: string[]; intervalYears: number; hostCycleYears: number };
    }>();
    // Home city first, then twin cities by Swedish name (Å sorts last in Swedish).
    expect(body.data.map((c) => c.slug).slice(0, 4)).toEqual([
      'goteborg',
      'aarhus',
      'bergen',
      'turku',
    ]);
    // Then the partner cities, decided by the City Executive Board.
    expect(body.data.slice(4).every((c) => c.kind === 'partner')).toBe(true);
    expect(body.data.find((c) => c.slug === 'nelson-mandela-bay')).toMatchObject({
      status: 'active',
      sinceYear: 1999,
    });
    expect(
      body.data
        .filter((c) => c.kind === 'twin')
        .every((c) => c.status === 'active' && c.sinceYear === 1946),
    ).toBe(true);
    expect(body.chain).toMatchObject({
      members: ['bergen', 'aarhus', 'turku', 'goteborg'],
      intervalYears: 2,
      hostCycleYears: 8,
    });
    const turku = body.data.find((c) => c.slug === 'turku');
    expect(turku?.names.sv?.name).toBe('Åbo');
    expect(turku?.names.en?.name).toBe('Turku');
    expect(body.data.find((c) => c.slug === 'aarhus')?.names.sv?.name).toBe('Aarhus');
  });

  it('shows one city with coordinates and its rotation position', async () => {
    const res = await t.app.inject({ url: '/api/v1/cities/bergen' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: 'bergen',
      name: 'Bergen',
      countryCode: 'NO',
      chainPosition: 1,
      coordinates: { latitude: 60.3913, longitude: 5.3221 },
      links: { self: '/api/v1/cities/bergen', html: '/cities/bergen' },
    });
  });

  interface Localized {
    slug: string;
    name: string;
    localized: {
      name: { text: string; lang: string };
      description: { text: string; lang: string } | null;
    };
  }
  const citiesIn = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ url, headers });
    expect(res.statusCode, url).toBe(200);
    const bySlug = new Map(res.json<{ data: Localized[] }>().data.map((c) => [c.slug, c]));
    return { res, city: (slug: string) => bySlug.get(slug)! };
  };
  const SWEDISH_TURKU = 'Finlands äldsta stad, vid Aura ås mynning mot skärgården.';

  it('gives names and descriptions in the language of ?lang=, Swedish where one is missing', async () => {
    const { res, city } = await citiesIn('/api/v1/cities?lang=fi');
    expect(res.headers['content-language']).toBe('fi');
    expect(res.headers.vary).toMatch(/Accept-Language/i);
    const turku = city('turku');
    expect(turku.localized.name).toEqual({ text: 'Turku', lang: 'fi' });
    // The Finnish text has no description: the Swedish one, and it says so.
    expect(turku.localized.description?.lang).toBe('sv');
    expect(turku.localized.description?.text).toContain(SWEDISH_TURKU);
    // A partner city with no Finnish name at all: the Swedish name, marked Swedish.
    expect(city('nelson-mandela-bay').localized.name).toEqual({
      text: 'Nelson Mandela Bay',
      lang: 'sv',
    });
    expect(city('nelson-mandela-bay').localized.description).toBeNull();
    // What was there before keeps its meaning: `name` is Swedish, `names` every language.
    expect(turku.name).toBe('Åbo');

    const english = await citiesIn('/api/v1/cities?lang=en');
    expect(english.res.headers['content-language']).toBe('en');
    expect(english.city('turku').localized).toEqual({
      name: { text: 'Turku', lang: 'en' },
      description: { text: expect.stringContaining("Finland's oldest city") as string, lang: 'en' },
    });
  });

  it('follows Accept-Language when there is no ?lang=, and ?lang= before it', async () => {
    const norwegian = await citiesIn('/api/v1/cities', { 'accept-language': 'nb' });
    expect(norwegian.res.headers['content-language']).toBe('nb');
    expect(norwegian.city('turku').localized.name).toEqual({ text: 'Turku', lang: 'nb' });
    expect(norwegian.city('aarhus').localized.name).toEqual({ text: 'Aarhus', lang: 'nb' });
    const plainNorwegian = await citiesIn('/api/v1/cities', { 'accept-language': 'no, en;q=0.5' });
    expect(plainNorwegian.res.headers['content-language']).toBe('nb');
    const both = await citiesIn('/api/v1/cities?lang=da', { 'accept-language': 'nb' });
    expect(both.res.headers['content-language']).toBe('da');
    expect(both.city('aarhus').localized.name).toEqual({ text: 'Aarhus', lang: 'da' });
    const one = await t.app.inject({
      url: '/api/v1/cities/turku',
      headers: { 'accept-language': 'fi-FI, fi;q=0.9' },
    });
    expect(one.headers['content-language']).toBe('fi');
    expect(one.json<Localized>().localized.name).toEqual({ text: 'Turku', lang: 'fi' });
  });

  it('ignores an unknown ?lang= (Swedish, or Accept-Language) with 200, never a 400', async () => {
    const swedish = await citiesIn('/api/v1/cities?lang=xx');
    expect(swedish.res.headers['content-language']).toBe('sv');
    expect(swedish.city('turku').localized).toEqual({
      name: { text: 'Åbo', lang: 'sv' },
      description: { text: expect.stringContaining(SWEDISH_TURKU) as string, lang: 'sv' },
    });
    const danish = await citiesIn('/api/v1/cities?lang=xx&status=active', {
      'accept-language': 'da',
    });
    expect(danish.res.headers['content-language']).toBe('da');
    expect(danish.city('aarhus').localized.name).toEqual({ text: 'Aarhus', lang: 'da' });
    for (const url of ['/api/v1/cities?lang=', '/api/v1/cities/bergen?lang=xx&lang=fi']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-language'], url).toBe('sv');
    }
  });

  it('answers an unknown slug with 404 CITY_NOT_FOUND and a request id', async () => {
    const res = await t.app.inject({ url: '/api/v1/cities/oslo' });
    expect(res.statusCode).toBe(404);
    const body = res.json<{ error: { code: string; requestId: string } }>();
    expect(body.error.code).toBe('CITY_NOT_FOUND');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers unknown API paths and odd slugs with JSON, never a 500', async () => {
    for (const url of [
      '/api/v1/nothing',
      `/api/v1/cities/${'x'.repeat(150)}`,
      '/api/v1/cities/%E0%A4%A',
      "/api/v1/cities/'%20or%201=1",
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.json<{ error: { code: string } }>().error.code, url).toMatch(/^[A-Z_]+$/);
    }
  });
});

describe('city API without data', () => {
  it('lists nothing and no chain on an empty registry', async () => {
    const t = await buildTestApp('sqlite', { demo: false });
    try {
      const res = await t.app.inject({ url: '/api/v1/cities' });
      expect(res.json()).toEqual({ data: [], chain: null });
    } finally {
      await t.close();
    }
  });
});

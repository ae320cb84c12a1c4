import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describeEachDialect('city API', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

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
      'bergen',
      'turku',
      'aarhus',
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
    expect(body.data.find((c) => c.slug === 'aarhus')?.names.sv?.name).toBe('Århus');
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

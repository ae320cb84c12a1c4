import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { PageCache } from './page-cache.ts';

/** Any write to a table a public page reads (here a no-op update) changes the generation. */
const touch = (t: TestApp) =>
  sql`update chain set interval_years = interval_years`.execute(t.db.kysely);

describe('page cache', () => {
  let t: TestApp;
  let renders = 0;
  let writeWhileRendering = false;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', {
      env: { PAGE_CACHE_TTL_MS: '60000' },
      extend: (app) => {
        app.get('/probe', { config: { permission: 'public', pageCache: true } }, async () => {
          renders += 1;
          if (writeWhileRendering) {
            writeWhileRendering = false;
            await touch(t);
          }
          return `rendered ${renders}`;
        });
      },
    });
  });
  afterAll(() => t.close());

  it('serves a public page from memory the second time, per language', async () => {
    const first = await t.app.inject({ url: '/cities/bergen' });
    expect(first.headers['x-cache']).toBe('miss');
    const second = await t.app.inject({ url: '/cities/bergen' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['content-security-policy']).toBeDefined();
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const english = await t.app.inject({ url: '/en/cities/bergen' });
    expect(english.headers['x-cache']).toBe('miss');
    expect(english.body).toContain('<html lang="en">');
    expect((await t.app.inject({ url: '/en/cities/bergen' })).headers['x-cache']).toBe('hit');
  });

  it('keeps the start page apart for each language it offers, and lets ?lang= redirect', async () => {
    const danish = { 'accept-language': 'da' };
    await t.app.inject({ url: '/', headers: danish });
    const offered = await t.app.inject({ url: '/', headers: danish });
    expect(offered.headers['x-cache']).toBe('hit');
    expect(offered.body).toContain('lang="da"');
    const plain = await t.app.inject({ url: '/' });
    expect(plain.body).not.toContain('language-offer');
    const moved = await t.app.inject({ url: '/policy?lang=en' });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers['x-cache']).toBeUndefined();
    await t.app.inject({ url: '/en/policy' });
    const cached = await t.app.inject({ url: '/en/policy' });
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.body).toContain('<html lang="en">');
    expect(cached.headers['content-language']).toBe('en');
    expect(cached.headers['x-frame-options']).toBeDefined();
  });

  it('keeps an API answer apart for each language ?lang= or Accept-Language chose', async () => {
    const turku = async (url: string, headers: Record<string, string> = {}) => {
      const res = await t.app.inject({ url, headers });
      const { localized } = res.json<{ localized: { name: { text: string; lang: string } } }>();
      return [res.headers['x-cache'], res.headers['content-language'], localized.name.lang];
    };
    const url = '/api/v1/cities/turku';
    expect(await turku(url)).toEqual(['miss', 'sv', 'sv']);
    expect(await turku(url, { 'accept-language': 'nb' })).toEqual(['miss', 'nb', 'nb']);
    expect(await turku(url, { 'accept-language': 'nb' })).toEqual(['hit', 'nb', 'nb']);
    expect(await turku(url, { 'accept-language': 'fi' })).toEqual(['miss', 'fi', 'fi']);
    expect(await turku(url)).toEqual(['hit', 'sv', 'sv']);
    expect(await turku(`${url}?lang=da`, { 'accept-language': 'fi' })).toEqual([
      'miss',
      'da',
      'da',
    ]);
    expect(await turku(`${url}?lang=da`)).toEqual(['hit', 'da', 'da']);
    expect(await turku(`${url}?lang=xx`, { 'accept-language': 'en' })).toEqual([
      'miss',
      'en',
      'en',
    ]);
  });

  it('keeps each Host apart when PUBLIC_URL is not set, so a forged Host reaches nobody', async () => {
    const forged = await t.app.inject({ url: '/meetings.ics', headers: { host: 'evil.example' } });
    expect(forged.body).toContain('evil.example');
    const honest = await t.app.inject({ url: '/meetings.ics', headers: { host: 'localhost' } });
    expect(honest.body).not.toContain('evil.example');
    const again = await t.app.inject({ url: '/meetings.ics', headers: { host: 'localhost' } });
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body).not.toContain('evil.example');
  });

  it('never caches errors or requests with other cookies', async () => {
    await touch(t); // the next lookup forgets every entry
    await t.app.inject({ url: '/cities/oslo' });
    expect((await t.app.inject({ url: '/cities/oslo' })).headers['x-cache']).toBeUndefined();
    await t.app.inject({ url: '/policy', cookies: { vanort_session: 'abc' } });
    expect(
      (await t.app.inject({ url: '/policy', cookies: { vanort_session: 'abc' } })).headers[
        'x-cache'
      ],
    ).toBeUndefined();
    expect(t.app.pageCache.size).toBe(0);
  });

  it('renders again after any committed write, and stores nothing older than the data', async () => {
    const first = await t.app.inject({ url: '/probe' });
    expect([first.headers['x-cache'], first.body]).toEqual(['miss', `rendered ${renders}`]);
    expect((await t.app.inject({ url: '/probe' })).headers['x-cache']).toBe('hit');
    await touch(t);
    const after = await t.app.inject({ url: '/probe' });
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body).not.toBe(first.body);
    // A write that commits while the page renders: the page was rendered under the
    // generation read before, so the next request renders again instead of hitting.
    await touch(t);
    writeWhileRendering = true;
    const during = await t.app.inject({ url: '/probe' });
    expect(during.headers['x-cache']).toBe('miss');
    const next = await t.app.inject({ url: '/probe' });
    expect(next.headers['x-cache']).toBe('miss');
    expect(next.body).not.toBe(during.body);
    expect((await t.app.inject({ url: '/probe' })).headers['x-cache']).toBe('hit');
  });

  it('forgets entries after the TTL, past the size limit and at another generation', () => {
    const cache = new PageCache(100, 2);
    expect(cache.get('a', 7, 0)).toBeUndefined();
    cache.set('a', 7, { body: 'A', headers: {} }, 0);
    expect(cache.get('a', 7, 50)?.body?.toString()).toBe('A');
    expect(cache.get('a', 7, 100)).toBeUndefined();
    cache.set('a', 7, { body: 'A', headers: {} }, 0);
    cache.set('b', 7, { body: 'B', headers: {} }, 0);
    cache.set('c', 7, { body: 'C', headers: {} }, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 7, 1)).toBeUndefined();
    // Another generation: nothing of the old one is served, or kept.
    expect(cache.get('b', 8, 1)).toBeUndefined();
    expect(cache.size).toBe(0);
    // A page rendered under the old generation, finished after the new one was seen.
    cache.set('b', 7, { body: 'B', headers: {} }, 1);
    expect(cache.size).toBe(0);
    cache.set('b', 8, { body: 'B2', headers: {} }, 1);
    expect(cache.get('b', 8, 2)?.body?.toString()).toBe('B2');
  });

  it('keeps its entries within a byte budget, whatever the number of addresses asked for', () => {
    // A thousand query-string variants of a 100 kB page would be 200 MB under the count alone.
    const cache = new PageCache(60_000, 1000, 2_000_000);
    const page = 'x'.repeat(100_000);
    cache.get('/', 7, 0);
    for (let i = 0; i < 1000; i++) cache.set(`/?v=${i}`, 7, { body: page, headers: {} }, 0);
    expect(cache.bytes).toBeLessThanOrEqual(2_000_000);
    expect(cache.size).toBe(19);
    // The newest are kept, the oldest went first.
    expect(cache.get('/?v=999', 7, 1)?.body.toString()).toBe(page);
    expect(cache.get('/?v=0', 7, 1)).toBeUndefined();
    // Replacing an entry, expiring one and a new generation keep the count of bytes right.
    cache.set('/?v=999', 7, { body: 'small', headers: {} }, 0);
    // Bodies are kept as UTF-8 bytes (decision 043).
    expect(cache.bytes).toBe(18 * (100_000 + 64) + 5 + 64);
    expect(cache.get('/?v=998', 7, 60_000)).toBeUndefined();
    expect(cache.bytes).toBe(17 * (100_000 + 64) + 5 + 64);
    // A page larger than the whole budget is not kept (and pushes nothing out).
    cache.set('/huge', 7, { body: 'y'.repeat(2_000_001), headers: {} }, 0);
    expect(cache.get('/huge', 7, 1)).toBeUndefined();
    expect(cache.size).toBe(18);
    cache.get('/', 8, 1);
    expect(cache.bytes).toBe(0);
  });

  it('counts the compressed copies it keeps against the byte budget', () => {
    const cache = new PageCache(60_000, 1000, 700_000);
    // Text that compresses badly, so each copy weighs about as much as the body.
    let seed = 1;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 48_271) % 2_147_483_647;
        return String.fromCharCode(33 + (seed % 90));
      }).join('');
    cache.get('/', 7, 0);
    const bodies = ['a', 'b', 'c'].map(() => noise(100_000));
    bodies.forEach((body, i) => cache.set(`/${i}`, 7, { body, headers: {} }, 0));
    const plain = 3 * (100_000 + 64);
    expect(cache.bytes).toBe(plain);
    const hit = cache.get('/0', 7, 1)!;
    const br = cache.encoded('/0', hit, 'br');
    const gzip = cache.encoded('/0', hit, 'gzip');
    expect(br.length).toBeGreaterThan(50_000);
    expect(cache.bytes).toBe(plain + br.length + gzip.length);
    // Asked again, the same copy is served and nothing is counted twice.
    expect(cache.encoded('/0', hit, 'br')).toBe(br);
    expect(cache.bytes).toBe(plain + br.length + gzip.length);
    // Compressing the others pushes the oldest entries out instead of outgrowing the budget.
    for (const key of ['/1', '/2']) {
      const entry = cache.get(key, 7, 1)!;
      cache.encoded(key, entry, 'br');
      cache.encoded(key, entry, 'gzip');
    }
    expect(cache.bytes).toBeLessThanOrEqual(700_000);
    expect(cache.get('/2', 7, 1)?.encoded?.gzip).toBeDefined();
    expect(cache.size).toBeLessThan(3);
    // Leaving (here at a new generation) gives back all of an entry's bytes.
    cache.get('/', 8, 1);
    expect(cache.bytes).toBe(0);
  });
});

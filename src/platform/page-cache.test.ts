import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { PageCache } from './page-cache.ts';

describe('page cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { env: { PAGE_CACHE_TTL_MS: '60000' } });
  });
  afterAll(() => t.close());

  it('serves a public page from memory the second time, per language', async () => {
    t.app.pageCache.clear();
    const first = await t.app.inject({ url: '/cities/bergen' });
    expect(first.headers['x-cache']).toBe('miss');
    const second = await t.app.inject({ url: '/cities/bergen' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['content-security-policy']).toBeDefined();
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const english = await t.app.inject({ url: '/cities/bergen', cookies: { lang: 'en' } });
    expect(english.headers['x-cache']).toBe('miss');
    expect(english.body).toContain('<html lang="en">');
  });

  it('lets a language switch through to set its cookie', async () => {
    t.app.pageCache.clear();
    await t.app.inject({ url: '/policy?lang=en' });
    const again = await t.app.inject({ url: '/policy?lang=en' });
    expect(again.headers['x-cache']).toBeUndefined();
    expect(again.cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    // With the cookie already set, the same address is served from the cache.
    await t.app.inject({ url: '/policy?lang=en', cookies: { lang: 'en' } });
    const cached = await t.app.inject({ url: '/policy?lang=en', cookies: { lang: 'en' } });
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.body).toContain('<html lang="en">');
    expect(cached.headers['x-frame-options']).toBeDefined();
  });

  it('never caches errors or requests with other cookies', async () => {
    t.app.pageCache.clear();
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

  it('forgets entries after the TTL and when cleared', () => {
    const cache = new PageCache(100, 2);
    cache.set('a', { body: 'A', headers: {} }, 0);
    expect(cache.get('a', 50)?.body).toBe('A');
    expect(cache.get('a', 100)).toBeUndefined();
    cache.set('a', { body: 'A', headers: {} }, 0);
    cache.set('b', { body: 'B', headers: {} }, 0);
    cache.set('c', { body: 'C', headers: {} }, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

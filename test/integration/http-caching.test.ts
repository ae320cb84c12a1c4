import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { DEMO_EMAIL, signedIn } from '../helpers/sign-in.ts';
import { editPopulation } from '../helpers/city-edit.ts';

/**
 * HTTP caching and compression (decision 030): validators from the data generation, 304
 * only while nothing changed, no shared caching of a signed-in person's page, compressed
 * bodies equal to the plain ones, and the security headers exactly as @fastify/helmet sent
 * them before they were built once at start.
 */

/** What @fastify/helmet 13 sent with this app's options (captured before it was replaced). */
const CSP =
  "default-src 'self';base-uri 'self';form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';style-src 'self';font-src 'self'";
const HELMET = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const HELMET_PRODUCTION = {
  ...HELMET,
  'content-security-policy': `${CSP};upgrade-insecure-requests`,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

const PUBLIC_PAGES = ['/', '/cities/bergen', '/en/meetings', '/collaborations', '/api/v1/cities'];

function decoded(res: LightMyRequestResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  return res.payload;
}

function securityHeadersOf(res: LightMyRequestResponse): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(HELMET_PRODUCTION).flatMap((name) =>
      res.headers[name] === undefined ? [] : [[name, res.headers[name]]],
    ),
  );
}

describeEachDialect('HTTP caching and compression', (dialect) => {
  let t: TestApp;
  let cached: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cached = await buildTestApp(dialect, { env: { PAGE_CACHE_TTL_MS: '60000' } });
    prod = await buildTestApp(dialect, {
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://vanorter.example',
        COOKIE_SECRET: 'x'.repeat(40),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await cached.close();
    await prod.close();
  });

  it('answers a repeated conditional GET with 304, and with the new page after a write', async () => {
    for (const [i, app] of [t.app, cached.app].entries()) {
      const first = await app.inject({ url: '/cities/bergen' });
      expect(first.statusCode).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['last-modified']).toMatch(/GMT$/);
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(first.headers.vary).toMatch(/accept-encoding/i);
      expect(first.headers.vary).toMatch(/Cookie/);

      const again = await app.inject({ url: '/cities/bergen', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.payload).toBe('');
      expect(again.headers.etag).toBe(etag);
      // Another language of the same page is another representation.
      const english = await app.inject({
        url: '/en/cities/bergen',
        headers: { 'if-none-match': etag },
      });
      expect(english.statusCode).toBe(200);
      expect(english.headers.etag).not.toBe(etag);

      const population = 301_230 + i;
      await editPopulation(app, population);
      const after = await app.inject({ url: '/cities/bergen', headers: { 'if-none-match': etag } });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.payload.replace(/\D/g, '')).toContain(String(population));
    }
  });

  it('never answers 304 across a write', async () => {
    const first = await t.app.inject({ url: '/api/v1/cities' });
    const etag = String(first.headers.etag);
    const again = await t.app.inject({ url: '/api/v1/cities', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    await editPopulation(t.app, 290_001);
    const after = await t.app.inject({ url: '/api/v1/cities', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.payload).toContain('290001');
    // An unrelated or malformed validator is simply not a match.
    for (const value of ['W/"nope"', '"', 'garbage, ,,']) {
      const res = await t.app.inject({
        url: '/api/v1/cities',
        headers: { 'if-none-match': value },
      });
      expect(res.statusCode, value).toBe(200);
    }
  });

  it('never lets a shared cache keep a page of a signed-in person', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.coordinator);
    const anonymous = await t.app.inject({ url: '/cities/bergen' });
    for (const path of ['/', '/cities/bergen', '/workspace', '/account']) {
      const res = await agent.get(path, { 'if-none-match': String(anonymous.headers.etag) });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['cache-control'], path).toMatch(/no-store/);
      expect(res.headers['cache-control'], path).not.toMatch(/public/);
      expect(res.headers.etag, path).toBeUndefined();
    }
  });

  it('compresses pages, API lists, CSS and feeds, and the decoded body is the plain one', async () => {
    for (const app of [t.app, cached.app]) {
      for (const url of [...PUBLIC_PAGES, '/news.atom', '/static/styles.css']) {
        const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
        expect(plain.statusCode, url).toBe(200);
        expect(plain.headers['content-encoding'], url).toBeUndefined();
        for (const encoding of ['br', 'gzip']) {
          // Twice: with the page cache on, the second one is a hit compressed once for its entry.
          for (let round = 0; round < 2; round++) {
            const res = await app.inject({ url, headers: { 'accept-encoding': encoding } });
            expect(res.statusCode, url).toBe(200);
            expect(res.headers['content-encoding'], `${url} ${encoding}`).toBe(encoding);
            expect(res.headers.vary, url).toMatch(/accept-encoding/i);
            expect(decoded(res), `${url} ${encoding}`).toBe(plain.payload);
          }
        }
      }
    }
    // q=0 refuses an encoding.
    const refused = await cached.app.inject({
      url: '/',
      headers: { 'accept-encoding': 'br;q=0, gzip' },
    });
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('keeps the stylesheet under its versioned address for a year, and revalidates any other', async () => {
    const home = await t.app.inject({ url: '/' });
    const href = /href="(\/static\/styles\.css\?v=[^"]+)"/.exec(home.payload)?.[1];
    expect(href).toBeDefined();
    const versioned = await t.app.inject({ url: href ?? '' });
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/static/styles.css', '/static/styles.css?v=old']) {
      const res = await t.app.inject({ url });
      expect(res.headers['cache-control'], url).toBe('public, max-age=0, must-revalidate');
    }
  });

  it('sends the same security headers as before, on every kind of response', async () => {
    const urls = [...PUBLIC_PAGES, '/static/styles.css', '/no-such-page', '/workspace'];
    for (const url of urls) {
      const dev = await t.app.inject({ url });
      expect(securityHeadersOf(dev), url).toEqual(HELMET);
      const production = await prod.app.inject({ url });
      expect(securityHeadersOf(production), url).toEqual(HELMET_PRODUCTION);
    }
    // Cache hits and 304s carry them too.
    await cached.app.inject({ url: '/' });
    const hit = await cached.app.inject({ url: '/' });
    expect(hit.headers['x-cache']).toBe('hit');
    expect(securityHeadersOf(hit)).toEqual(HELMET);
    const notModified = await cached.app.inject({
      url: '/',
      headers: { 'if-none-match': String(hit.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
    expect(securityHeadersOf(notModified)).toEqual(HELMET);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { loadStylesheet, STYLES_DIR } from './stylesheet.ts';

// The markup does not depend on the database: SQLite only.
describe('the stylesheet joined from its parts (src/ui/styles)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { demo: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves every part, whole and in the order of their names', async () => {
    const names = readdirSync(STYLES_DIR)
      .filter((name) => name.endsWith('.css'))
      .sort();
    expect(names.length).toBeGreaterThan(10);
    const res = await t.app.inject({ url: '/static/styles.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    const served = res.body;
    let from = 0;
    for (const name of names) {
      const part = readFileSync(join(STYLES_DIR, name), 'utf8');
      expect(part.trim().length, name).toBeGreaterThan(0);
      const at = served.indexOf(part, from);
      expect(at, `${name} is served after the parts before it`).toBeGreaterThanOrEqual(from);
      from = at + part.length;
    }
    expect(from).toBe(served.length);
    // The print section and the colours are there (decision 030's assets).
    expect(served).toContain('@media print');
    expect(served).toContain('--color-primary');
  });

  it('links it from every page under the address of its version, and answers 304 when nothing changed', async () => {
    const sheet = loadStylesheet();
    const home = await t.app.inject({ url: '/' });
    expect(home.payload).toContain(`/static/styles.css?v=${sheet.version}`);
    const res = await t.app.inject({ url: `/static/styles.css?v=${sheet.version}` });
    expect(res.rawPayload.equals(sheet.css)).toBe(true);
    expect(res.headers.etag).toBe(sheet.etag);
    expect(res.headers['last-modified']).toBe(sheet.lastModified);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await t.app.inject({
      url: '/static/styles.css',
      headers: { 'if-none-match': sheet.etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
    const since = await t.app.inject({
      url: '/static/styles.css',
      headers: { 'if-modified-since': sheet.lastModified },
    });
    expect(since.statusCode).toBe(304);
    const stale = await t.app.inject({
      url: '/static/styles.css',
      headers: { 'if-none-match': 'W/"old"' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(sheet.css)).toBe(true);
  });

  it('still serves the other static files from src/ui/public', async () => {
    const res = await t.app.inject({ url: '/static/favicon.svg' });
    expect(res.statusCode).toBe(200);
  });
});

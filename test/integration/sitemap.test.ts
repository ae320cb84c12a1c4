import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

interface Entry {
  loc: string;
  alternates: Record<string, string>;
}

/** Reads a sitemap with a strict XML parser (it throws on anything not well-formed). */
function readSitemap(xml: string): { root: string; entries: Entry[] } {
  const parser = new SaxesParser({ xmlns: true });
  const entries: Entry[] = [];
  let root = '';
  let current: Entry | null = null;
  let inLoc = false;
  parser.on('opentag', (tag) => {
    if (!root) root = `${tag.uri} ${tag.local}`;
    if (tag.local === 'url') current = { loc: '', alternates: {} };
    if (tag.local === 'loc') inLoc = true;
    if (tag.local === 'link' && tag.uri === 'http://www.w3.org/1999/xhtml' && current) {
      current.alternates[String(tag.attributes.hreflang?.value)] = String(
        tag.attributes.href?.value,
      );
    }
  });
  parser.on('text', (text) => {
    if (inLoc && current) current.loc += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'loc') inLoc = false;
    if (tag.local === 'url' && current) entries.push(current);
  });
  parser.write(xml).close();
  return { root, entries };
}

describeEachDialect('sitemap.xml', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { PUBLIC_URL: 'https://vanorter.goteborg.se' } });
  });
  afterAll(() => t.close());

  it('lists every public page in every language, each with its alternates', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const { root, entries } = readSitemap(res.body);
    expect(root).toBe('http://www.sitemaps.org/schemas/sitemap/0.9 urlset');
    const locs = entries.map((e) => e.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const path of ['/', '/cities/bergen', '/meetings', '/decisions', '/collaborations']) {
      for (const prefix of ['', '/en', '/da', '/nb', '/fi']) {
        const loc = `https://vanorter.goteborg.se${prefix}${path === '/' && prefix ? '/' : path}`;
        expect(locs, loc).toContain(loc);
      }
    }
    for (const e of entries) {
      expect(Object.keys(e.alternates).sort()).toEqual(['da', 'en', 'fi', 'nb', 'sv']);
      expect(Object.values(e.alternates)).toContain(e.loc);
    }
    // Each module's detail pages are there: meetings, decisions, public collaborations.
    for (const kind of ['meetings', 'decisions', 'collaborations']) {
      expect(
        locs.some((l) => l.startsWith(`https://vanorter.goteborg.se/${kind}/`)),
        kind,
      ).toBe(true);
    }
    // Every listed address answers 200 (a sample: the Swedish ones of the lists and cities).
    for (const loc of locs.filter((l) => !/\/(meetings|decisions|collaborations)\//.test(l))) {
      const path = loc.replace('https://vanorter.goteborg.se', '');
      expect((await t.app.inject({ url: path })).statusCode, path).toBe(200);
    }
  });

  it('never lists an internal collaboration', async () => {
    const internal = await t.db.kysely
      .selectFrom('collaboration')
      .select('id')
      .where('visibility', '=', 'internal')
      .execute();
    expect(internal.length).toBeGreaterThan(0);
    const { body } = await t.app.inject({ url: '/sitemap.xml' });
    for (const { id } of internal) expect(body).not.toContain(id);
  });
});

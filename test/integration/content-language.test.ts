import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { samplePublicPages } from '../helpers/public-pages.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Issue 13 (WCAG 3.1.2): content the city's staff write only in Swedish (titles, goals,
 * themes, document titles) sits inside an element marked `lang="sv"` on a Danish page, so a
 * screen reader reads it as Swedish; the Swedish page itself gets no such wrapper.
 */

/** The first capture of `pattern` in `html`, failing the test when there is none. */
function capture(html: string, pattern: RegExp, what: string): string {
  const m = pattern.exec(html);
  expect(m?.[1], what).toBeTruthy();
  return m![1]!;
}

/** Elements marked Swedish besides the root and the language switch's own link. */
const swedishElements = (html: string) =>
  [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*\slang="sv"[^>]*>/g)]
    .filter((m) => m[1] !== 'html' && !m[0].includes('hreflang='))
    .map((m) => m[0]);

describeEachDialect('Swedish content on pages in other languages', (dialect) => {
  let t: TestApp;
  let paths: string[];
  const get = async (url: string) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  /** The Swedish and the Danish page of the first sitemap page that passes `pick`. */
  const pages = async (kind: string, pick: (sv: string) => boolean = () => true) => {
    for (const path of paths.filter((p) => p.startsWith(`/${kind}/`))) {
      const sv = await get(path);
      if (pick(sv)) return { path, sv, da: await get(`/da${path}`) };
    }
    throw new Error(`no /${kind}/ page in the sitemap fits`);
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    paths = await samplePublicPages(t.app, 100);
  });
  afterAll(() => t.close());

  it('a collaboration: its title and goals', async () => {
    const { path, sv, da } = await pages('collaborations', (html) =>
      /<dt>Mål<\/dt>\s*<dd>[^<–]/.test(html),
    );
    const title = capture(sv, /<h1>([^<]+)<\/h1>/, `${path}: title`);
    const goals = capture(sv, /<dt>Mål<\/dt>\s*<dd>([^<]+)<\/dd>/, `${path}: goals`);
    expect(da).toContain(`<h1 lang="sv">${title}</h1>`);
    expect(da).toMatch(new RegExp(`<dd lang="sv">${escape(goals)}</dd>`));
    expect(swedishElements(sv)).toEqual([]);
  });

  it('a meeting: its theme and the title of a document', async () => {
    const { path, sv, da } = await pages(
      'meetings',
      (html) => html.includes('<p class="lead">') && html.includes('/documents/'),
    );
    const theme = capture(sv, /<p class="lead">([^<]+)<\/p>/, `${path}: theme`);
    const document = capture(sv, /\/documents\/[^"]+">Ladda ner ([^<]+?) \(/, `${path}: document`);
    expect(da).toContain(`<p class="lead" lang="sv">${theme}</p>`);
    expect(da).toMatch(
      new RegExp(`/documents/[^"]+">Hent <span lang="sv">${escape(document)}</span> \\(`),
    );
    expect(swedishElements(sv)).toEqual([]);
  });

  it('a decision: its title', async () => {
    const { path, sv, da } = await pages('decisions');
    const title = capture(sv, /<h1>([^<]+)<\/h1>/, `${path}: title`);
    expect(da).toContain(`<h1 lang="sv">${title}</h1>`);
    expect(swedishElements(sv)).toEqual([]);
  });

  it('area names: English on English pages, Swedish and marked on Danish ones', async () => {
    const { path, sv, da } = await pages('collaborations', (html) =>
      /<dt>Områden<\/dt>\s*<dd>[^<–]/.test(html),
    );
    const en = await get(`/en${path}`);
    const areas = capture(sv, /<dt>Områden<\/dt>\s*<dd>([^<]+)<\/dd>/, `${path}: areas`);
    const english = capture(en, /<dt>Areas<\/dt>\s*<dd>([^<]+)<\/dd>/, `/en${path}: areas`);
    expect(da).toContain(`<dd lang="sv">${areas}</dd>`);
    expect(english).not.toBe(areas);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

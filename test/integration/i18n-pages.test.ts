import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogueKeys, lookup } from '../../src/platform/i18n/catalogue.ts';
import { ALL_LOCALES, type Locale } from '../../src/platform/i18n/locales.ts';
import { localizePath } from '../../src/platform/i18n/paths.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { samplePublicPages } from '../helpers/public-pages.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/** A message worth looking for: three words or more, without arguments. */
const sentence = (text: string | undefined): text is string =>
  text !== undefined && !text.includes('{') && (text.match(/\p{L}{2,}/gu) ?? []).length >= 3;

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

/**
 * What must not appear on a page in `locale`: message keys, and the Swedish and English
 * texts of messages the language translates differently (a leak of another catalogue).
 */
function foreignTexts(locale: Locale): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const key of catalogueKeys('sv')) {
    const own = lookup(locale, key);
    for (const other of ['sv', 'en'] as const) {
      if (other === locale) continue;
      const text = lookup(other, key);
      if (sentence(text) && own !== text) out.push({ key, text });
    }
  }
  return out;
}

/**
 * The page without the elements marked as another language (`lang="sv"` around the policy's
 * Swedish original, a city name that falls back): those may hold other languages' words.
 */
function ownLanguageOnly(html: string, locale: Locale): string {
  const open = /<([a-z][a-z0-9]*)\b[^>]*\slang="([a-z-]+)"[^>]*>/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m[2] === locale || m.index < from) continue;
    const tag = m[1]!;
    // Find the matching end tag, counting nested elements of the same name.
    const scan = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    scan.lastIndex = m.index + m[0].length;
    let depth = 1;
    let end = html.length;
    for (let n = scan.exec(html); n; n = scan.exec(html)) {
      depth += n[1] ? -1 : 1;
      if (depth === 0) {
        end = n.index + n[0].length;
        break;
      }
    }
    out += html.slice(from, m.index);
    from = end;
    open.lastIndex = end;
  }
  return out + html.slice(from);
}

const KEY_LIKE = /\b[a-z][a-zA-Z]+(\.[a-z][a-zA-Z0-9]+){1,4}\b/g;

describeEachDialect('every public page in every language', (dialect) => {
  let t: TestApp;
  let paths: string[];
  const keys = new Set(catalogueKeys('sv'));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    paths = await samplePublicPages(t.app);
  });
  afterAll(() => t.close());

  it('lists the pages of every public module in the sitemap', () => {
    for (const path of ['/', '/cities', '/cities/bergen', '/meetings', '/decisions', '/policy'])
      expect(paths).toContain(path);
    for (const kind of ['meetings', 'decisions', 'collaborations'])
      expect(
        paths.some((p) => p.startsWith(`/${kind}/`)),
        kind,
      ).toBe(true);
  });

  it.each(ALL_LOCALES)('%s: no message key and no other language leaks into a page', async (l) => {
    const foreign = foreignTexts(l);
    for (const path of paths) {
      const address = localizePath(path, l);
      const res = await t.app.inject({ url: address });
      expect(res.statusCode, address).toBe(200);
      expect(res.headers['content-language'], address).toBe(l);
      expect(res.body, address).toContain(`<html lang="${l}">`);
      const text = decode(ownLanguageOnly(res.body.replace(/<html[^>]*>/, ''), l));
      const leakedKeys = (text.match(KEY_LIKE) ?? []).filter((k) => keys.has(k));
      expect(leakedKeys, address).toEqual([]);
      const leaked = foreign.filter((f) => text.includes(f.text)).map((f) => f.key);
      expect(leaked, address).toEqual([]);
    }
  });
});

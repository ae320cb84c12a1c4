import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { MARK_START } from './knowledge.repository.ts';
import { ftsQuery, prefixTsQuery, searchKnowledge } from './knowledge.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';

describe('ftsQuery', () => {
  it('quotes every word, requires all, and makes the last a prefix', () => {
    expect(ftsQuery('klimat')).toBe('"klimat"*');
    expect(ftsQuery('Lägerskola  i Åbo')).toBe('"Lägerskola" "i" "Åbo"*');
  });

  it('leaves no FTS5 syntax from the user', () => {
    expect(ftsQuery('"klimat" OR title:x* NEAR(a b) -c ^d')).toBe(
      '"klimat" "OR" "title" "x" "NEAR" "a" "b" "c" "d"*',
    );
    expect(ftsQuery('"*()')).toBe('');
    expect(prefixTsQuery("klimat & !x | 'y'")).toBe("'klimat' & 'x' & 'y':*");
  });
});

describeEachDialect('knowledge bank', (dialect) => {
  const t = useTestApp(dialect);
  const page = { limit: 20, offset: 0 };
  const titles = async (q: string, filters: Record<string, string> = {}) =>
    (await searchKnowledge(t.db, { q, ...filters }, page)).hits.map((h) =>
      h.title.replaceAll(/[\uE000\uE001]/g, ''),
    );

  it('finds a collaboration by a Swedish word in its title, goals or results', async () => {
    expect(await titles('klimatanpassning')).toContain('Klimatanpassning i stadsplaneringen');
    expect(await titles('skyfallskartering')).toContain('Klimatanpassning i stadsplaneringen');
  });

  it('finds "klimat" in the tags and the compound word by prefix, on both dialects', async () => {
    const hits = await titles('klimat');
    expect(hits).toContain('Klimatanpassning i stadsplaneringen'); // tag "Klimat"
    expect(hits).toContain('Landström till fartyg i hamnarna');
    // The last word is also a prefix: "klimat" reaches the conference's "klimatanpassning".
    expect(hits).toContain('Gymnasiekonferens om hållbarhet');
  });

  it('finds inflected forms: "lägerskola" also finds "lägerskolan"', async () => {
    const hits = await titles('lägerskola');
    expect(hits).toContain('Lägerskola för elever i årskurs 9');
    expect(hits).toContain('Lägerskolan i Åbo skärgård.');
  });

  it('shows a collaboration’s areas and strategy goals as labels, never run into the snippet', async () => {
    for (const q of ['gatukonst', '']) {
      const { hits } = await searchKnowledge(t.db, { q }, { limit: 200, offset: 0 });
      const hit = hits.find(
        (h) => h.title.replaceAll(/[\uE000\uE001]/g, '') === 'Gatukonst på vänorternas väggar',
      );
      expect(hit, `query "${q}"`).toBeDefined();
      expect(hit!.areas).toBe('Kultur');
      expect(hit!.goals).toBe('Kultur');
      // The snippet is (the start of) the prose, without the labels (PostgreSQL's headline
      // without a match in the body is its first words).
      const snippet = hit!.snippet.replaceAll(/[\uE000\uE001]/g, '').replace(/\s*…$/, '');
      expect(snippet.length, JSON.stringify(snippet)).toBeGreaterThan(20);
      expect(
        'Konstnärer från Bergen och Göteborg målar var sin vägg i den andra staden.'.startsWith(
          snippet,
        ),
        JSON.stringify(snippet),
      ).toBe(true);
    }
    // An exchange has no labels: its whole body is prose.
    const { hits } = await searchKnowledge(t.db, { q: 'lägerskola' }, page);
    const exchange = hits.find((h) => h.entity === 'exchange')!;
    expect([exchange.areas, exchange.goals]).toEqual(['', '']);
  });

  it('filters by city, area, organisation and year', async () => {
    const turku = await titles('lägerskola', { city: 'turku' });
    expect(turku).toContain('Lägerskolan i Åbo skärgård.');
    expect(turku).not.toContain('Lägerskolan i Bergen med fjällvandring och demokrativerkstad.');
    expect(await titles('lägerskola', { year: '2024' })).toEqual(['Lägerskolan i Åbo skärgård.']);
    expect(await titles('klimat', { area: 'culture' })).toEqual([]);
    expect(await titles('bibliotek', { organisation: 'kulturforvaltningen' })).not.toEqual([]);
    expect(await titles('bibliotek', { organisation: 'goteborg-energi' })).toEqual([]);
  });

  it('highlights the matched words and never fails on odd input', async () => {
    const { hits } = await searchKnowledge(t.db, { q: 'klimatanpassning' }, page);
    expect(hits.some((h) => h.title.includes(MARK_START) || h.snippet.includes(MARK_START))).toBe(
      true,
    );
    for (const q of ['"', '*', 'NEAR(', 'a OR', '-', "'; drop table x", '((', 'ü'])
      await expect(searchKnowledge(t.db, { q }, page)).resolves.toBeDefined();
  });

  it('serves the page to logged-in users with <mark> and keeps the filters in the pagination', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.staff);
    const res = await agent.get('/workspace/knowledge?q=klimatanpassning&city=aarhus');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<mark>[Kk]limatanpassning<\/mark>/);
    expect((await agent.get('/workspace/knowledge?q=%22%28*')).statusCode).toBe(200);
    expect((await t.app.inject('/workspace/knowledge?q=x')).statusCode).toBe(303);
  });
});

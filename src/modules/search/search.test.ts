import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { newId } from '../../shared/ids.ts';
import { ensureIndexFresh, refreshIndex } from './search-index.service.ts';
import { highlight, markPrefixes, snippet } from './search.highlight.ts';
import { ftsMatch, parseQuery, tsQuery } from './search.query.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { collaborationRow } from '../../../test/helpers/collaboration-fixtures.ts';
import { updateRows } from '../../../test/helpers/rows.ts';

const NOW = '2026-12-01T10:00:00.000Z';

/** The hits of a result page: kind heading ids and the text of each hit's title. */
function hitsOf(html: string): { kinds: string[]; titles: string[] } {
  const kinds = [...html.matchAll(/id="search-([a-z]+)-heading"/g)].map((m) => m[1]!);
  const titles = [...html.matchAll(/<h3 class="search-hit-title"[^>]*>([\s\S]*?)<\/h3>/g)].map(
    (m) => m[1]!.replace(/<[^>]+>/g, ''),
  );
  return { kinds, titles };
}

describe('search query and highlighting (no database)', () => {
  it('keeps only words, quoted, so no full-text syntax reaches a database', () => {
    expect(parseQuery('  "NEAR(a b)" OR klimat* -x:y  ').words).toEqual([
      'NEAR',
      'a',
      'b',
      'OR',
      'klimat',
      'x',
      'y',
    ]);
    expect(ftsMatch(['NEAR', 'klimat'])).toBe('"NEAR"* "klimat"*');
    expect(tsQuery(['samarbeten', 'Göteborg'])).toBe("'samarbeten':* & 'Göteborg':*");
    expect(parseQuery('!!! ... ??? "*"').words).toEqual([]);
    const long = parseQuery('a'.repeat(10_000));
    expect(long.shortened).toBe(true);
    expect(long.text).toHaveLength(200);
    expect(parseQuery('ett två tre fyra fem sex sju åtta nio tio').words).toHaveLength(8);
  });

  it('marks words by folded prefix and cuts a snippet around the hits', () => {
    const prefixes = markPrefixes(['goteborg', 'samarbet']);
    const parts = highlight('Göteborgs samarbete med <Bergen>', prefixes);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Göteborgs', 'samarbete']);
    expect(parts.map((p) => p.text).join('')).toBe('Göteborgs samarbete med <Bergen>');
    const text = `${'ord '.repeat(100)}klimat ${'ord '.repeat(100)}`;
    const cut = snippet(text, markPrefixes(['klimat']), 10);
    expect(cut[0]!.text).toBe('… ');
    expect(cut.some((p) => p.hit && p.text === 'klimat')).toBe(true);
    expect(cut.at(-1)!.text).toBe(' …');
  });
});

describeEachDialect('portal search', (dialect) => {
  const t = useTestApp(dialect);
  const ids = {
    meeting: '',
    bergen: '',
    aarhus: '',
    organisation: '',
    seminar: newId(),
    outcome: newId(),
    publicCollab: newId(),
    bergenInternal: newId(),
    aarhusInternal: newId(),
    exchange: newId(),
    internalExchange: newId(),
    news: newId(),
    draftNews: newId(),
  };

  beforeAll(async () => {
    const k = t.db.kysely;
    const city = async (slug: string) =>
      (await k.selectFrom('city').select('id').where('slug', '=', slug).executeTakeFirstOrThrow())
        .id;
    ids.bergen = await city('bergen');
    ids.aarhus = await city('aarhus');
    ids.meeting = (
      await k.selectFrom('meeting').select('id').orderBy('year', 'desc').executeTakeFirstOrThrow()
    ).id;
    ids.organisation = (
      await k.selectFrom('organisation').select('id').executeTakeFirstOrThrow()
    ).id;
    await k
      .insertInto('meeting_seminar')
      .values({
        id: ids.seminar,
        meeting_id: ids.meeting,
        programme_item_id: null,
        title: 'Ett samarbete om dagvatten <script>alert(1)</script>',
        topic_area: 'Vatten',
        speakers: 'Kvastfenix Talare',
        description: 'Hur städerna hanterar skyfall.',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await k
      .insertInto('meeting_outcome')
      .values({
        id: ids.outcome,
        meeting_id: ids.meeting,
        kind: 'action',
        text: 'Vänorterna utreder en gemensam Pelikanbro-rapport.',
        responsible_city_id: null,
        due_on: null,
        closed_on: null,
        closed_in_meeting_id: null,
        closing_note: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    const collaboration = (id: string, title: string, visibility: string, published: boolean) =>
      collaborationRow({
        id,
        organisation_id: ids.organisation,
        title,
        kind: 'project',
        status: 'ongoing',
        starts_on: '2026-01-01',
        goals: 'Mål för Tranbärsnätverket.',
        contact_name: 'Kerstin Kontakt',
        contact_email: 'kerstin.kontakt@example.org',
        visibility,
        review_state: published ? 'acknowledged' : 'submitted',
        submitted_at: NOW,
        published_at: published ? NOW : null,
        created_at: NOW,
      });
    await k
      .insertInto('collaboration')
      .values([
        collaboration(ids.publicCollab, 'Öppet Tranbärsprojekt', 'public', true),
        collaboration(ids.bergenInternal, 'Hemligt Tranbärsprojekt med Bergen', 'internal', true),
        collaboration(ids.aarhusInternal, 'Hemligt Tranbärsprojekt med Århus', 'internal', true),
      ])
      .execute();
    await k
      .insertInto('collaboration_city')
      .values([
        { collaboration_id: ids.publicCollab, city_id: ids.bergen },
        { collaboration_id: ids.bergenInternal, city_id: ids.bergen },
        { collaboration_id: ids.aarhusInternal, city_id: ids.aarhus },
      ])
      .execute();
    const exchange = (id: string, activities: string, visibility: string, city: string) => ({
      id,
      organisation_id: ids.organisation,
      collaboration_id: null,
      city_id: city,
      occurred_on: '2026-05-04',
      direction: 'visit_to',
      participants: 4,
      activities,
      learnings: 'Vi lärde oss om Murmeldjursmetoden.',
      visibility,
      review_state: 'acknowledged',
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      submitted_at: NOW,
      published_at: NOW,
      created_by: null,
      created_at: NOW,
      updated_at: NOW,
    });
    await k
      .insertInto('exchange')
      .values([
        exchange(ids.exchange, 'Studiebesök om Murmeldjursmetoden', 'public', ids.bergen),
        exchange(ids.internalExchange, 'Internt Murmeldjursmöte', 'internal', ids.aarhus),
      ])
      .execute();
    await k
      .insertInto('news_item')
      .values([
        {
          id: ids.news,
          status: 'published',
          publish_at: NOW,
          published_at: NOW,
          created_by: null,
          updated_by: null,
          created_at: NOW,
          updated_at: NOW,
        },
        {
          id: ids.draftNews,
          status: 'draft',
          publish_at: null,
          published_at: null,
          created_by: null,
          updated_by: null,
          created_at: NOW,
          updated_at: NOW,
        },
      ])
      .execute();
    const translation = (newsId: string, lang: string, title: string, body: string) => ({
      news_id: newsId,
      lang,
      title,
      summary: null,
      body_markdown: body,
      body_html: `<p>${body}</p>`,
      updated_at: NOW,
    });
    await k
      .insertInto('news_translation')
      .values([
        translation(ids.news, 'sv', 'Nyhet om Flamingoveckan', 'Flamingoveckan &amp; mer.'),
        translation(ids.news, 'en', 'News about the Flamingo week', 'The Flamingo week.'),
        translation(ids.draftNews, 'sv', 'Utkast om Flamingohemlis', 'Inte publicerad.'),
      ])
      .execute();
  });

  const visitor = async (q: string, extra = '', prefix = '') => {
    const res = await t.app.inject({
      url: `${prefix}/search?q=${encodeURIComponent(q)}${extra}`,
    });
    return { status: res.statusCode, html: res.body, ...hitsOf(res.body) };
  };

  it('finds every kind: city, meeting, seminar, outcome, decision, collaboration, exchange, news', async () => {
    const cases: [string, string][] = [
      ['Bergen', 'city'],
      ['vänortsmöte', 'meeting'],
      ['Kvastfenix', 'seminar'],
      ['Pelikanbro', 'outcome'],
      ['Nordiskt vänortssamarbete', 'decision'],
      ['Tranbärsprojekt', 'collaboration'],
      ['Murmeldjursmetoden', 'exchange'],
      ['Flamingoveckan', 'news'],
    ];
    for (const [q, kind] of cases) {
      const r = await visitor(q);
      expect(r.status, q).toBe(200);
      expect(r.kinds, q).toContain(kind);
    }
    // Grouped with counts, highlighted, linking to the record's page.
    const r = await visitor('Tranbärsprojekt');
    expect(r.html).toContain('<h2 id="search-collaboration-heading">Samarbeten (1)</h2>');
    expect(r.html).toContain(
      `<a href="/collaborations/${ids.publicCollab}">Öppet <mark>Tranbärsprojekt</mark></a>`,
    );
    // A seminar links to its meeting; its title's markup is text, escaped.
    const s = await visitor('dagvatten');
    expect(s.html).toContain(`href="/meetings/${ids.meeting}#seminars-heading"`);
    expect(s.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(s.html).not.toContain('<script>alert(1)');
    // Drafts are not news anyone finds.
    expect((await visitor('Flamingohemlis')).titles).toEqual([]);
  });

  it('finds names without their diacritics and in every language', async () => {
    expect((await visitor('Goteborg')).kinds).toContain('city');
    expect((await visitor('Arhus')).titles).toContain('Aarhus');
    // The older Danish spelling readers still type.
    expect((await visitor('Århus')).titles).toContain('Aarhus');
    expect((await visitor('Abo')).titles).toContain('Åbo');
    // The English page: the city by its English name, the news in English, the address kept.
    const en = await visitor('Turku', '', '/en');
    expect(en.titles).toContain('Turku');
    expect(en.html).toContain('<html lang="en"');
    expect((await visitor('Flamingo week', '', '/en')).titles).toContain(
      'News about the <mark>Flamingo</mark> <mark>week</mark>'.replace(/<[^>]+>/g, ''),
    );
    // Danish readers find the Swedish-only content too (one text for every reader).
    expect((await visitor('Kvastfenix', '', '/da')).kinds).toEqual(['seminar']);
  });

  it(
    dialect === 'postgres'
      ? 'stems Swedish: "samarbeten" finds "samarbete"'
      : 'matches word beginnings (SQLite has no stemming): "samarbete" finds "samarbeten", not the reverse',
    async () => {
      const plural = await visitor('samarbeten dagvatten');
      const singular = await visitor('samarbete dagvatten');
      expect(singular.kinds).toContain('seminar');
      if (dialect === 'postgres') {
        expect(plural.kinds).toContain('seminar');
        expect(plural.html).toContain('Ett <mark>samarbete</mark> om <mark>dagvatten</mark>');
      } else {
        expect(plural.kinds).not.toContain('seminar');
      }
    },
  );

  it('shows internal records only to those who may read them (decision 016)', async () => {
    // A visitor: only the public collaboration and exchange.
    const v = await visitor('Tranbärsprojekt');
    expect(v.titles).toEqual(['Öppet Tranbärsprojekt']);
    expect((await visitor('Murmeldjursmöte')).titles).toEqual([]);

    // Bergen's partner contact: the public ones and Bergen's internal one, not Aarhus'.
    const bergen = await signedIn(t.app, DEMO_EMAIL.bergen);
    const b = hitsOf((await bergen.get('/search?q=Tranb%C3%A4rsprojekt&kind=collaboration')).body);
    expect(b.titles.sort()).toEqual([
      'Hemligt Tranbärsprojekt med Bergen',
      'Öppet Tranbärsprojekt',
    ]);
    expect(hitsOf((await bergen.get('/search?q=Murmeldjursm%C3%B6te')).body).titles).toEqual([]);
    // No staff contact is indexed.
    const contact = (await bergen.get('/search?q=Kerstin')).body;
    expect(hitsOf(contact).titles).toEqual([]);
    expect(contact).not.toContain('kerstin.kontakt@');

    // Gothenburg's staff: everything, marked internal, linking to the workspace.
    const staff = await signedIn(t.app, DEMO_EMAIL.staff);
    const page = (await staff.get('/search?q=Tranb%C3%A4rsprojekt')).body;
    expect(hitsOf(page).titles).toHaveLength(3);
    expect(page).toContain(`href="/workspace/collaborations/${ids.aarhusInternal}"`);
    expect(page).toContain('<span class="tag">Intern</span>');
    expect(hitsOf((await staff.get('/search?q=Murmeldjursm%C3%B6te')).body).titles).toEqual([
      'Internt Murmeldjursmöte',
    ]);
  });

  it('finds a write at once: new, changed, hidden and removed records (no stale index)', async () => {
    const k = t.db.kysely;
    /** Changes the public collaboration straight in the database, as another instance might. */
    const changePublic = (set: { title?: string; visibility?: string }) =>
      updateRows(k, 'collaboration', { id: ids.publicCollab }, set);
    expect((await visitor('Nyckelpigeprojekt')).titles).toEqual([]);
    await changePublic({ title: 'Öppet Nyckelpigeprojekt' });
    expect((await visitor('Nyckelpigeprojekt')).titles).toEqual(['Öppet Nyckelpigeprojekt']);
    expect((await visitor('Tranbärsprojekt')).titles).toEqual([]);
    await changePublic({ visibility: 'internal' });
    expect((await visitor('Nyckelpigeprojekt')).titles).toEqual([]);
    await k.deleteFrom('meeting_outcome').where('id', '=', ids.outcome).execute();
    expect((await visitor('Pelikanbro')).titles).toEqual([]);
    // A search without a write since rewrites nothing.
    const before = await k.selectFrom('search_index_state').selectAll().executeTakeFirstOrThrow();
    await visitor('Bergen');
    const after = await k.selectFrom('search_index_state').selectAll().executeTakeFirstOrThrow();
    expect(after.refreshed_at).toBe(before.refreshed_at);
    // The scheduled job's work (search-index.job.ts): nothing to do now, a refresh after a write.
    expect(await ensureIndexFresh(t.db)).toBeNull();
    await updateRows(k, 'city', { id: ids.bergen }, { region: 'Vestland fylke' });
    expect(await ensureIndexFresh(t.db)).toMatchObject({ removed: 0 });
    expect((await visitor('fylke')).kinds).toEqual(['city']);
  });

  it('rereads only the records a write touched: one collaboration, an organisation renamed', async () => {
    const k = t.db.kysely;
    await visitor('Bergen'); // brings the index up to date
    await updateRows(
      k,
      'collaboration',
      { id: ids.bergenInternal },
      { goals: 'Mål för Igelkottsnätverket.' },
    );
    const one = await refreshIndex(t.db);
    expect(one).toMatchObject({ reread: 1, written: 1, removed: 0 });
    // The organisation's new name reaches its collaborations and exchanges (their text).
    await updateRows(
      k,
      'organisation',
      { id: ids.organisation },
      { name: 'Sökmotorförvaltningen' },
    );
    const staff = await signedIn(t.app, DEMO_EMAIL.staff);
    const found = (await staff.get('/search?q=S%C3%B6kmotorf%C3%B6rvaltningen')).body;
    expect(found).toContain('id="search-collaboration-heading"');
    expect(found).toContain('id="search-exchange-heading"');
    expect(await k.selectFrom('search_dirty').select('seq').execute()).toEqual([]);
  });

  it('answers bad queries with a message, never an error', async () => {
    const queries = [
      '',
      '   ',
      '!!!???',
      '"',
      '*',
      'NEAR(',
      "'; drop table city; --",
      '"a" OR "b',
      'x'.repeat(10_000),
      'a:b & !c | d',
    ];
    for (const q of queries) {
      const r = await visitor(q);
      expect([200, 400], q.slice(0, 20)).toContain(r.status);
    }
    expect((await visitor('!!!???')).html).toContain(
      'Skriv minst ett ord med bokstäver eller siffror.',
    );
    expect((await visitor('*')).html).toContain('Skriv minst ett ord');
    const long = await visitor(`Bergen ${'x'.repeat(10_000)}`);
    expect(long.status).toBe(200);
    expect(long.html).toContain('Din sökning var längre än 200 tecken.');
    expect(long.html).toContain('Inga träffar för');
    expect((await visitor('')).html).toContain('Skriv vad du letar efter i sökrutan.');
    const odd = await t.app.inject({ url: '/search?q=Bergen&kind=planet' });
    expectPage(odd, 400, ['Det finns ingen sådan sort av träffar.']);
    const twice = await t.app.inject({ url: '/search?q=Bergen&q=Aarhus&page=x&page=2' });
    expect(twice.statusCode).toBe(200);
    expect(await t.db.kysely.selectFrom('city').select('id').execute()).not.toHaveLength(0);
  });

  it('paginates the hits of one kind and says when there are none', async () => {
    const k = t.db.kysely;
    await k
      .insertInto('meeting_seminar')
      .values(
        Array.from({ length: 23 }, (_, i) => ({
          id: newId(),
          meeting_id: ids.meeting,
          programme_item_id: null,
          title: `Sidbytesseminarium ${i + 1}`,
          topic_area: null,
          speakers: null,
          description: null,
          created_at: NOW,
          updated_at: NOW,
        })),
      )
      .execute();
    const overview = await visitor('Sidbytesseminarium');
    expect(overview.titles).toHaveLength(3);
    expect(overview.html).toContain('Seminarier: visa alla 23');
    const first = await visitor('Sidbytesseminarium', '&kind=seminar');
    expect(first.titles).toHaveLength(20);
    expect(first.html).toContain('rel="next"');
    const second = await visitor('Sidbytesseminarium', '&kind=seminar&page=2');
    expect(second.titles).toHaveLength(3);
    const none = await visitor('Sidbytesseminarium', '&kind=news');
    expect(none.titles).toEqual([]);
    expect(none.html).toContain('Sök bland allt i stället');
  });

  it('serves a well-formed OpenSearch description per language, linked from every page', async () => {
    for (const [lang, searchPath] of [
      ['sv', '/search'],
      ['en', '/en/search'],
      ['fi', '/fi/search'],
    ] as const) {
      const res = await t.app.inject({
        url: `/opensearch.xml${lang === 'sv' ? '' : `?lang=${lang}`}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/opensearchdescription+xml');
      const parser = new SaxesParser({ xmlns: true });
      const urls: Record<string, string> = {};
      let root = '';
      parser.on('opentag', (tag) => {
        if (!root) root = `${tag.uri} ${tag.local}`;
        if (tag.local === 'Url')
          urls[String(tag.attributes.type?.value)] = String(tag.attributes.template?.value);
      });
      parser.write(res.body).close();
      expect(root).toBe('http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription');
      expect(urls['text/html']).toMatch(
        new RegExp(`^http://localhost(:80)?${searchPath}\\?q=\\{searchTerms\\}$`),
      );
    }
    const home = (await t.app.inject({ url: '/en/' })).body;
    expect(home).toContain(
      '<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml?lang=en"',
    );
    expect(home).toContain(
      '<form class="header-search" method="get" action="/en/search" role="search">',
    );
  });
});

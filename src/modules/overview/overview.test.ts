import { rowWhere } from '../../../test/helpers/rows.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectRedirect } from '../../../test/helpers/forms.ts';
import {
  addCollaboration,
  addDecision,
  addExchange,
  addNews,
  expectedFigures,
  figuresOnPage,
  THIS_YEAR,
} from '../../../test/helpers/overview-fixtures.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { barChartSvg } from '../../ui/chart.tsx';

describeEachDialect('the yearly overview', (dialect) => {
  const t = useTestApp(dialect);
  beforeAll(async () => {
    // The demo's news would count too: this test writes the news it counts.
    for (const table of ['news_link', 'news_translation', 'news_item'] as const)
      await t.db.kysely.deleteFrom(table).execute();
    // This year: public records that count, and internal, unpublished or draft ones that
    // must never count, each with Bergen.
    for (const collaboration of [
      { title: 'Offentligt samarbete med Bergen', visibility: 'public', published: true },
      { title: 'Internt samarbete med Bergen', visibility: 'internal', published: true },
      { title: 'Inskickat men inte kvitterat', visibility: 'public', published: false },
      { title: 'Inställt samarbete', visibility: 'public', published: true, status: 'cancelled' },
    ] as const)
      await addCollaboration(t.db, { citySlug: 'bergen', ...collaboration });
    await addExchange(t.db, { citySlug: 'bergen', participants: 12, visibility: 'public' });
    await addExchange(t.db, { citySlug: 'bergen', participants: 900, visibility: 'internal' });
    await addExchange(t.db, { citySlug: 'turku', participants: 5, visibility: 'public' });
    await addNews(t.db, { published: true });
    await addNews(t.db, { published: false });
    const bergen = await rowWhere(t.db, 'city', { slug: 'bergen' }, ['id']);
    await addNews(t.db, { published: true, cityId: bergen.id });
    await addNews(t.db, { published: false, cityId: bergen.id });
    await addDecision(t.db, 'Beslut om vänortsarbetet i år');
  });

  const get = async (url: string) => {
    const res = await t.app.inject({ url });
    return { status: res.statusCode, html: res.body, headers: res.headers };
  };

  it("shows this year's figures, as the test computes them from the database, on /overview", async () => {
    const expected = await expectedFigures(t.db, THIS_YEAR, null);
    const { status, html } = await get('/overview');
    expect(status).toBe(200);
    expect(html).toContain(`<h1>Vänortsåret ${THIS_YEAR}</h1>`);
    expect(figuresOnPage(html)).toEqual(expected);
    // The records the test added are in it: something to count in every section but meetings.
    expect(expected.collaborations).toBeGreaterThan(0);
    expect(expected.exchanges).toBe(2);
    expect(expected.participants).toBe(17);
    expect(expected.news).toBe(2);
    expect(expected.decisions).toBeGreaterThan(0);
    // The generated sentence says the same numbers in Swedish, with the right plurals.
    const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
    expect(html).toContain(
      `${THIS_YEAR} drev ${plural(expected.organisations, 'förvaltning eller bolag', 'förvaltningar och bolag')} ${plural(expected.collaborations, 'samarbete', 'samarbeten')} med vänorterna`,
    );
    expect(html).toContain(
      `${THIS_YEAR} gjordes 2 erfarenhetsutbyten med vänorterna, med 17 deltagare sammanlagt.`,
    );
    expect(html).toContain(`${THIS_YEAR} publicerades 2 nyheter på portalen.`);
    // /overview is this year's overview.
    expect(figuresOnPage((await get(`/overview/${THIS_YEAR}`)).html)).toEqual(expected);
  });

  it("counts only Bergen's public records on Bergen's overview; internal ones never count", async () => {
    const expected = await expectedFigures(t.db, THIS_YEAR, 'bergen');
    const { status, html } = await get(`/overview/${THIS_YEAR}/bergen`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>Vänortsåret ${THIS_YEAR}: Bergen</h1>`);
    expect(figuresOnPage(html)).toEqual(expected);
    expect(expected.exchanges).toBe(1);
    expect(expected.participants).toBe(12);
    // The news about Bergen: the published item linked to it, not the others.
    expect(expected.news).toBe(1);
    // The internal, unpublished and cancelled collaborations the test added are all in the
    // database, this year, with Bergen; the page's count (the test's public-only count) has
    // none of them, nor the internal exchange's 900 participants.
    // Counts Bergen's collaborations in the database, whatever their visibility or state.
    const bergens = () =>
      t.db.kysely
        .selectFrom('collaboration as c')
        .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
        .innerJoin('city', 'city.id', 'cc.city_id')
        .where('city.slug', '=', 'bergen')
        .select((eb) => eb.fn.countAll().as('n'));
    const hidden = await bergens()
      .where('c.starts_on', '>=', `${THIS_YEAR}-01-01`)
      .where('c.title', 'in', [
        'Internt samarbete med Bergen',
        'Inskickat men inte kvitterat',
        'Inställt samarbete',
      ])
      .executeTakeFirstOrThrow();
    expect(Number(hidden.n)).toBe(3);
    const all = await bergens()
      .where('c.starts_on', '<=', `${THIS_YEAR}-12-31`)
      .where((eb) =>
        eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', `${THIS_YEAR}-01-01`)]),
      )
      .executeTakeFirstOrThrow();
    expect(figuresOnPage(html).collaborations).toBeLessThanOrEqual(Number(all.n) - 3);
    expect(html).not.toContain('Internt samarbete');
    expect(html).not.toContain('900');
    expect(html).toContain(`med Bergen, ${expected.started} av dem ny`);
    // The city's page leaves out the comparison between cities.
    expect(html).not.toContain('id="chart-city-title"');
    expect(html).toContain('Här räknas nyheterna som handlar om Bergen.');
  });

  it('follows a write at once (the cached figures belong to the data generation)', async () => {
    const before = figuresOnPage((await get(`/overview/${THIS_YEAR}/turku`)).html);
    await addCollaboration(t.db, {
      title: 'Nytt samarbete med Åbo',
      citySlug: 'turku',
      visibility: 'public',
      published: true,
    });
    const after = figuresOnPage((await get(`/overview/${THIS_YEAR}/turku`)).html);
    expect(after.collaborations).toBe((before.collaborations ?? 0) + 1);
    expect(after.started).toBe((before.started ?? 0) + 1);
  });

  it('answers a year that is not a number, out of range, or a city that is not a twin city with the 404 page', async () => {
    for (const url of [
      '/overview/abc',
      '/overview/1945',
      `/overview/${THIS_YEAR + 1}`,
      '/overview/02026',
      '/overview/2026.0',
      '/overview/-2026',
      `/overview/${'9'.repeat(150)}`,
      `/overview/${THIS_YEAR}/kiel`,
      `/overview/${THIS_YEAR}/goteborg`,
      `/overview/${THIS_YEAR}/nowhere`,
      '/overview?year=abc',
      `/overview?year=${THIS_YEAR}&city=kiel`,
      '/en/overview/1800',
    ]) {
      const { status, html } = await get(url);
      expect(status, url).toBe(404);
      expect(html, url).toContain('<main id="main"');
      expect(html, url).toContain('class="site-footer"');
    }
    const { html } = await get('/overview/1945');
    expect(html).toContain('Det finns ingen årsöversikt för 1945.');
    expect((await get('/en/overview/1800')).html).toContain(
      'There is no yearly overview for 1800.',
    );
  });

  it('says "no activity recorded" for a year without records, without an error', async () => {
    const { status, html } = await get('/overview/1950');
    expect(status).toBe(200);
    expect(html).toContain('Ingen aktivitet är registrerad för 1950.');
    expect(html).not.toContain('<svg');
    expect(figuresOnPage(html)).toEqual({});
  });

  it('takes the year picker’s choice (a GET form) to the address of that year and city', async () => {
    const res = await t.app.inject({ url: '/overview?year=2024&city=bergen' });
    expectRedirect(res, '/overview/2024/bergen');
    const all = await t.app.inject({ url: '/en/overview?year=2023&city=' });
    expectRedirect(all, '/en/overview/2023');
    const { html } = await get('/overview/2024');
    expect(html).toContain('<form method="get" action="/overview"');
    expect(html).toContain('<option value="2024" selected>2024</option>');
    expect(html).toContain('<a href="/overview/2023" rel="prev">');
    expect(html).toContain('<a href="/overview/2024/bergen">Bergen</a>');
  });

  it('renders in every language with its own words and the same figures', async () => {
    const expected = await expectedFigures(t.db, THIS_YEAR, 'bergen');
    const titles = {
      sv: `Vänortsåret ${THIS_YEAR}: Bergen`,
      en: `The twin-city year ${THIS_YEAR}: Bergen`,
      da: `Venskabsbyåret ${THIS_YEAR}: Bergen`,
      nb: `Vennskapsbyåret ${THIS_YEAR}: Bergen`,
      fi: `Ystävyyskaupunki\u00advuosi ${THIS_YEAR}: Bergen`,
    };
    for (const [lang, title] of Object.entries(titles)) {
      const prefix = lang === 'sv' ? '' : `/${lang}`;
      const { status, html } = await get(`${prefix}/overview/${THIS_YEAR}/bergen`);
      expect(status, lang).toBe(200);
      expect(html, lang).toContain(`<html lang="${lang}">`);
      expect(html, lang).toContain(`<h1>${title}</h1>`);
      expect(figuresOnPage(html), lang).toEqual(expected);
      expect(html, lang).not.toMatch(/overview\.[a-z]+\.[a-zA-Z]+/);
    }
    expect((await get(`/fi/overview/${THIS_YEAR}/bergen`)).html).toContain(
      `Vuonna ${THIS_YEAR} ystävyyskaupungin Bergen kanssa oli käynnissä`,
    );
    // An organisation's name (Swedish content) keeps its language in a Finnish description.
    expect((await get(`/fi/overview/${THIS_YEAR}`)).html).toMatch(
      /<p id="chart-organisation-desc" class="chart-desc">Pylväskaavio, jossa on \d+ pylvä(s|stä)\. Suurin: <span lang="sv">/,
    );
  });

  it('draws each chart as an accessible SVG that the strict CSP allows, with a data table beside it', async () => {
    const { html } = await get(`/en/overview/${THIS_YEAR}`);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      const id = /aria-labelledby="([^"]+)-title"/.exec(svg)?.[1];
      expect(id).toBeTruthy();
      expect(svg).toMatch(/^<svg role="img" focusable="false"/);
      expect(svg).toContain(`aria-describedby="${id}-desc"`);
      expect(svg).toContain('viewBox=');
      expect(svg).not.toMatch(/^<svg[^>]* width=/);
      expect(svg).not.toContain('style=');
      expect(svg).not.toContain('<style');
      expect(html).toContain(`<figcaption id="${id}-title" class="chart-title">`);
      expect(html).toContain(`<p id="${id}-desc" class="chart-desc">`);
    }
    expect(html).toContain('<th scope="col">Twin city</th>');
    expect(html).toContain('<th scope="row">Bergen</th>');
    // Collaborations per twin city, side by side, as the table says.
    const table = /id="chart-city-title"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    expect(table).toMatch(/<th scope="row">Bergen<\/th><td class="num">\d+<\/td>/);
    // The page stays light: well under 100 kB with every chart drawn.
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  it('is in the sitemap for every language', async () => {
    const { html } = await get('/sitemap.xml');
    expect(html).toContain('/overview</loc>');
    expect(html).toContain(`/en/overview/${THIS_YEAR}/bergen</loc>`);
    expect(html).toContain(`/fi/overview/${THIS_YEAR - 1}</loc>`);
  });
});

it('escapes chart labels and keeps numbers in the reader’s format', () => {
  const svg = barChartSvg(
    [
      { key: 'a', label: '<script>alert(1)</script> & "Kultur"', value: 1234 },
      { key: 'b', label: 'Skola', value: 0 },
    ],
    'sv-SE',
  );
  expect(svg).not.toContain('<script>');
  expect(svg).toContain('&lt;script&gt;');
  expect(svg).toContain('1\u00a0234');
  expect(svg).not.toContain('style=');
});

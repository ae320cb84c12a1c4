import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

describeEachDialect('public pages', (dialect) => {
  const t = useTestApp(dialect);

  const page = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ url, headers });
    return { status: res.statusCode, html: res.body, headers: res.headers };
  };

  it('serves every public page in Swedish by default, with landmarks and the demo label', async () => {
    for (const url of [
      '/',
      '/cities',
      '/cities/bergen',
      '/cities/goteborg',
      '/policy',
      '/accessibility',
    ]) {
      const { status, html, headers } = await page(url);
      expect(status, url).toBe(200);
      expect(headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(html, url).toMatch(/^<!doctype html><html lang="sv">/);
      expect(html, url).toContain('<a class="skip-link" href="#main">Till huvudinnehållet</a>');
      expect(html, url).toContain('<main id="main"');
      expect(html, url).toContain('<header');
      expect(html, url).toContain('<footer');
      expect(html, url).toContain('Exempeldata');
      expect(html, url).toContain('href="/accessibility"');
      expect(html, url).toContain('href="/policy"');
      expect(html, url).not.toContain('<script');
    }
  });

  it('tells what the cooperation is and shows Gothenburg as next host in 2027', async () => {
    const { html } = await page('/');
    expect(html).toContain('Sedan 1946');
    for (const name of ['Göteborg', 'Aarhus', 'Bergen', 'Åbo']) expect(html).toContain(name);
    // The planned 2027 meeting is registered in the demo data: a link to it, with its dates.
    expect(html).toMatch(
      /<strong><a href="\/meetings\/[^"]+">2027 i Göteborg<\/a><\/strong><br\/>14–16 september 2027/,
    );
    // The latest meeting held (demo history: Turku 2025).
    expect(html).toContain('11–12 juni 2025');
  });

  it('shows facts, names per language and hosted meetings on a city page', async () => {
    const { html } = await page('/cities/turku');
    expect(html).toContain('<h1>Åbo</h1>');
    expect(html).toContain('Finland');
    expect(html).toContain('Vänort sedan');
    expect(html).toContain('<dd lang="fi">Turku</dd>');
    const bergen = await page('/cities/bergen');
    expect(bergen.html).toMatch(/<th scope="row"><a href="\/meetings\/[^"]+">2013<\/a><\/th>/);
    expect(bergen.html).toContain('Plats 1 i rotationsordningen');
  });

  it('has each language at its own address, and sends an old ?lang= link there', async () => {
    const res = await t.app.inject({ url: '/en/cities/turku' });
    expect(res.body).toContain('<html lang="en">');
    expect(res.headers['content-language']).toBe('en');
    expect(res.body).toContain('<h1>Turku</h1>');
    // The page's own links stay in English; the switch and the alternates name each language.
    expect(res.body).toContain('<a href="/en/cities"');
    expect(res.body).toContain('<a hreflang="da" href="/da/cities/turku" lang="da">Dansk</a>');
    expect(res.body).toContain('<link rel="alternate" hreflang="fi" href="/fi/cities/turku"/>');
    expect(res.body).toContain('<link rel="alternate" hreflang="x-default" href="/cities/turku"/>');
    const home = await page('/en/');
    expect(home.html).toMatch(
      /<strong><a href="\/en\/meetings\/[^"]+">2027 in Gothenburg<\/a><\/strong>/,
    );
    const old = await t.app.inject({ url: '/cities/turku?lang=fi&x=1' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/fi/cities/turku?x=1');
    // No cookie decides the language: the root address is Swedish.
    const back = await page('/', { cookie: 'lang=en' });
    expect(back.html).toContain('<html lang="sv">');
  });

  it('speaks Danish, Norwegian and Finnish at their addresses', async () => {
    for (const [lang, word] of [
      ['da', 'Venskabsbyer'],
      ['nb', 'Vennskapsbyer'],
      ['fi', 'Ystävyyskaupungit'],
    ] as const) {
      const { html } = await page(`/${lang}/cities`);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html, lang).toContain(word);
    }
  });

  it("ignores unknown languages, and offers the reader's language on the Swedish start page", async () => {
    expect((await page('/?lang=xx')).html).toContain('<html lang="sv">');
    expect((await page('/', { cookie: 'lang=<script>' })).html).toContain('<html lang="sv">');
    const unknown = await t.app.inject({ url: '/de/' });
    expectPage(unknown, 404, ['<html lang="sv">']);
    for (const l of ['sv', 'en', 'da', 'nb', 'fi']) {
      expect(unknown.body).toContain(`hreflang="${l}" href="${l === 'sv' ? '/' : `/${l}/`}"`);
    }
    const offered = await t.app.inject({
      url: '/',
      headers: { 'accept-language': 'nb-NO,nb;q=0.9,en;q=0.5' },
    });
    expect(offered.body).toContain('<div class="language-offer" lang="nb">');
    expect(offered.body).toContain('<a hreflang="nb" href="/nb/">Les på norsk</a>');
    expect(offered.headers.vary).toContain('Accept-Language');
    const swedish = await t.app.inject({ url: '/', headers: { 'accept-language': 'sv-SE' } });
    expect(swedish.body).not.toContain('language-offer');
    const elsewhere = await t.app.inject({
      url: '/cities',
      headers: { 'accept-language': 'fi' },
    });
    expect(elsewhere.body).not.toContain('language-offer');
  });

  it('shows the policy text and the rules P1–P10', async () => {
    const { html } = await page('/policy');
    expect(html).toContain('Göteborgs Stads relation till vänorterna');
    expect(html).toContain('Kommunfullmäktige fattar beslut om att etablera nya vänorter');
    for (let i = 1; i <= 10; i++) expect(html).toContain(`<th scope="row">P${i}</th>`);
    const en = await page('/en/policy');
    expect(en.html).toContain('English translation');
    expect(en.html).toContain('lang="sv"'); // the Swedish original keeps its language
  });

  it('has the eleven items of an accessibility statement', async () => {
    const { html } = await page('/accessibility');
    for (const id of [
      'body',
      'service',
      'conformance',
      'known-issues',
      'assessed',
      'updated',
      'method',
      'feedback',
      'enforcement',
      'exemptions',
      'out-of-scope',
    ]) {
      expect(html, id).toContain(`id="${id}"`);
    }
    expect(html).toContain('href="https://www.digg.se/tdosanmalan"');
    expect(html).toContain('href="mailto:goteborg@goteborg.se"');
    expect(html).toContain('WCAG 2.1 nivå AA');
  });

  it('answers an unknown page with a Swedish 404 page and a way home', async () => {
    const answers: [url: string, status: number, texts: string[]][] = [
      ['/no-such-page', 404, ['<h1>Sidan finns inte</h1>', 'href="/"']],
      ['/cities/oslo', 404, ['Det finns ingen stad med adressen oslo']],
      ['/cities/%E0%A4%A', 400, ['<h1>Felaktig förfrågan</h1>']],
    ];
    for (const [url, status, texts] of answers)
      expectPage(await t.app.inject({ url }), status, texts);
  });

  it('escapes what the visitor sends', async () => {
    const res = await page('/cities/%3Cscript%3Ealert(1)');
    expect(res.status).toBe(404);
    expect(res.html).not.toContain('<script>alert(1)');
    expect(res.html).toContain('&lt;script>alert(1)');
  });

  it('sends security headers, a strict CSP and a request id', async () => {
    const { headers } = await page('/');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('serves the stylesheet with a print section', async () => {
    const res = await page('/static/styles.css');
    expect(res.status).toBe(200);
    expect(res.html).toContain('@media print');
    expect(res.html).toContain('--color-primary');
  });
});

describeEachDialect('pages without demo data', (dialect) => {
  const t = useTestApp(dialect, { demo: false });

  it('has no demo label and says the next meeting is not known', async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('Exempeldata');
    expect(home.body).toContain('Nästa vänortsmöte är inte bestämt ännu.');
    const cities = await t.app.inject({ url: '/cities' });
    expect(cities.body).toContain('Det finns inga städer registrerade ännu.');
  });
});

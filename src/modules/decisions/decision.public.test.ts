import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import {
  COORDINATOR,
  COUNCIL,
  decision,
  TROMSO_PROPOSAL,
} from '../../../test/helpers/decision-fixtures.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { recordDecision } from './decision.service.ts';
import { draftProposal, sendProposal } from './proposal.service.ts';

const WARNING_SV =
  'Med 5 städer i kedjan står Göteborg värd vart 10:e år i stället för vart åttonde år (policyns regel P3, ”roterande värdskap”).';
const WARNING_EN =
  'With 5 cities in the chain, Gothenburg hosts every 10 years instead of every eighth year (policy rule P3, “rotating hosts”).';

describeEachDialect('public decision register, city timeline and rotation warning', (dialect) => {
  const t = useTestApp(dialect);

  const page = async (url: string) => {
    const res = await t.app.inject({ url });
    return { status: res.statusCode, html: res.body };
  };
  const patterns = () => t.config.caseNumberPatterns;
  /** Records a council decision (the fixture's, but for `overrides`) as the council's secretariat. */
  const record = (overrides: Parameters<typeof decision>[0]) =>
    recordDecision(t.db, COUNCIL, decision(overrides), patterns());
  const decisionId = async (titleStart: string) =>
    (
      await t.db.kysely
        .selectFrom('council_decision')
        .select('id')
        .where('title', 'like', `${titleStart}%`)
        .executeTakeFirstOrThrow()
    ).id;

  it("shows Bergen's timeline since 1946 with the decision behind it and the meetings it hosted", async () => {
    const id = await decisionId('Nordiskt vänortssamarbete');
    const { status, html } = await page('/cities/bergen');
    expect(status).toBe(200);
    expect(html).toContain('<h2 id="timeline-heading">Tidslinje</h2>');
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    expect(timeline).toContain('<time datetime="1946-01-01">1 januari 1946</time>');
    expect(timeline).toContain('Status: Aktiv');
    expect(timeline).toContain(
      `<a href="/decisions/${id}">Nordiskt vänortssamarbete med Aarhus, Bergen och Åbo`,
    );
    expect(timeline).toContain('Kommunfullmäktige (KF)');
    expect(timeline).toContain('Historisk uppgift');
    expect(timeline).toContain('<time datetime="2013">2013</time>');
    expect(timeline).toContain('Vänortsmöte i Bergen (Genomfört)');
    // In date order: 1946 first, then the meeting of 2013.
    expect(timeline.indexOf('1946-01-01')).toBeLessThan(timeline.indexOf('datetime="2013"'));
    // Four cities, every second year: Gothenburg hosts every eighth year, so no warning.
    expect(html).not.toContain('rotation-warning');

    const en = await page('/en/cities/bergen');
    expect(en.html).toContain('<h2 id="timeline-heading">Timeline</h2>');
    expect(en.html).toContain('<time datetime="1946-01-01">1 January 1946</time>');
    expect(en.html).toContain('City Council (KF)');
  });

  it('lists the home and twin cities first, then the partner cities grouped by status', async () => {
    const { html } = await page('/cities');
    const twins = html.indexOf('id="twins-heading"');
    const partners = html.indexOf('id="partners-heading"');
    expect(twins).toBeGreaterThan(0);
    expect(partners).toBeGreaterThan(twins);
    for (const name of ['Göteborg', 'Bergen', 'Aarhus', 'Åbo']) {
      const at = html.indexOf(`>${name}</a>`);
      expect(at, name).toBeGreaterThan(twins);
      expect(at, name).toBeLessThan(partners);
    }
    const active = html.indexOf('Aktiva partnerstäder (1)');
    const dormant = html.indexOf('Vilande partnerstäder (');
    expect(active).toBeGreaterThan(partners);
    expect(dormant).toBeGreaterThan(active);
    expect(html.indexOf('>Nelson Mandela Bay</a>')).toBeGreaterThan(active);
    expect(html.indexOf('>Nelson Mandela Bay</a>')).toBeLessThan(dormant);
    expect(html.indexOf('>Chicago</a>')).toBeGreaterThan(dormant);
    expect(html).toContain('<span class="tag tag-dormant">Vilande</span>');
    expect(html).not.toContain('rotation-warning');
    expect((await page('/en/cities')).html).toContain('Dormant partner cities (');
  });

  it('shows a decision with all its fields and the cities it concerns', async () => {
    const id = await decisionId('Nordiskt vänortssamarbete');
    const { status, html } = await page(`/decisions/${id}`);
    expect(status).toBe(200);
    expect(html).toContain(
      '<h1>Nordiskt vänortssamarbete med Aarhus, Bergen och Åbo (historisk uppgift, datum ungefärligt)</h1>',
    );
    expect(html).toContain('<dt>Beslutande organ</dt><dd>Kommunfullmäktige (KF)</dd>');
    expect(html).toContain('<dt>Paragraf</dt><dd>Saknas</dd>');
    expect(html).toContain('<dt>Beslut</dt><dd>Bifall</dd>');
    for (const slug of ['aarhus', 'bergen', 'turku'])
      expect(html).toContain(`href="/cities/${slug}"`);
    expect(html).toContain('Historisk uppgift: beslutet är registrerat i efterhand');
    expect(html).toContain('<a href="/decisions" aria-current="page">Beslut</a>');

    const missing = await page('/decisions/no-such-decision');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>Sidan finns inte</h1>');
  });

  it('lists decisions newest first, twenty a page', async () => {
    const first = await page('/decisions');
    expect(first.status).toBe(200);
    expect(first.html).toContain('<h1>Beslut om vänorter och partnerstäder</h1>');
    expect(first.html.indexOf('1999-01-01')).toBeLessThan(first.html.indexOf('1946-01-01'));
    expect(first.html).toContain('Visar 1–2 av 2');

    for (let i = 1; i <= 25; i++) {
      await record({
        body: 'KS',
        title: `Beslut nummer ${i}`,
        meetingDate: `2025-01-${String(i).padStart(2, '0')}`,
        finalOn: '',
        caseNumber: `SLK-2025-${String(i).padStart(5, '0')}`,
      });
    }
    const one = await page('/decisions');
    expect(one.html).toContain('Visar 1–20 av 27');
    expect(one.html).toContain('<a href="?page=2" rel="next">Nästa sida</a>');
    expect(one.html.indexOf('Beslut nummer 25<')).toBeLessThan(
      one.html.indexOf('Beslut nummer 24<'),
    );
    expect(one.html).not.toContain('Beslut nummer 5<');
    const two = await page('/decisions?page=2');
    expect(two.html).toContain('Visar 21–27 av 27');
    expect(two.html).toContain('Beslut nummer 5<');
    expect(two.html.indexOf('1999-01-01')).toBeLessThan(two.html.indexOf('1946-01-01'));
    expect(two.html).toContain('rel="prev"');
    // A page number that is not one falls back to the first page.
    expect((await page('/decisions?page=abc')).html).toContain('Visar 1–20 av 27');
  });

  it('shows what a decision superseded and what superseded it', async () => {
    const old = await record({ body: 'KS', title: 'Felaktigt beslut', finalOn: '' });
    const fixed = await record({
      body: 'KS',
      title: 'Rättat beslut',
      finalOn: '',
      supersedesId: old.id,
    });
    const oldPage = await page(`/decisions/${old.id}`);
    expect(oldPage.html).toContain('Ersatt av beslutet');
    expect(oldPage.html).toContain(`<a href="/decisions/${fixed.id}">Rättat beslut</a>`);
    const newPage = await page(`/decisions/${fixed.id}`);
    expect(newPage.html).toContain('Ersätter beslutet');
    expect(newPage.html).toContain(`<a href="/decisions/${old.id}">Felaktigt beslut</a>`);
    expect(newPage.html).toContain('<dt>Paragraf</dt><dd>§ 12</dd>');
    expect(newPage.html).toContain('<dt>Diarienummer</dt><dd>SLK-2026-01047</dd>');
    expect(newPage.html).toContain('href="https://goteborg.se/kf/2026-10-15"');
  });

  it('escapes what is recorded and what the visitor sends', async () => {
    const evil = await record({
      body: 'KS',
      title: '<script>alert(1)</script> & "citat"',
      finalOn: '',
    });
    for (const url of ['/decisions', `/decisions/${evil.id}`]) {
      const { html } = await page(url);
      expect(html, url).not.toContain('<script>alert(1)');
      expect(html, url).toContain('&lt;script>alert(1)&lt;/script> &amp; &quot;citat&quot;');
    }
    const res = await page('/decisions/%3Cscript%3Ealert(1)');
    expect(res.status).toBe(404);
    expect(res.html).not.toContain('<script>alert(1)');
  });

  it('shows a new twin city approved by KF among the twin cities, with the rotation warning', async () => {
    const proposal = await draftProposal(t.db, COORDINATOR, TROMSO_PROPOSAL);
    await sendProposal(t.db, COORDINATOR, proposal.id);
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await record({ proposalId: proposal.id, meetingDate: today, finalOn: today });

    const cities = await page('/cities');
    const tromso = cities.html.indexOf('>Tromsø</a>');
    expect(tromso).toBeGreaterThan(cities.html.indexOf('id="twins-heading"'));
    expect(tromso).toBeLessThan(cities.html.indexOf('id="partners-heading"'));
    expect(cities.html).toContain(WARNING_SV);
    expect(cities.html.indexOf(WARNING_SV)).toBeLessThan(cities.html.indexOf('twins-heading'));
    expect((await page('/en/cities')).html).toContain(WARNING_EN);

    for (const slug of ['tromso', 'bergen', 'goteborg']) {
      expect((await page(`/cities/${slug}`)).html, slug).toContain(WARNING_SV);
    }
    expect((await page('/en/cities/tromso')).html).toContain(WARNING_EN);
    // Not a member of the chain: no warning.
    expect((await page('/cities/nelson-mandela-bay')).html).not.toContain(WARNING_SV);

    const city = await page('/cities/tromso');
    expect(city.html).toContain('<span class="tag tag-active">Aktiv</span>');
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(city.html)?.[1] ?? '';
    expect(timeline).toContain('Status: Föreslagen');
    expect(timeline).toContain('Föreslagen av Stadsledningskontoret.');
    // Proposed, then made active, in that order.
    expect(timeline.indexOf('Status: Föreslagen<')).toBeGreaterThan(0);
    expect(timeline.indexOf('Status: Föreslagen<')).toBeLessThan(
      timeline.indexOf('Status: Föreslagen → Aktiv'),
    );
    expect(timeline).toContain(`<time datetime="${today}">`);
    expect(timeline).toContain(
      `<a href="/decisions/${recorded.id}">Vänortssamarbete med Tromsø</a>`,
    );
    expect(timeline).toContain('§ 12');
    expect(timeline).toContain('SLK-2026-01047');

    const detail = await page(`/decisions/${recorded.id}`);
    expect(detail.html).toContain('href="/cities/tromso"');
  });
});

import { expect, it } from 'vitest';
import { TestAgent } from '../../test/helpers/agent.ts';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { useTestApp } from '../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../demo.ts';
import { rowWhere } from '../../test/helpers/rows.ts';

/** The workspace navigation of a page: each place's address, name and `aria-current`. */
function navOf(html: string): { href: string; label: string; current: string | null }[] {
  const nav = /<nav class="workspace-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
  if (nav === undefined) throw new Error('no workspace navigation on the page');
  return [...nav.matchAll(/<a href="([^"]+)"(?: aria-current="([^"]+)")?>([^<]*)<\/a>/g)].map(
    (m) => ({ href: m[1]!, current: m[2] ?? null, label: m[3]! }),
  );
}

/** The breadcrumbs: the linked steps' names, then the current page's name. */
function crumbsOf(html: string): string[] {
  const nav = /<nav class="breadcrumbs[^"]*"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
  if (nav === undefined) return [];
  return [...nav.matchAll(/<li>(?:<a href="[^"]+">|<span aria-current="page">)([^<]*)</g)].map(
    (m) => m[1]!,
  );
}

const h1Of = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');

/** What each demo role finds in the navigation, in its order. */
const PLACES: Record<string, string[]> = {
  'samordnare@vanort.example': [
    'Arbetsyta',
    'Förslag om vänorter',
    'Ortfakta',
    'Vänortsmöten',
    'Delegationer',
    'Värdskapsplaner',
    'Samarbeten',
    'Erfarenhetsutbyten',
    'Granskning',
    'Inventeringar',
    'Utvärderingar',
    'Diarium',
    'Kunskapsbanken',
    'Nyheter',
    'Nyhetsbrev',
  ],
  'rapportor@vanort.example': [
    'Arbetsyta',
    'Samarbeten',
    'Erfarenhetsutbyten',
    'Inventeringar',
    'Kunskapsbanken',
  ],
  'presidiet@vanort.example': [
    'Arbetsyta',
    'Delegationer',
    'Samarbeten',
    'Erfarenhetsutbyten',
    'Kunskapsbanken',
  ],
  'sekretariatet@vanort.example': [
    'Arbetsyta',
    'Beslut',
    'Samarbeten',
    'Erfarenhetsutbyten',
    'Kunskapsbanken',
  ],
  'bergen@vanort.example': [
    'Arbetsyta',
    'Vänortsmöten',
    'Delegationer',
    'Samarbeten',
    'Erfarenhetsutbyten',
  ],
  'medarbetare@vanort.example': ['Arbetsyta', 'Samarbeten', 'Erfarenhetsutbyten', 'Kunskapsbanken'],
  'admin@vanort.example': ['Arbetsyta', 'Samarbeten', 'Erfarenhetsutbyten', 'Kunskapsbanken'],
};

describeEachDialect('the workspace navigation', (dialect) => {
  const t = useTestApp(dialect);

  const as = async (email: string) => {
    const agent = new TestAgent(t.app);
    expect((await agent.login(email, DEMO_PASSWORD)).headers.location).toBe('/workspace');
    return agent;
  };

  it('lists only the places each role may use; each answers with a page named as in the navigation', async () => {
    for (const [email, places] of Object.entries(PLACES)) {
      const agent = await as(email);
      const start = await agent.get('/workspace');
      const nav = navOf(start.body);
      expect(
        nav.map((p) => p.label),
        email,
      ).toEqual(places);
      // The start page is the current one.
      expect(nav.filter((p) => p.current).map((p) => [p.label, p.current])).toEqual([
        ['Arbetsyta', 'page'],
      ]);
      for (const place of nav.slice(1)) {
        const page = await agent.get(place.href);
        expect(page.statusCode, `${email} ${place.href}`).toBe(200);
        // One name for each place: the heading and the title say what the navigation says.
        expect(h1Of(page.body), place.href).toBe(place.label);
        expect(page.body).toContain(`<title>${place.label} – Vänortsportalen</title>`);
        // And the navigation marks it as the current page, and only it.
        expect(navOf(page.body).filter((p) => p.current)).toEqual([{ ...place, current: 'page' }]);
      }
    }
  });

  it('is on workspace pages only, for a signed-in person', async () => {
    const agent = await as('samordnare@vanort.example');
    expect((await agent.get('/meetings')).body).not.toContain('class="workspace-nav"');
    expect((await agent.get('/account')).body).not.toContain('class="workspace-nav"');
    const anonymous = new TestAgent(t.app);
    expect((await anonymous.get('/workspace')).statusCode).toBe(303);
  });

  it('marks the place of a deeper page and shows the way there in breadcrumbs', async () => {
    const { id } = await rowWhere(t.db, 'meeting', { year: 2027 }, ['id']);
    const agent = await as('samordnare@vanort.example');

    const meeting = await agent.get(`/workspace/meetings/${id}`);
    expect(meeting.statusCode).toBe(200);
    expect(navOf(meeting.body).find((p) => p.current)).toMatchObject({
      label: 'Vänortsmöten',
      current: 'true',
    });
    expect(crumbsOf(meeting.body)).toEqual(['Arbetsyta', 'Vänortsmöten', h1Of(meeting.body)]);

    // A meeting's delegation: Arbetsyta › Delegationer › the delegation.
    const delegation = await agent.get(`/workspace/meetings/${id}/delegations/goteborg`);
    expect(delegation.statusCode).toBe(200);
    expect(navOf(delegation.body).find((p) => p.current)?.label).toBe('Delegationer');
    expect(crumbsOf(delegation.body)).toEqual([
      'Arbetsyta',
      'Delegationer',
      'Delegationen från Göteborg till mötet 2027',
    ]);
    expect(delegation.body).toContain('<a href="/workspace/delegations">Delegationer</a>');

    // A place's own page needs none: the navigation says where you are.
    expect(crumbsOf((await agent.get('/workspace/meetings')).body)).toEqual([]);

    // The presidium reaches the same delegation from its own place, never through a door it lacks.
    const presidium = await as('presidiet@vanort.example');
    const own = await presidium.get(`/workspace/meetings/${id}/delegations/goteborg`);
    expect(own.statusCode).toBe(200);
    expect(crumbsOf(own.body).slice(0, 2)).toEqual(['Arbetsyta', 'Delegationer']);
    expect(own.body).not.toContain('href="/workspace/meetings"');
  });

  it('is the only navigation of the collaborations pages; the areas are a page under collaborations', async () => {
    const coordinator = await as('samordnare@vanort.example');
    for (const path of [
      '/workspace/collaborations',
      '/workspace/exchanges',
      '/workspace/review',
      '/workspace/knowledge',
      '/workspace/areas',
    ]) {
      const page = await coordinator.get(path);
      expect(page.statusCode, path).toBe(200);
      // One menu leads to the places (the collaborations module had a second one of its own).
      const menus = [...page.body.matchAll(/<nav[\s\S]*?<\/nav>/g)].filter(
        (m) =>
          m[0].includes('href="/workspace/collaborations"') &&
          m[0].includes('href="/workspace/exchanges"'),
      );
      expect(menus.length, path).toBe(1);
      expect(menus[0]?.[0], path).toMatch(/^<nav class="workspace-nav"/);
      expect(page.body, path).not.toContain('aria-label="Samarbeten och rapportering"');
    }
    // The coordinators find the areas from the list of collaborations…
    const list = await coordinator.get('/workspace/collaborations');
    expect(list.body).toContain('<a href="/workspace/areas">Områdena som samarbeten väljer ur</a>');
    // …and on the areas page the navigation marks Samarbeten, the breadcrumbs lead back.
    const areas = await coordinator.get('/workspace/areas');
    expect(navOf(areas.body).filter((p) => p.current)).toEqual([
      { href: '/workspace/collaborations', label: 'Samarbeten', current: 'true' },
    ]);
    expect(crumbsOf(areas.body)).toEqual(['Arbetsyta', 'Samarbeten', 'Områden']);
    // A reporter gets no link to a page they may not use.
    const reporter = await as('rapportor@vanort.example');
    expect((await reporter.get('/workspace/collaborations')).body).not.toContain(
      'href="/workspace/areas"',
    );
  });

  it('keeps the signed-in person’s header, with "Logga ut", on the error pages', async () => {
    const agent = await as('samordnare@vanort.example');
    for (const [url, status] of [
      ['/workspace/decisions', 403],
      ['/admin/users', 403],
      ['/workspace/meetings/no-such-meeting', 404],
      ['/no-such-page', 404],
    ] as const) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.body).toContain('Sara Samordnare');
      expect(res.body).toMatch(
        /<form method="post" action="\/logout"><input type="hidden" name="_csrf" value="[^"]+"\/><button type="submit" class="link-button">Logga ut<\/button><\/form>/,
      );
    }
    // And "Logga ut" on the 403 page works.
    await agent.get('/workspace/decisions');
    expect((await agent.post('/logout')).statusCode).toBe(303);
    expect((await agent.get('/workspace')).statusCode).toBe(303);
  });
});

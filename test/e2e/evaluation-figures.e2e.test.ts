import type { Browser, Page } from 'playwright-core';
import { h } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18nFor } from '../../src/platform/i18n/i18n.ts';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import type { PageContext } from '../../src/platform/page-context.ts';
import { renderDocument } from '../../src/platform/render.ts';
import { loadStylesheet } from '../../src/platform/stylesheet.ts';
import { compileFigures } from '../../src/modules/evaluation/compile.service.ts';
import type { EvaluationFigures } from '../../src/modules/evaluation/evaluation.figures.ts';
import { previousPeriod } from '../../src/modules/evaluation/period.ts';
import { FiguresView } from '../../src/modules/evaluation/views/figures.tsx';
import { Layout } from '../../src/ui/layout.tsx';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations } from '../helpers/e2e.ts';
import { useDemoDb } from '../helpers/test-app.ts';

// The figures view (issue 15, point 3; decision 026) as a reader gets it: the demo's figures
// and one flag of each kind, rendered in the site's layout and stylesheet, in Chromium: axe
// (WCAG 2.1/2.2 AA) at 1280 and 320 px, no sideways scrolling, and no private field of a
// delegate anywhere. The view reads no database itself (compile.test.ts covers both).

const canRun = browserAvailable();
const STYLES = loadStylesheet().css.toString('utf8');
const BASE = 'http://figures.test';

function ctxFor(locale: Locale): PageContext {
  return {
    i18n: i18nFor(locale),
    path: '/figures',
    url: '/figures',
    offeredLocale: null,
    demo: true,
    assetVersion: 'test',
    user: null,
    csrfToken: null,
    flash: null,
    formErrors: {},
  };
}

function pageHtml(locale: Locale, figures: EvaluationFigures): string {
  const ctx = ctxFor(locale);
  return renderDocument(
    h(Layout, {
      ctx,
      title: 'Utvärdering',
      children: [h('h1', null, 'Utvärdering'), h(FiguresView, { ctx, figures })],
    }),
  );
}

/** Serves one rendered page and the stylesheet at a made-up origin (nothing else loads). */
async function show(page: Page, html: string): Promise<void> {
  await page.route(`${BASE}/**`, (route) => {
    const url = route.request().url();
    if (url.includes('/static/styles.css'))
      return route.fulfill({ contentType: 'text/css', body: STYLES });
    if (url === `${BASE}/figures`) return route.fulfill({ contentType: 'text/html', body: html });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${BASE}/figures`);
}

describe.skipIf(!canRun || !dialectAvailable('sqlite'))('the figures view in a browser', () => {
  const demo = useDemoDb('sqlite');
  let browser: Browser;
  let figures: EvaluationFigures;
  beforeAll(async () => {
    browser = await launchBrowser();
    const chain = await demo.db.kysely.selectFrom('chain').select('id').executeTakeFirstOrThrow();
    const period = { start: '2017-06-01', end: '2027-09-30' };
    const compiled = await compileFigures(demo.db.kysely, {
      chainId: chain.id,
      period,
      previous: previousPeriod(period),
    });
    // One flag of each kind, as a stored snapshot would hold them (JSON round trip).
    figures = JSON.parse(
      JSON.stringify({
        ...compiled,
        flags: [
          {
            kind: 'city-inactive',
            subject: 'turku',
            params: { city: 'Åbo', since: '2025-07-01', years: 2 },
            href: '/workspace/cities/turku',
          },
          {
            kind: 'organisation-never-reported',
            subject: 'liseberg',
            params: { organisation: 'Liseberg AB', asked: 3 },
            href: '/workspace/campaigns',
          },
          {
            kind: 'follow-up-open',
            subject: 'x',
            params: { year: 2021, since: '2022-06-30', text: 'Ta fram en plan för ungdomsutbyten' },
            href: '/workspace/meetings/x/outcomes',
          },
          {
            kind: 'rotation-broken',
            subject: 'nordic',
            params: { required: 8, cycle: 12, forecast: 12 },
            href: '/workspace/rotation',
          },
        ],
      }),
    ) as EvaluationFigures;
  });
  afterAll(() => browser?.close());

  it('passes axe and fits 320 px in Swedish; reads in Finnish; no private field', async () => {
    expect(figures.current.meetings.some((m) => m.delegates > 0)).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const sv = pageHtml('sv', figures);
    await show(page, sv);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `figures at ${width} px`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(sideways, `figures at ${width} px`).toBeLessThanOrEqual(width);
    }
    if (process.env.FIGURES_SHOT) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${process.env.FIGURES_SHOT}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 320, height: 900 });
      await page.screenshot({ path: `${process.env.FIGURES_SHOT}-320.png`, fullPage: true });
    }
    // Every flag is a link to where it is handled, with its sentence.
    const flags = page.locator('.figures-flag-list a');
    await expect(flags.count()).resolves.toBe(4);
    await expect(page.locator('.figures-flag-list').textContent()).resolves.toContain(
      'Liseberg AB har aldrig svarat på en inventering (tillfrågad 3 gånger).',
    );
    // Every chart has its data table; every table has a caption and column headers.
    const charts = await page.locator('figure.chart').count();
    expect(charts).toBeGreaterThanOrEqual(2);
    await expect(page.locator('figure.chart details table').count()).resolves.toBe(charts);
    const tables = await page.locator('table.figures-table').count();
    await expect(page.locator('table.figures-table > caption').count()).resolves.toBe(tables);
    // Delegates are counted, never named; no diet, phone or travel note on the page.
    for (const secret of ['Ingrid Solberg', 'Glutenfri', '+47 55 56 00 00', 'Fly BGO', 'Rullestol'])
      expect(sv).not.toContain(secret);
    await context.close();

    const fi = pageHtml('fi', figures);
    expect(fi).toContain('Luvut rekistereistä');
    expect(fi).toContain('Vaatii toimia');
    expect(fi).toContain('Liseberg AB ei ole koskaan vastannut kartoitukseen (kysytty 3 kertaa).');
    expect(fi).toContain('Vuorottelu ei enää anna Göteborgille isännyyttä');
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp } from '../helpers/e2e.ts';
import {
  addCollaboration,
  addExchange,
  addNews,
  expectedFigures,
  THIS_YEAR,
  type ExpectedFigures,
} from '../helpers/overview-fixtures.ts';

const canRun = browserAvailable();

/** The headline tiles as the browser shows them: figure name → number. */
async function tiles(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const tile of await page.locator('[data-figure]').all()) {
    const name = (await tile.getAttribute('data-figure')) ?? '';
    const text = (await tile.locator('dd').textContent()) ?? '';
    out[name] = Number(text.replace(/[\s\u00a0\u202f.,]/g, ''));
  }
  return out;
}

/** No sideways scrolling: the page is no wider than the window. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, label).toBeLessThanOrEqual(0);
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the yearly overview in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);
      beforeAll(async () => {
        await addCollaboration(e2e.t.db, {
          title: 'Klimatnätverk med Bergen',
          citySlug: 'bergen',
          visibility: 'public',
          published: true,
        });
        await addCollaboration(e2e.t.db, {
          title: 'Internt utkast med Bergen',
          citySlug: 'bergen',
          visibility: 'internal',
          published: true,
        });
        await addExchange(e2e.t.db, { citySlug: 'bergen', participants: 8, visibility: 'public' });
        await addNews(e2e.t.db, { published: true });
      });

      it("a visitor from Bergen reads this year's figures, as the test computes them, at 1280 and 320 px", async () => {
        const all: ExpectedFigures = await expectedFigures(e2e.t.db, THIS_YEAR, null);
        const bergen: ExpectedFigures = await expectedFigures(e2e.t.db, THIS_YEAR, 'bergen');
        expect(bergen.collaborations).toBeGreaterThan(0);
        for (const width of [1280, 320]) {
          const context = await e2e.browser.newContext({ viewport: { width, height: 900 } });
          context.setDefaultTimeout(15_000);
          const page = await context.newPage();

          // Swedish, all twin cities: from the footer link on the start page.
          await page.goto(`${e2e.base}/`);
          await page.locator('footer').getByRole('link', { name: 'Vänortsåret i siffror' }).click();
          expect(page.url()).toBe(`${e2e.base}/overview`);
          await expect(page.locator('h1').textContent()).resolves.toBe(`Vänortsåret ${THIS_YEAR}`);
          expect(await tiles(page)).toEqual(all);
          await expect(page.getByRole('img').count()).resolves.toBeGreaterThanOrEqual(4);
          await expectNoSidewaysScroll(page, `/overview at ${width}`);
          await expectNoAxeViolations(page, `/overview at ${width}`);

          // The year picker works without script: choose Bergen and show it.
          await page.getByLabel('Vänort', { exact: true }).selectOption('bergen');
          await page.getByRole('button', { name: 'Visa översikten' }).click();
          expect(page.url()).toBe(`${e2e.base}/overview/${THIS_YEAR}/bergen`);
          expect(await tiles(page)).toEqual(bergen);
          await expectNoSidewaysScroll(page, `Bergen at ${width}`);
          await expectNoAxeViolations(page, `/overview/${THIS_YEAR}/bergen at ${width}`);

          // A chart's figures open as a table.
          const details = page.locator('details.chart-data').first();
          await details.locator('summary').click();
          await expect(details.locator('table th[scope="col"]').count()).resolves.toBe(2);

          // In Norwegian: the same figures, the city's overview and all of them.
          await page.goto(`${e2e.base}/nb/overview/${THIS_YEAR}/bergen`);
          await expect(page.locator('h1').textContent()).resolves.toBe(
            `Vennskapsbyåret ${THIS_YEAR}: Bergen`,
          );
          expect(await tiles(page)).toEqual(bergen);
          await expect(page.locator('main').textContent()).resolves.toContain(
            `I ${THIS_YEAR} drev`,
          );
          await expectNoSidewaysScroll(page, `nb Bergen at ${width}`);
          await expectNoAxeViolations(page, `/nb/overview/${THIS_YEAR}/bergen at ${width}`);
          await page
            .getByRole('navigation', { name: `Vennskapsbyene i ${THIS_YEAR}` })
            .getByRole('link', { name: 'Alle vennskapsbyer' })
            .click();
          expect(page.url()).toBe(`${e2e.base}/nb/overview/${THIS_YEAR}`);
          expect(await tiles(page)).toEqual(all);
          await expectNoAxeViolations(page, `/nb/overview/${THIS_YEAR} at ${width}`);
          await context.close();
        }
      });
    },
  );
}

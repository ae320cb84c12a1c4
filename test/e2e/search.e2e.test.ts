import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable, DIALECTS } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';

const canRun = browserAvailable();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(`portal search [${dialect}]`, () => {
    const e2e = useE2eApp(dialect);

    it('a visitor searches from the header box and reads grouped, highlighted results (1280 px)', async () => {
      const sv = messagesOf('sv');
      const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${e2e.base}/meetings`);
      const box = page.getByRole('search').getByLabel(sv['search.header.label']);
      await box.fill('Bergen');
      await box.press('Enter');
      await page.waitForURL(/\/search\?q=Bergen/);
      expect(await page.getAttribute('html', 'lang')).toBe('sv');
      // Grouped by kind, with counts: the city and the meetings it hosted.
      const cityHeading = page.getByRole('heading', { level: 2, name: /^Orter \(\d+\)$/ });
      await expect(cityHeading.count()).resolves.toBe(1);
      await expect(
        page.getByRole('heading', { level: 2, name: /^Vänortsmöten \(\d+\)$/ }).count(),
      ).resolves.toBe(1);
      // The hits are marked and link to the record's page.
      const link = page.locator('section[aria-labelledby="search-city-heading"] h3 a').first();
      await expect(link.locator('mark').first().textContent()).resolves.toBe('Bergen');
      await expect(link.getAttribute('href')).resolves.toBe('/cities/bergen');
      // Filter by kind: the meetings only.
      await page
        .getByRole('navigation', { name: sv['search.filter.label'] })
        .getByRole('link', { name: /^Vänortsmöten/ })
        .click();
      await page.waitForURL(/kind=meeting/);
      await expect(page.locator('section.search-group').count()).resolves.toBe(1);
      await expectNoAxeViolations(page, '/search?q=Bergen&kind=meeting at 1280 px');
      await page.goto(`${e2e.base}/search?q=Bergen`);
      await expectNoAxeViolations(page, '/search?q=Bergen at 1280 px');
      await context.close();
    }, 60_000);

    // The markup does not depend on the database: the narrow sweep runs on SQLite only.
    it.skipIf(dialect !== 'sqlite')(
      'fits 320 px, in English too, and explains a query without words (320 px)',
      async () => {
        const context = await e2e.browser.newContext({ viewport: { width: 320, height: 800 } });
        const page = await context.newPage();
        for (const url of ['/search?q=Turku', '/en/search?q=Aarhus', '/search?q=%22*%22', '/en/']) {
          await page.goto(e2e.base + url);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, url).toBeLessThanOrEqual(0);
          await expectNoAxeViolations(page, `${url} at 320 px`);
        }
        await page.goto(`${e2e.base}/en/search?q=Aarhus`);
        await expect(page.locator('mark').first().textContent()).resolves.toBe('Aarhus');
        await page.goto(`${e2e.base}/search?q=%22*%22`);
        await expect(page.getByRole('status').first().textContent()).resolves.toContain(
          messagesOf('sv')['search.noWords'],
        );
        await context.close();
      },
      60_000,
    );
  });
}

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { dialectAvailable, DIALECTS } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PUBLIC_PAGES = [
  '/',
  '/cities',
  '/cities/goteborg',
  '/cities/aarhus',
  '/cities/bergen',
  '/cities/turku',
  '/cities/nelson-mandela-bay',
  '/decisions',
  '/policy',
  '/accessibility',
];
const canRun = browserAvailable();

async function axeViolations(context: BrowserContext, page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  void context;
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `public pages in a browser [${dialect}]`,
    () => {
      let t: TestApp;
      let base: string;
      let browser: Browser;
      /** The public pages plus one demo decision (its id is made when the demo data is seeded). */
      let pages: string[] = PUBLIC_PAGES;

      beforeAll(async () => {
        t = await buildTestApp(dialect);
        const decision = await t.db.kysely
          .selectFrom('council_decision')
          .select('id')
          .orderBy('meeting_date')
          .executeTakeFirstOrThrow();
        pages = [...PUBLIC_PAGES, `/decisions/${decision.id}`];
        base = await t.app.listen({ host: '127.0.0.1', port: 0 });
        browser = await launchBrowser();
      });
      afterAll(async () => {
        await browser?.close();
        await t?.close();
      });

      for (const lang of ['sv', 'en'] as const) {
        it(`has no axe violations on any public page (${lang}, with and without JavaScript)`, async () => {
          for (const javaScriptEnabled of [true, false]) {
            const context = await browser.newContext({ javaScriptEnabled });
            await context.addCookies([{ name: 'lang', value: lang, url: base }]);
            const page = await context.newPage();
            for (const path of [...pages, '/no-such-page']) {
              const response = await page.goto(base + path);
              expect(response?.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
              expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
              expect(await page.locator('h1').count(), path).toBe(1);
              if (javaScriptEnabled) {
                expect(await axeViolations(context, page), `${path} (${lang})`).toEqual([]);
              } else {
                // Without JavaScript the page is complete: styled, with its navigation.
                expect(await page.locator('nav a[href="/cities"]').count(), path).toBeGreaterThan(
                  0,
                );
                const bg = await page
                  .locator('.site-header')
                  .evaluate((el) => getComputedStyle(el).backgroundColor);
                expect(bg, path).toBe('rgb(0, 75, 137)');
              }
            }
            await context.close();
          }
        });
      }

      it('lets a visitor from Bergen switch to English and find Bergen without JavaScript', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(base + '/');
        await page.getByRole('link', { name: 'English' }).click();
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await expect(page.locator('h1').textContent()).resolves.toBe(
          "Gothenburg's Nordic twin cities",
        );
        await page
          .getByRole('navigation', { name: 'Main menu' })
          .getByRole('link', { name: 'Twin cities' })
          .click();
        await page.getByRole('link', { name: 'Bergen' }).first().click();
        expect(page.url()).toBe(`${base}/cities/bergen`);
        await expect(page.locator('h1').textContent()).resolves.toBe('Bergen');
        // The choice is remembered on the next page.
        await page.goto(base + '/policy');
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await context.close();
      });

      it('reaches the main content with the skip link from the keyboard', async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(base + '/cities');
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent);
        expect(focused).toBe('Till huvudinnehållet');
        expect(await page.locator('.skip-link').isVisible()).toBe(true);
        await page.keyboard.press('Enter');
        expect(page.url()).toBe(`${base}/cities#main`);
        await context.close();
      });

      it('fits a 320 px wide screen without horizontal scrolling', async () => {
        const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
        const page = await context.newPage();
        for (const path of pages) {
          await page.goto(base + path);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, path).toBeLessThanOrEqual(0);
        }
        await context.close();
      });
    },
  );
}

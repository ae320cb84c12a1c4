import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable, DIALECTS } from '../helpers/databases.ts';
import { addressIn as at, expectNoAxeViolations, useE2eApp } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';
import { samplePublicPages } from '../helpers/public-pages.ts';

const LANGUAGES: readonly Locale[] = ['sv', 'en', 'da', 'nb', 'fi'];
const NOT_FOUND = '/no-such-page';
const canRun = browserAvailable();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `public pages in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);
      /** Every public page the sitemap lists, one of each kind of detail page. */
      let pages: string[] = [];

      beforeAll(async () => {
        pages = await samplePublicPages(e2e.t.app, 1);
      });

      // The markup of a language does not depend on the database: the axe sweep of every
      // language runs on SQLite, and PostgreSQL's run checks the Swedish pages (bounded time).
      for (const lang of dialect === 'sqlite' ? LANGUAGES : (['sv'] as const)) {
        it(`has no axe violations on any public page at its ${lang} address`, async () => {
          const context = await e2e.browser.newContext();
          const page = await context.newPage();
          for (const path of [...pages, NOT_FOUND]) {
            const url = at(lang, path);
            const response = await page.goto(e2e.base + url);
            expect(response?.status(), url).toBe(path === NOT_FOUND ? 404 : 200);
            expect(await page.getAttribute('html', 'lang'), url).toBe(lang);
            expect(await page.locator('h1').count(), url).toBe(1);
            await expectNoAxeViolations(page, url);
          }
          await context.close();
        }, 180_000);
      }

      for (const lang of LANGUAGES) {
        it(`shows every public page complete without JavaScript at its ${lang} address`, async () => {
          const context = await e2e.browser.newContext({ javaScriptEnabled: false });
          const page = await context.newPage();
          const languageNav = page.getByRole('navigation', {
            name: messagesOf(lang)['layout.languageNav'],
          });
          for (const path of [...pages, NOT_FOUND]) {
            const url = at(lang, path);
            const response = await page.goto(e2e.base + url);
            expect(response?.status(), url).toBe(path === NOT_FOUND ? 404 : 200);
            expect(await page.getAttribute('html', 'lang'), url).toBe(lang);
            // Styled, with its navigation in the page's language.
            expect(
              await page.locator(`nav a[href="${at(lang, '/cities')}"]`).count(),
              url,
            ).toBeGreaterThan(0);
            const bg = await page
              .locator('.site-header')
              .evaluate((el) => getComputedStyle(el).backgroundColor);
            expect(bg, url).toBe('rgb(0, 75, 137)');
            // The language switch keeps the reader on the same page.
            for (const other of LANGUAGES) {
              await expect(
                languageNav.locator(`a[hreflang="${other}"]`).getAttribute('href'),
                `${url} → ${other}`,
              ).resolves.toBe(at(other, path));
            }
          }
          await context.close();
        }, 120_000);
      }

      it('lets a visitor from Bergen switch to English and find Bergen without JavaScript', async () => {
        const context = await e2e.browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
        const page = await context.newPage();
        await page.goto(e2e.base + '/');
        await page
          .getByRole('navigation', { name: messagesOf('sv')['layout.languageNav'] })
          .getByRole('link', { name: 'English', exact: true })
          .click();
        expect(page.url()).toBe(`${e2e.base}/en/`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await expect(page.locator('h1').textContent()).resolves.toBe(
          "Gothenburg's Nordic twin cities",
        );
        const mainMenu = page.getByRole('navigation', { name: 'Main menu' });
        await mainMenu.getByRole('link', { name: 'Twin cities' }).click();
        expect(page.url()).toBe(`${e2e.base}/en/cities`);
        await page.locator('main').getByRole('link', { name: 'Bergen' }).first().click();
        expect(page.url()).toBe(`${e2e.base}/en/cities/bergen`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await expect(page.locator('h1').textContent()).resolves.toBe('Bergen');
        // The site's own links keep English: the address carries it, no cookie.
        await mainMenu.getByRole('link', { name: 'The policy' }).click();
        expect(page.url()).toBe(`${e2e.base}/en/policy`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect((await context.cookies()).map((c) => c.name)).not.toContain('lang');
        await context.close();
      });

      it('reaches the main content with the skip link from the keyboard', async () => {
        const context = await e2e.browser.newContext();
        const page = await context.newPage();
        await page.goto(e2e.base + '/cities');
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent);
        expect(focused).toBe('Till huvudinnehållet');
        expect(await page.locator('.skip-link').isVisible()).toBe(true);
        await page.keyboard.press('Enter');
        // The browser tells Playwright of the fragment navigation after the key press returns:
        // wait for it (a missing navigation still fails here, after the timeout).
        await page.waitForURL(`${e2e.base}/cities#main`, { timeout: 5000 }).catch(() => undefined);
        expect(page.url()).toBe(`${e2e.base}/cities#main`);
        await context.close();
      });

      it('fits a 320 px wide screen without horizontal scrolling', async () => {
        const context = await e2e.browser.newContext({ viewport: { width: 320, height: 640 } });
        const page = await context.newPage();
        for (const path of pages) {
          await page.goto(e2e.base + path);
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

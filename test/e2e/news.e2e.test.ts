import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/**
 * axe on the page as it is, at a desktop width and at 320 px (which must not scroll
 * sideways). The pages are the same on both databases: checked on the first one only, so
 * the second run is the story alone (the suite stays quick).
 */
async function checkPage(page: Page, label: string, dialect: string): Promise<void> {
  if (dialect !== DIALECTS[0]) return;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${label} at ${width} px`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(sideways, `${label} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(`news in a browser [${dialect}]`, () => {
    const e2e = useE2eApp(dialect);

    it('a coordinator writes and publishes in Swedish and English; a visitor reads it in English', async () => {
      const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD, {
        context: { viewport: { width: 1280, height: 900 } },
      });
      page.context().setDefaultTimeout(15_000);
      await openTask(page, 'Nyheter');
      expect(page.url()).toBe(`${e2e.base}/workspace/news`);
      await checkPage(page, 'news desk', dialect);

      await page.getByRole('link', { name: 'Skriv en nyhet' }).click();
      await checkPage(page, 'news form', dialect);
      // Enter in a field saves a draft (the first button), never publishes: here with nothing.
      await page.getByRole('button', { name: 'Spara som utkast' }).click();
      const summary = page.locator('.error-summary');
      await expect(summary.textContent()).resolves.toContain('Skriv en rubrik på svenska.');
      await checkPage(page, 'news form with errors', dialect);

      await page.locator('#title_sv').fill('Göteborg och Bergen planerar ett kulturutbyte');
      await page
        .locator('#summary_sv')
        .fill('Konstnärer från båda städerna ska arbeta tillsammans under 2027.');
      await page
        .locator('#body_sv')
        .fill('Kulturförvaltningen och Bergens kulturetat har **kommit överens** om ett utbyte.');
      await page.locator('#title_en').fill('Gothenburg and Bergen plan a cultural exchange');
      await page
        .locator('#summary_en')
        .fill('Artists from both cities will work together during 2027.');
      await page
        .locator('#body_en')
        .fill('The cultural administrations of both cities have **agreed** on an exchange.');
      await page
        .getByRole('group', { name: 'Vänorter som nyheten handlar om (valfritt)' })
        .getByLabel('Bergen', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Spara och förhandsgranska' }).click();
      expect(page.url()).toMatch(/\/workspace\/news\/[\w-]+\/preview\?version=sv$/);
      await expect(page.locator('.preview-banner').textContent()).resolves.toContain(
        'Nyheten är ett utkast',
      );
      await checkPage(page, 'news preview', dialect);

      await page.getByRole('link', { name: 'Tillbaka till nyheten i arbetsytan' }).click();
      await page.getByRole('button', { name: 'Publicera nu' }).click();
      await expect(page.locator('.flash').textContent()).resolves.toContain(
        'Nyheten är publicerad.',
      );
      await checkPage(page, 'published news item in the workspace', dialect);
      await page.context().close();

      // A visitor from Bergen reading in English.
      const visitorContext = await e2e.browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      visitorContext.setDefaultTimeout(15_000);
      const visitor = await visitorContext.newPage();
      await visitor.goto(`${e2e.base}/en/news`);
      await checkPage(visitor, 'news list in English', dialect);
      await visitor
        .getByRole('link', { name: 'Gothenburg and Bergen plan a cultural exchange' })
        .click();
      expect(visitor.url()).toMatch(/\/en\/news\/[\w-]+$/);
      await expect(visitor.locator('h1').textContent()).resolves.toBe(
        'Gothenburg and Bergen plan a cultural exchange',
      );
      await expect(visitor.locator('.news-body strong').textContent()).resolves.toBe('agreed');
      await checkPage(visitor, 'news item in English', dialect);

      await visitor.getByRole('link', { name: 'Bergen', exact: true }).click();
      expect(visitor.url()).toBe(`${e2e.base}/en/cities/bergen`);
      await expect(
        visitor
          .locator('.linked-news')
          .getByRole('link', { name: 'Gothenburg and Bergen plan a cultural exchange' })
          .count(),
      ).resolves.toBe(1);
      await checkPage(visitor, 'Bergen with its news', dialect);

      // A Swedish-only item on a Finnish page is marked as Swedish.
      await visitor.goto(`${e2e.base}/fi/news?city=bergen`);
      await checkPage(visitor, 'news list in Finnish, filtered', dialect);
      await visitorContext.close();
    });
  });
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, logIn } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../src/demo.ts';

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// The pages' markup does not depend on the database: SQLite only (bounded time).
describe.skipIf(!browserAvailable() || !dialectAvailable('sqlite'))(
  'personal data in a browser',
  () => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    beforeAll(async () => {
      t = await buildTestApp('sqlite');
      base = await t.app.listen({ host: '127.0.0.1', port: 0 });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('a reader from Bergen finds the register in the footer; it passes axe at 1280 and 320 px', async () => {
      const nb = messagesOf('nb');
      for (const width of [1280, 320]) {
        // (axe runs as a script in the page; the page itself has none.)
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${base}/nb/`);
        await page.getByRole('contentinfo').getByRole('link', { name: nb['privacy.nav'] }).click();
        expect(new URL(page.url()).pathname).toBe('/nb/privacy');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          nb['privacy.title'],
        );
        expect(await page.getAttribute('html', 'lang')).toBe('nb');
        expect(await noSidewaysScroll(page), `${width} px`).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, `/nb/privacy at ${width} px`);
        await context.close();
      }
    }, 60_000);

    it('the administrator’s page and the dry run pass axe at 320 px', async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await logIn(page, base, 'admin@vanort.example', DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      for (const path of [
        '/admin/privacy?email=rapportor%40vanort.example',
        '/admin/privacy/retention',
        '/account/data',
      ]) {
        const response = await page.goto(base + path);
        expect(response?.status(), path).toBe(200);
        expect(await noSidewaysScroll(page), path).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, path);
      }
      await context.close();
    }, 60_000);
  },
);

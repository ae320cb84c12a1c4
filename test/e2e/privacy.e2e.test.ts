import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp, signedInPage } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';
import { DEMO_PASSWORD } from '../../src/demo.ts';

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// The pages' markup does not depend on the database: SQLite only (bounded time).
describe.skipIf(!browserAvailable() || !dialectAvailable('sqlite'))(
  'personal data in a browser',
  () => {
    const e2e = useE2eApp('sqlite');

    it('a reader from Bergen finds the register in the footer; it passes axe at 1280 and 320 px', async () => {
      const nb = messagesOf('nb');
      for (const width of [1280, 320]) {
        // (axe runs as a script in the page; the page itself has none.)
        const context = await e2e.browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${e2e.base}/nb/`);
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
      const page = await signedInPage(e2e, 'admin@vanort.example', DEMO_PASSWORD, {
        context: { viewport: { width: 320, height: 800 } },
      });
      await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      for (const path of [
        '/admin/privacy?email=rapportor%40vanort.example',
        '/admin/privacy/retention',
        '/account/data',
      ]) {
        const response = await page.goto(e2e.base + path);
        expect(response?.status(), path).toBe(200);
        expect(await noSidewaysScroll(page), path).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, path);
      }
      await page.context().close();
    }, 60_000);
  },
);

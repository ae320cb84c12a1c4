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
  'the records register in a browser',
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

    it('the registrar registers a record with plain forms; the pages pass axe at 320 and 1280 px', async () => {
      const sv = messagesOf('sv');
      // (axe runs as a script in the page; the pages themselves have none: plain forms.)
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await logIn(page, base, 'samordnare@vanort.example', DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.endsWith('/login'));
      await page.goto(`${base}/workspace`);
      await page
        .getByRole('navigation', { name: sv['layout.workspaceNav'] })
        .getByRole('link', { name: sv['workspace.link.records'] })
        .click();
      expect(new URL(page.url()).pathname).toBe('/workspace/records');
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, '/workspace/records at 320 px');

      await page
        .getByRole('link', { name: new RegExp(`^${sv['records.register']}`) })
        .first()
        .click();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, 'a record at 320 px');
      // A secret record without its ground: refused, the summary names the field.
      await page.getByLabel(sv['records.caseNumber']).fill('SLK-2026-00123');
      await page.getByLabel(sv['records.flag.secret'], { exact: true }).check();
      await page.getByLabel(sv['records.classification']).selectOption('1.4.3');
      await page.getByRole('button', { name: sv['records.register.save'] }).click();
      expect(await page.locator('.error-summary').textContent()).toContain(
        sv['records.err.groundRequired'],
      );
      await expectNoAxeViolations(page, 'a refused registration at 320 px');
      await page.getByLabel(sv['records.ground'], { exact: false }).fill('OSL 21 kap. 7 §');
      await page.getByRole('button', { name: sv['records.register.save'] }).click();
      expect(await page.locator('main').textContent()).toContain(sv['records.flash.registered']);
      expect(await page.locator('main').textContent()).toContain('OSL 21 kap. 7 §');
      await context.close();

      const wide = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const desk = await wide.newPage();
      await logIn(desk, base, 'samordnare@vanort.example', DEMO_PASSWORD);
      await desk.waitForURL((url) => !url.pathname.endsWith('/login'));
      await desk.goto(`${base}/workspace/records?secrecy=secret`);
      expect(await desk.locator('tbody tr').count()).toBe(1);
      await expectNoAxeViolations(desk, '/workspace/records at 1280 px');
      await wide.close();
    }, 90_000);
  },
);

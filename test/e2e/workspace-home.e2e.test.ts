import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, logIn, useE2eApp } from '../helpers/e2e.ts';

const canRun = browserAvailable();
// Set WORKSPACE_SHOTS=/some/dir to keep the screenshots for a look (decision 028).
const shots = process.env.WORKSPACE_SHOTS;

/** The page fits the viewport: no sideways scrolling (WCAG 1.4.10). */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the workspace start page in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      for (const [email, role] of [
        ['samordnare@vanort.example', 'coordinator'],
        ['rapportor@vanort.example', 'reporter'],
      ] as const) {
        it(`the ${role} lands on the start page; it passes axe and fits 1280 and 320 px`, async () => {
          const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          await logIn(page, e2e.base, email, DEMO_PASSWORD);
          await page.goto(`${e2e.base}/workspace`);
          await expect(
            page.getByRole('heading', { level: 2, name: 'Att göra' }).count(),
          ).resolves.toBe(1);
          if (role === 'coordinator') {
            const panel = page.locator('.policy-lines > li');
            await expect(panel.count()).resolves.toBeGreaterThanOrEqual(10);
            await expect(page.getByRole('link', { name: /^P10 / }).count()).resolves.toBe(1);
          } else {
            await expect(page.locator('.policy-lines').count()).resolves.toBe(0);
          }
          for (const width of [1280, 320]) {
            await page.setViewportSize({ width, height: 900 });
            await expectNoAxeViolations(page, `${role} start page at ${width} px`);
            expect(await documentWidth(page), `${role} at ${width} px`).toBeLessThanOrEqual(width);
            if (shots && dialect === 'sqlite')
              await page.screenshot({
                path: `${shots}/${role}-${width}-top.png`,
                fullPage: true,
                clip: { x: 0, y: 0, width, height: 1600 },
              });
          }
          await context.close();
        });
      }
    },
  );
}

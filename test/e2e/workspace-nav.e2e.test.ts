import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/** The page fits the viewport: no sideways scrolling (WCAG 1.4.10). */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the workspace navigation in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('a coordinator signs in to the workspace and finds the way by its navigation and breadcrumbs, at 1280 and 320 px', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD, {
          context: { viewport: { width: 1280, height: 900 } },
        });
        expect(page.url()).toBe(`${e2e.base}/workspace`);

        const nav = page.getByRole('navigation', { name: 'Arbetsytan' });
        await nav.getByRole('link', { name: 'Vänortsmöten', exact: true }).click();
        expect(page.url()).toBe(`${e2e.base}/workspace/meetings`);
        await expect(nav.locator('a[aria-current="page"]').textContent()).resolves.toBe(
          'Vänortsmöten',
        );
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          await expectNoAxeViolations(page, `workspace meetings at ${width} px`);
          // The navigation itself never makes the page scroll sideways.
          const navWidth = await nav.evaluate((el) => el.scrollWidth);
          expect(navWidth, `navigation at ${width} px`).toBeLessThanOrEqual(width);
        }

        // A deeper page: the place stays marked, the breadcrumbs lead back.
        await page.setViewportSize({ width: 320, height: 900 });
        await page.locator('main').getByRole('link', { name: '2027', exact: true }).click();
        await expect(nav.locator('a[aria-current="true"]').textContent()).resolves.toBe(
          'Vänortsmöten',
        );
        const crumbs = page.getByRole('navigation', { name: 'Du är här' });
        await expect(crumbs.getByRole('listitem').allTextContents()).resolves.toEqual([
          'Arbetsyta',
          'Vänortsmöten',
          await page.locator('h1').textContent(),
        ]);
        // (At 320 px the meeting page's wide tables are the reflow part's of issue 19.)
        await page.setViewportSize({ width: 1280, height: 900 });
        await expectNoAxeViolations(page, 'a meeting with its breadcrumbs');
        await page.setViewportSize({ width: 320, height: 900 });
        await crumbs.getByRole('link', { name: 'Arbetsyta' }).click();
        expect(page.url()).toBe(`${e2e.base}/workspace`);
        expect(await documentWidth(page)).toBeLessThanOrEqual(320);

        // The areas: a page under Samarbeten, reached from its list; one navigation marks it.
        await page.setViewportSize({ width: 320, height: 900 });
        await nav.getByRole('link', { name: 'Samarbeten', exact: true }).click();
        await page.getByRole('link', { name: 'Områdena som samarbeten väljer ur' }).click();
        expect(page.url()).toBe(`${e2e.base}/workspace/areas`);
        await expect(nav.locator('a[aria-current="true"]').textContent()).resolves.toBe(
          'Samarbeten',
        );
        await expect(crumbs.getByRole('listitem').allTextContents()).resolves.toEqual([
          'Arbetsyta',
          'Samarbeten',
          'Områden',
        ]);
        await expectNoAxeViolations(page, 'the areas at 320 px');
        expect(await documentWidth(page)).toBeLessThanOrEqual(320);

        // A page the role may not use: the header still says who is signed in, and signs out.
        await page.setViewportSize({ width: 1280, height: 900 });
        const refused = await page.goto(`${e2e.base}/workspace/decisions`);
        expect(refused?.status()).toBe(403);
        await page.getByRole('button', { name: 'Logga ut' }).click();
        await expect(
          page.getByRole('navigation', { name: 'Användarmeny' }).textContent(),
        ).resolves.toContain('Logga in');
        await page.context().close();
      });
    },
  );
}

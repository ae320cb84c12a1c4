import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/** The page fits the viewport: no sideways scrolling (WCAG 1.4.10). */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** axe and reflow at desktop and phone width. */
async function checkWidths(page: Page, label: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${label} at ${width} px`);
    expect(await documentWidth(page), `${label} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the partner contact's own city in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('the Bergen contact suggests a change in Norwegian; a coordinator approves it', async () => {
        const page = await signedInPage(e2e, 'bergen@vanort.example', DEMO_PASSWORD, {
          locale: 'nb',
          context: { viewport: { width: 1280, height: 900 } },
        });
        page.context().setDefaultTimeout(15_000);
        await openTask(
          page,
          'Byens opplysninger (Bergen): hold beskrivelse, fakta og kontakt oppdatert',
          'nb',
        );
        expect(page.url()).toBe(`${e2e.base}/nb/workspace/cities/bergen`);
        await expect(page.locator('h1').textContent()).resolves.toBe('Opplysninger om Bergen');
        await checkWidths(page, 'partner form');

        // A bad address is refused at the field; nothing is sent.
        await page.getByLabel('E-postadressen til kontakten').fill('ikke en adresse');
        await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
        await expect(page.locator('.error-summary').count()).resolves.toBe(1);
        await checkWidths(page, 'partner form with errors');

        await page
          .getByLabel('E-postadressen til kontakten')
          .fill('internasjonalt@bergen.kommune.no');
        await page
          .getByLabel('Beskrivelse på norsk bokmål')
          .fill('Byen mellom de syv fjell, med Bryggen på UNESCOs verdensarvliste.');
        await page.getByRole('button', { name: 'Send til gjennomgang' }).click();
        expect(page.url()).toBe(`${e2e.base}/nb/workspace/cities/bergen`);
        await expect(page.locator('.flash').textContent()).resolves.toContain(
          'Forslaget deres om Bergen er sendt til gjennomgang',
        );
        await expect(page.locator('main').textContent()).resolves.toContain(
          'venter på gjennomgang',
        );
        await checkWidths(page, 'partner form, suggestion pending');
        await page.context().close();

        // The coordinator finds it on the start page, reviews it and approves it.
        const review = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD, {
          context: { viewport: { width: 1280, height: 900 } },
        });
        review.context().setDefaultTimeout(15_000);
        await openTask(review, 'Granska ändrade ortfakta från Bergen');
        expect(review.url()).toBe(`${e2e.base}/workspace/cities/bergen/suggestion`);
        const changes = review.locator('.suggestion-changes');
        await expect(changes.textContent()).resolves.toContain('UNESCOs verdensarvliste');
        await checkWidths(review, 'review of the suggestion');
        await review.getByRole('button', { name: 'Godkänn och publicera' }).click();
        await expect(review.locator('.flash').textContent()).resolves.toContain(
          'Förslaget om Bergen är godkänt och publicerat.',
        );
        await review.context().close();

        // A visitor reading in Norwegian sees it on the public page.
        const visitor = await (await e2e.browser.newContext()).newPage();
        await visitor.goto(`${e2e.base}/nb/cities/bergen`);
        await expect(visitor.locator('main').textContent()).resolves.toContain(
          'UNESCOs verdensarvliste',
        );
        await visitor.context().close();
      });
    },
  );
}

import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, logIn, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/**
 * Safe actions in a browser (decision 033): the removal button leads to a page that asks
 * first; "Avbryt" changes nothing, confirming removes. Without JavaScript too.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `confirmations in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);
      let meetingPath: string;
      beforeAll(async () => {
        const meeting = await e2e.t.db.kysely
          .selectFrom('meeting')
          .select('id')
          .where('year', '=', 2027)
          .executeTakeFirstOrThrow();
        // Programme items are listed and removed on the programme section's page (decision 035).
        meetingPath = `/workspace/meetings/${meeting.id}/programme`;
      });

      it('a coordinator removes a programme item: asked first, cancels, then confirms', async () => {
        const title = 'Middag på Röda Sten';
        const page = await (await e2e.browser.newContext()).newPage();
        await logIn(page, e2e.base, 'samordnare@vanort.example', DEMO_PASSWORD);
        await page.goto(e2e.base + meetingPath);
        const remove = page.getByRole('link', { name: `Ta bort: ${title}` });

        await remove.click();
        await expect(page.locator('h1').textContent()).resolves.toBe('Ta bort programpunkten?');
        await expect(page.locator('main').textContent()).resolves.toContain(
          `Programpunkten ”${title}” tas bort ur programmet för vänortsmötet 2027.`,
        );
        await expect(page.locator('main').textContent()).resolves.toContain(
          'Det går inte att ångra.',
        );
        await expectNoAxeViolations(page, 'confirm removal');
        // At 320 px the page reflows: nothing wider than the screen.
        await page.setViewportSize({ width: 320, height: 640 });
        await expect(
          page.evaluate(() => document.documentElement.scrollWidth),
        ).resolves.toBeLessThanOrEqual(320);
        await page.setViewportSize({ width: 1280, height: 800 });

        // Cancel: back on the programme page, the item still there.
        await page.getByRole('link', { name: 'Avbryt' }).click();
        expect(page.url()).toBe(e2e.base + meetingPath);
        await expect(remove.count()).resolves.toBe(1);

        // Confirm: removed.
        await remove.click();
        await page.getByRole('button', { name: 'Ta bort' }).click();
        expect(page.url()).toBe(e2e.base + meetingPath);
        await expect(page.locator('.flash').textContent()).resolves.toBe('Det är borttaget.');
        await expect(remove.count()).resolves.toBe(0);
      });

      it('the presidium removes a delegate without JavaScript, asked first', async () => {
        const page = await signedInPage(e2e, 'presidiet@vanort.example', DEMO_PASSWORD, {
          context: { javaScriptEnabled: false },
        });
        const member = await e2e.t.db.kysely
          .selectFrom('delegation_member')
          .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
          .innerJoin('city', 'city.id', 'delegation.city_id')
          .select(['delegation_member.name', 'delegation.meeting_id'])
          .where('city.slug', '=', 'goteborg')
          .orderBy('delegation_member.name')
          .executeTakeFirstOrThrow();
        const delegation = `/workspace/meetings/${member.meeting_id}/delegations/goteborg`;
        await page.goto(e2e.base + delegation);
        const rows = page.locator('tbody tr', { hasText: member.name });
        await expect(rows.count()).resolves.toBe(1);
        // The name is read after the text (a visually hidden part: Chromium puts a space in).
        const remove = rows.getByRole('link', { name: new RegExp(`^Ta bort\\s?: ${member.name}`) });
        await remove.click();
        await expect(page.locator('h1').textContent()).resolves.toBe('Ta bort deltagaren?');
        await page.getByRole('link', { name: 'Avbryt' }).click();
        expect(page.url()).toBe(e2e.base + delegation);
        await expect(rows.count()).resolves.toBe(1);

        await remove.click();
        await page.getByRole('button', { name: 'Ta bort ur delegationen' }).click();
        expect(page.url()).toBe(e2e.base + delegation);
        await expect(page.locator('.flash').textContent()).resolves.toBe(
          'Deltagaren är borttagen.',
        );
        await expect(rows.count()).resolves.toBe(0);
        await page.context().close();
      });
    },
  );
}

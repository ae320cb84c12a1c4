import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { createUser } from '../../src/modules/accounts/account.service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, signedInPage, useE2eApp } from '../helpers/e2e.ts';

const canRun = browserAvailable();

const flash = (page: Page) => page.locator('.flash').textContent();
const REVIEWER = { email: 'granskare@vanort.example', password: 'granskar noga 2026' };

/** Whether the page scrolls sideways at its current width. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the evaluation after a meeting in Gothenburg, in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect, async (t) => {
        await createUser(t.db, SYSTEM_ACTOR, {
          name: 'Greta Granskare',
          roles: [{ role: 'coordinator', organisationId: null, cityId: null }],
          ...REVIEWER,
        });
      });

      it('held meeting → evaluation on the start page with its due date → written, reviewed, approved; version 2, the comparison; Word and PDF; published', async () => {
        const owner = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);

        // The 2027 meeting in Gothenburg is marked held in the meeting form.
        await owner.goto(`${e2e.base}/workspace/meetings`);
        await owner.getByRole('link', { name: '2027', exact: true }).click();
        await owner.getByRole('link', { name: 'Ändra datum, plats, tema eller status' }).click();
        await owner.getByRole('radio', { name: 'Genomfört' }).check();
        await owner.getByRole('button', { name: 'Spara mötet' }).click();

        // The evaluation is in the list with its due date, three months after the last day.
        await owner.goto(`${e2e.base}/workspace/evaluations`);
        await expectNoAxeViolations(owner, 'evaluations');
        const row = owner.getByRole('row', {
          name: /Utvärdering efter vänortsmötet i Göteborg 2027/,
        });
        await expect(row.textContent()).resolves.toContain('16 december 2027');
        await expect(row.textContent()).resolves.toContain('Sara Samordnare');

        // It waits for its owner on the workspace start page, with the due date (P10 there too).
        await owner.goto(`${e2e.base}/workspace`);
        await expect(owner.locator('main').textContent()).resolves.toContain(
          'Skriv utvärderingen ”Utvärdering efter vänortsmötet i Göteborg 2027”, klar senast 16 december 2027',
        );
        await owner.goto(`${e2e.base}/workspace/evaluations`);
        await row.getByRole('link').click();
        const evaluationUrl = owner.url();
        await expectNoAxeViolations(owner, 'evaluation draft');

        // Autosave while writing (the script), then the rest and submit.
        await owner
          .getByRole('textbox', { name: 'Sammanfattning', exact: true })
          .fill('Mötet i Göteborg 2027 stärkte samarbetet om klimatanpassning.');
        await expect(
          owner
            .locator('#autosave-status')
            .filter({ hasText: /^Sparat \d/ })
            .textContent({
              timeout: 15_000,
            }),
        ).resolves.toMatch(/^Sparat \d{1,2}\.\d{2}$/);
        await owner
          .getByRole('textbox', { name: 'Analys', exact: true })
          .fill('Bergen och Aarhus var mest aktiva.');
        await owner
          .getByRole('textbox', { name: 'Slutsatser' })
          .fill('Klimatfrågorna bär samarbetet.');
        await owner
          .getByRole('textbox', { name: 'Rekommendationer' })
          .fill('Fortsätt med gemensamma klimatprojekt.');
        await owner.getByRole('button', { name: 'Spara och skicka för granskning' }).click();
        await expect(flash(owner)).resolves.toContain('skickad för granskning');

        // A second coordinator approves: version 1.
        const reviewer = await signedInPage(e2e, REVIEWER.email, REVIEWER.password);
        await reviewer.goto(evaluationUrl);
        await expectNoAxeViolations(reviewer, 'evaluation in review');
        await reviewer.getByRole('textbox', { name: 'Kommentar' }).fill('Väl underbyggt.');
        await reviewer.getByRole('radio', { name: /^Godkänna/ }).check();
        await reviewer.getByRole('button', { name: 'Skicka', exact: true }).click();
        await expect(flash(reviewer)).resolves.toContain('godkänd som version 1');
        await expectNoAxeViolations(reviewer, 'evaluation approved');

        // A later edit makes version 2.
        await owner.goto(evaluationUrl);
        await owner.getByRole('button', { name: 'Börja på en ny version' }).click();
        await owner
          .getByRole('textbox', { name: 'Slutsatser' })
          .fill('Klimatfrågorna och ungdomsutbytena bär samarbetet.');
        await owner.getByRole('button', { name: 'Spara och skicka för granskning' }).click();
        await reviewer.goto(evaluationUrl);
        await reviewer.getByRole('radio', { name: /^Godkänna/ }).check();
        await reviewer.getByRole('button', { name: 'Skicka', exact: true }).click();
        await expect(flash(reviewer)).resolves.toContain('godkänd som version 2');

        // The comparison marks the change, in words as well as in style.
        await reviewer.getByRole('link', { name: 'Jämför version 1 och 2' }).click();
        await expectNoAxeViolations(reviewer, 'comparison');
        const added = reviewer.locator('ins');
        await expect(added.first().textContent()).resolves.toContain('och ungdomsutbytena');
        await expect(
          reviewer.getByRole('heading', { name: /Slutsatser/ }).textContent(),
        ).resolves.toContain('Ändrat');
        await expect(
          reviewer.getByRole('heading', { name: /Analys/ }).textContent(),
        ).resolves.toContain('Oförändrat');

        // Both pages fit a 320 px phone.
        await reviewer.setViewportSize({ width: 320, height: 800 });
        await expect(scrollsSideways(reviewer)).resolves.toBe(false);
        await reviewer.goto(evaluationUrl);
        await expect(scrollsSideways(reviewer)).resolves.toBe(false);
        await expectNoAxeViolations(reviewer, 'evaluation at 320 px');

        // Version 2 exported as Word and PDF, then published; a visitor finds it on /reports.
        const publisher = await signedInPage(e2e, REVIEWER.email, REVIEWER.password, {
          context: { acceptDownloads: true },
        });
        await publisher.goto(`${evaluationUrl}/versions/2`);
        let downloading = publisher.waitForEvent('download');
        await publisher.getByRole('link', { name: 'Word-dokument (.docx)' }).click();
        const docx = await readFile(await (await downloading).path());
        expect(docx.subarray(0, 2).toString()).toBe('PK');
        downloading = publisher.waitForEvent('download');
        await publisher.getByRole('link', { name: 'PDF', exact: true }).click();
        const pdf = await readFile(await (await downloading).path());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        await publisher.getByRole('button', { name: 'Publicera version 2 på portalen' }).click();
        await publisher.context().close();
        const visitor = await (await e2e.browser.newContext()).newPage();
        await visitor.goto(`${e2e.base}/reports`);
        await visitor
          .getByRole('link', { name: 'Utvärdering efter vänortsmötet i Göteborg 2027' })
          .click();
        await expect(visitor.locator('main').textContent()).resolves.toContain(
          'Klimatfrågorna och ungdomsutbytena bär samarbetet.',
        );
        await expectNoAxeViolations(visitor, 'published report');
      }, 180_000);
    },
  );
}

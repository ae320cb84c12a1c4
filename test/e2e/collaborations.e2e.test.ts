import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, signedInPage, useE2eApp } from '../helpers/e2e.ts';

const canRun = browserAvailable();

const flash = (page: Page) => page.locator('.flash').textContent();
const errorSummary = (page: Page) => page.locator('.error-summary').textContent();
const main = (page: Page) => page.locator('main').textContent();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `collaborations and the reporting duty in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('a reporter registers, the coordinator returns, the reporter fixes, the coordinator acknowledges, the public sees it', async () => {
        const title = 'Läsfrämjande med Åbo stadsbibliotek';

        // The reporter of Kulturförvaltningen registers a collaboration.
        const reporter = await signedInPage(e2e, 'rapportor@vanort.example', DEMO_PASSWORD);
        await openTask(reporter, 'Samarbeten');
        expect(reporter.url()).toBe(`${e2e.base}/workspace/collaborations`);
        await expectNoAxeViolations(reporter, 'workspace list');
        await reporter.getByRole('link', { name: 'Registrera ett samarbete' }).click();
        await expectNoAxeViolations(reporter, 'new collaboration');
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(errorSummary(reporter)).resolves.toContain('Skriv en titel');
        await expect(errorSummary(reporter)).resolves.toContain('Välj minst en vänort');
        await expectNoAxeViolations(reporter, 'new collaboration with errors');

        await reporter.getByLabel('Titel').fill(title);
        await reporter.getByRole('checkbox', { name: 'Åbo' }).check();
        await reporter.getByRole('checkbox', { name: 'Kultur' }).check();
        await reporter.getByLabel('Typ av samarbete').selectOption('knowledge_exchange');
        await reporter.getByLabel('Status').selectOption('ongoing');
        await reporter.getByLabel('Startdatum').fill('2026-03-01');
        await reporter.getByLabel('Slutdatum').fill('2026-02-01');
        await reporter
          .getByLabel('Mål (valfritt)', { exact: true })
          .fill('Fler unga läsare i båda städerna.');
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(errorSummary(reporter)).resolves.toContain(
          'Slutdatum kan inte vara före startdatum',
        );
        await expect(reporter.getByLabel('Titel').inputValue()).resolves.toBe(title);
        await reporter.getByLabel('Slutdatum').fill('2027-06-30');
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(flash(reporter)).resolves.toContain('skickat till Stadsledningskontoret');
        await expect(main(reporter)).resolves.toContain('Inskickat');
        await expectNoAxeViolations(reporter, 'collaboration detail');
        const collaborationUrl = reporter.url();

        // … and an exchange within it.
        await reporter.goto(`${e2e.base}/workspace/exchanges`);
        await expectNoAxeViolations(reporter, 'exchanges');
        await reporter.getByRole('link', { name: 'Registrera ett erfarenhetsutbyte' }).click();
        await expectNoAxeViolations(reporter, 'new exchange');
        await reporter.getByLabel('Datum').fill('2026-04-14');
        await reporter.getByLabel('Vänort', { exact: true }).selectOption('turku');
        await reporter.getByRole('radio', { name: 'Besök till vänorten' }).check();
        await reporter.getByLabel('Antal deltagare').fill('0');
        await reporter.getByLabel('Vad gjordes').fill('Bibliotekarier besökte Åbo stadsbibliotek.');
        await reporter.getByLabel('Vad lärde ni er').fill('Läsombud i skolorna når fler barn.');
        await reporter.getByLabel('Del av samarbete').selectOption({ label: title });
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(errorSummary(reporter)).resolves.toContain('från 1 till 10 000');
        await expectNoAxeViolations(reporter, 'new exchange with errors');
        await reporter.getByLabel('Antal deltagare').fill('6');
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(flash(reporter)).resolves.toContain('skickat till Stadsledningskontoret');
        await expectNoAxeViolations(reporter, 'exchange detail');

        // The coordinator returns the collaboration with a comment.
        const coordinator = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await coordinator.goto(`${e2e.base}/workspace/review`);
        await expectNoAxeViolations(coordinator, 'review queue');
        await coordinator.getByRole('link', { name: title }).click();
        await expectNoAxeViolations(coordinator, 'collaboration with review form');
        await coordinator.getByRole('radio', { name: 'Skicka tillbaka för komplettering' }).check();
        await coordinator.getByRole('button', { name: 'Spara granskningen' }).click();
        await expect(errorSummary(coordinator)).resolves.toContain(
          'Skriv vad som behöver kompletteras',
        );
        await expectNoAxeViolations(coordinator, 'review form with errors');
        await coordinator.getByLabel('Kommentar').fill('Beskriv resultaten hittills.');
        await coordinator.getByRole('button', { name: 'Spara granskningen' }).click();
        await expect(flash(coordinator)).resolves.toContain('Skickat tillbaka');
        const mail = await e2e.t.db.kysely
          .selectFrom('mail_outbox')
          .select(['to_address', 'subject'])
          .where('subject', 'like', `%${title}%`)
          .execute();
        expect(mail).toContainEqual({
          to_address: 'rapportor@vanort.example',
          subject: `Behöver kompletteras: ${title}`,
        });

        // The reporter sees the comment and fixes it.
        await reporter.goto(collaborationUrl);
        await expect(main(reporter)).resolves.toContain('Beskriv resultaten hittills.');
        await expect(main(reporter)).resolves.toContain('Återskickat för komplettering');
        await reporter.getByRole('link', { name: 'Ändra' }).click();
        await reporter.waitForURL(/\/edit$/);
        await expectNoAxeViolations(reporter, 'edit collaboration');
        await reporter.getByLabel('Resultat').fill('Två gemensamma läsveckor har hållits.');
        await reporter.getByRole('button', { name: 'Spara och skicka in' }).click();
        await expect(main(reporter)).resolves.toContain('Inskickat');

        // The coordinator acknowledges the collaboration and the exchange.
        await coordinator.goto(`${e2e.base}/workspace/review`);
        await coordinator.getByRole('link', { name: title }).click();
        await coordinator.getByRole('radio', { name: 'Kvittera' }).check();
        await coordinator.getByRole('button', { name: 'Spara granskningen' }).click();
        await expect(flash(coordinator)).resolves.toContain('Kvitterat');
        // The next in the queue opens (issue 19); the exchange is picked from the queue.
        await coordinator.goto(`${e2e.base}/workspace/review`);
        await coordinator.getByRole('link', { name: /Åbo, 14 april 2026/ }).click();
        await coordinator.getByRole('radio', { name: 'Kvittera' }).check();
        await coordinator.getByRole('button', { name: 'Spara granskningen' }).click();
        await expect(flash(coordinator)).resolves.toContain('Kvitterat');
        await expect(main(coordinator)).resolves.not.toContain(title);

        // It is public now.
        const visitor = await (await e2e.browser.newContext()).newPage();
        await visitor.goto(`${e2e.base}/collaborations?city=turku`);
        await expectNoAxeViolations(visitor, 'public list');
        await visitor.getByRole('link', { name: title }).click();
        await expect(main(visitor)).resolves.toContain('Två gemensamma läsveckor har hållits.');
        await expect(main(visitor)).resolves.toContain('Läsombud i skolorna når fler barn.');
        await expectNoAxeViolations(visitor, 'public collaboration');
        await visitor.goto(`${e2e.base}/cities/turku`);
        await expect(main(visitor)).resolves.toContain(title);
        await expectNoAxeViolations(visitor, 'city page with collaborations');
        await visitor.goto(`${e2e.base}/collaborations?lang=en`);
        await expectNoAxeViolations(visitor, 'public list in English');
      });

      it("a reporter cannot change another organisation's collaboration", async () => {
        const reporter = await signedInPage(e2e, 'rapportor@vanort.example', DEMO_PASSWORD);
        await reporter.goto(
          `${e2e.base}/workspace/collaborations?organisation=stadsbyggnadskontoret`,
        );
        await reporter.getByRole('link', { name: 'Klimatanpassning i stadsplaneringen' }).click();
        await expect(main(reporter)).resolves.toContain('Du kan läsa men inte ändra');
        await expect(reporter.getByRole('link', { name: 'Ändra' }).count()).resolves.toBe(0);
        const response = await reporter.goto(`${reporter.url()}/edit`);
        expect(response?.status()).toBe(403);
        await expect(main(reporter)).resolves.toContain(
          'Du kan bara rapportera för din egen organisation',
        );
        await expectNoAxeViolations(reporter, 'forbidden');
      });

      it('the coordinator manages areas and everyone logged in searches the knowledge bank', async () => {
        const coordinator = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await coordinator.goto(`${e2e.base}/workspace/areas`);
        await expectNoAxeViolations(coordinator, 'areas');
        await coordinator.getByRole('button', { name: 'Lägg till ett område' }).click();
        await expect(errorSummary(coordinator)).resolves.toContain('Skriv ett namn');
        await expectNoAxeViolations(coordinator, 'areas with errors');
        await coordinator.getByLabel('Namn på svenska', { exact: true }).fill('Hav och sjöfart');
        await coordinator.getByLabel('Namn på engelska', { exact: true }).fill('Sea and shipping');
        await coordinator.getByRole('button', { name: 'Lägg till ett område' }).click();
        await expect(flash(coordinator)).resolves.toContain('Området är sparat');
        await expect(main(coordinator)).resolves.toContain('Hav och sjöfart');

        await coordinator.goto(`${e2e.base}/workspace/knowledge`);
        await coordinator.getByLabel('Sökord').fill('klimatanpassning');
        await coordinator.getByRole('button', { name: 'Visa' }).click();
        await expect(coordinator.locator('main mark').first().textContent()).resolves.toMatch(
          /klimatanpassning/i,
        );
        await expectNoAxeViolations(coordinator, 'knowledge bank');
      });

      it('two people edit one collaboration: the later save shows the saved version and saves nothing', async () => {
        const { id } = await e2e.t.db.kysely
          .selectFrom('collaboration')
          .innerJoin('organisation', 'organisation.id', 'collaboration.organisation_id')
          .select('collaboration.id')
          .where('organisation.slug', '=', 'kulturforvaltningen')
          .executeTakeFirstOrThrow();
        const edit = `${e2e.base}/workspace/collaborations/${id}/edit`;
        const reporter = await signedInPage(e2e, 'rapportor@vanort.example', DEMO_PASSWORD);
        const coordinator = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await reporter.goto(edit);
        await coordinator.goto(edit);

        await coordinator.getByLabel('Titel').fill('Bokcirklar i alla fyra städerna');
        await coordinator.getByRole('button', { name: /^Spara/ }).click();
        await expect(flash(coordinator)).resolves.toBeTruthy();

        await reporter.getByLabel('Titel').fill('Bokcirklar med Bergen');
        await reporter.getByRole('button', { name: /^Spara/ }).click();
        await expect(errorSummary(reporter)).resolves.toContain(
          'Någon annan sparade ändringar här',
        );
        await expect(reporter.locator('.edit-conflict').textContent()).resolves.toContain(
          'Bokcirklar i alla fyra städerna',
        );
        await expect(reporter.getByLabel('Titel').inputValue()).resolves.toBe(
          'Bokcirklar med Bergen',
        );
        await expectNoAxeViolations(reporter, 'edit conflict');
        await reporter.setViewportSize({ width: 320, height: 800 });
        await expect(
          reporter.evaluate(() => document.documentElement.scrollWidth),
        ).resolves.toBeLessThanOrEqual(320);
        if (process.env.E2E_SCREENSHOTS)
          await reporter.screenshot({
            path: `${process.env.E2E_SCREENSHOTS}/edit-conflict-320.png`,
            fullPage: true,
          });

        // Saving again is a knowing choice: it replaces the saved version.
        await reporter.getByRole('button', { name: /^Spara/ }).click();
        await expect(flash(reporter)).resolves.toBeTruthy();
        const { title } = await e2e.t.db.kysely
          .selectFrom('collaboration')
          .select('title')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(title).toBe('Bokcirklar med Bergen');
      });
    },
  );
}

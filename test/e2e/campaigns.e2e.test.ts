import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { createUser } from '../../src/modules/accounts/account.service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { stockholmToday } from '../../src/modules/collaborations/campaign.service.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, signedInPage, useE2eApp } from '../helpers/e2e.ts';

const canRun = browserAvailable();

const flash = (page: Page) => page.locator('.flash').textContent();
const main = (page: Page) => page.locator('main').textContent();

const inDays = (days: number) => {
  const d = new Date(`${stockholmToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const SECOND_REPORTER = 'rapportor.utbildning@vanort.example';
const SECOND_PASSWORD = 'utbildning rapporterar 2026';

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `campaigns and import in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect, async (t) => {
        const utbildning = await t.db.kysely
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', 'utbildningsforvaltningen')
          .executeTakeFirstOrThrow();
        await createUser(t.db, SYSTEM_ACTOR, {
          email: SECOND_REPORTER,
          name: 'Ulla Utbildning',
          roles: [{ role: 'reporter', organisationId: utbildning.id, cityId: null }],
          password: SECOND_PASSWORD,
        });
      });

      it('a coordinator starts a campaign, two organisations answer, the rest show as missing, closing freezes the answers', async () => {
        const title = 'Inventering e2e 2026';
        const coordinator = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await openTask(coordinator, 'Inventeringar');
        expect(coordinator.url()).toBe(`${e2e.base}/workspace/campaigns`);
        await expectNoAxeViolations(coordinator, 'campaigns');

        await coordinator.getByRole('link', { name: 'Starta en inventering' }).click();
        await expectNoAxeViolations(coordinator, 'new campaign');
        await coordinator.getByRole('button', { name: 'Starta inventeringen' }).click();
        await expect(coordinator.locator('.error-summary').textContent()).resolves.toContain(
          'Skriv en rubrik',
        );
        await expectNoAxeViolations(coordinator, 'new campaign with errors');

        await coordinator.getByLabel('Rubrik').fill(title);
        await coordinator.getByLabel('Perioden börjar').fill('2026-01-01');
        await coordinator.getByLabel('Perioden slutar').fill('2026-12-31');
        await coordinator.getByLabel('Sista svarsdag').fill(inDays(14));
        await coordinator
          .getByLabel('Meddelande till organisationerna')
          .fill('Svara senast på sista svarsdagen.');
        await coordinator
          .getByRole('radio', { name: 'Alla aktiva förvaltningar och bolag' })
          .check();
        await coordinator.getByRole('button', { name: 'Starta inventeringen' }).click();
        await expect(flash(coordinator)).resolves.toBe('Inventeringen är startad.');
        await expect(main(coordinator)).resolves.toContain('0 av 8 organisationer har svarat.');
        await expectNoAxeViolations(coordinator, 'campaign table');
        const campaignUrl = coordinator.url();

        // The first reporter (Kulturförvaltningen) confirms the list.
        const first = await signedInPage(e2e, 'rapportor@vanort.example', DEMO_PASSWORD);
        await openTask(first, 'Inventeringar');
        await expectNoAxeViolations(first, 'campaigns as reporter');
        await first.getByRole('link', { name: new RegExp(`^Svara\\s?: ${title}`) }).click();
        await expect(main(first)).resolves.toContain('Svar för Kulturförvaltningen');
        await expectNoAxeViolations(first, 'answer page');
        await first.getByRole('button', { name: 'Skicka svaret' }).click();
        await expect(first.locator('.error-summary').textContent()).resolves.toContain(
          'Välj om du bekräftar listan',
        );
        await expectNoAxeViolations(first, 'answer page with errors');
        await first.getByRole('radio', { name: 'Bekräfta listan' }).check();
        await first.getByLabel('Kommentar (valfritt)').fill('Listan stämmer.');
        await first.getByRole('button', { name: 'Skicka svaret' }).click();
        await expect(flash(first)).resolves.toBe('Tack! Ert svar är registrerat.');
        await expect(main(first)).resolves.toContain('Nuvarande svar: Listan bekräftad');

        // The second reporter (Utbildningsförvaltningen) had no activity; keeps the page open.
        const second = await signedInPage(e2e, SECOND_REPORTER, SECOND_PASSWORD);
        await second.goto(`${campaignUrl}/answer`);
        await second.getByRole('radio', { name: 'Ingen vänortsaktivitet under perioden' }).check();
        await second.getByRole('button', { name: 'Skicka svaret' }).click();
        await expect(flash(second)).resolves.toBe('Tack! Ert svar är registrerat.');
        await expectNoAxeViolations(second, 'answer page after answering');

        // The live table: two answered, six missing.
        await coordinator.reload();
        await expect(main(coordinator)).resolves.toContain('2 av 8 organisationer har svarat.');
        const rows = coordinator.locator('table tbody tr');
        await expect(rows.count()).resolves.toBe(8);
        await expect(
          coordinator.locator('tbody .tag', { hasText: /^Saknas$/ }).count(),
        ).resolves.toBe(6);
        await expect(
          rows.filter({ hasText: 'Kulturförvaltningen' }).textContent(),
        ).resolves.toContain('Rasmus Rapportör');
        await expect(
          rows.filter({ hasText: 'Utbildningsförvaltningen' }).textContent(),
        ).resolves.toContain('Ingen vänortsaktivitet under perioden');
        await expect(rows.filter({ hasText: 'Liseberg AB' }).textContent()).resolves.toContain(
          'Saknas',
        );

        // The coordinator closes it; the second reporter's open form is refused.
        // Closing asks first (decision 033): the link, then the confirming button.
        await coordinator.getByRole('link', { name: 'Avsluta inventeringen' }).click();
        await coordinator.getByRole('button', { name: 'Avsluta inventeringen' }).click();
        await expect(flash(coordinator)).resolves.toBe(
          'Inventeringen är avslutad och svaren är låsta.',
        );
        await expectNoAxeViolations(coordinator, 'closed campaign');
        await second.getByRole('radio', { name: 'Bekräfta listan' }).check();
        await second.getByRole('button', { name: 'Skicka svaret' }).click();
        await expect(second.locator('.error-summary').textContent()).resolves.toContain(
          'Inventeringen är avslutad. Svaren är låsta och kan inte längre ändras.',
        );
        await expect(second.getByRole('button', { name: 'Skicka svaret' }).count()).resolves.toBe(
          0,
        );
        await expectNoAxeViolations(second, 'answer refused after closing');
        await first.reload();
        await expect(main(first)).resolves.toContain('Nuvarande svar: Listan bekräftad');
        await expect(first.getByRole('button', { name: 'Skicka svaret' }).count()).resolves.toBe(0);
      });

      it('a reporter imports a CSV file: one bad row is reported by row and column, the fixed file is imported', async () => {
        const page = await signedInPage(e2e, 'rapportor@vanort.example', DEMO_PASSWORD);
        await openTask(page, 'Importera från Excel eller CSV');
        expect(page.url()).toBe(`${e2e.base}/workspace/import`);
        await expectNoAxeViolations(page, 'import');

        const header = 'Rubrik;Typ;Status;Startdatum;Slutdatum;Vänorter;Områden;Mål\n';
        const good =
          'Lägerskola för årskurs 9;Projekt;Pågående;2026-05-04;2026-05-08;Århus;Skola;Att mötas över gränserna\n';
        const upload = async (name: string, text: string) => {
          await page.getByLabel('Fil', { exact: true }).setInputFiles({
            name,
            mimeType: 'text/csv',
            buffer: Buffer.from(text, 'utf8'),
          });
          await page.getByRole('button', { name: 'Ladda upp' }).click();
        };
        await upload(
          'samarbeten.csv',
          header +
            good +
            'Gymnasiekonferens;Konferens;pågående;2026-10-01;2026-09-01;Oslo;Skola;\n',
        );
        await expect(flash(page)).resolves.toBe('Filen är uppladdad. Välj kolumner.');
        await expect(page.getByLabel('Rubrik (obligatorisk)').inputValue()).resolves.toBe('Rubrik');
        await expectNoAxeViolations(page, 'import mapping');
        await page.getByRole('button', { name: 'Provkör' }).click();
        await expect(page.locator('#summary').textContent()).resolves.toContain(
          '3 problem på 1 av 2 rader',
        );
        const problems = page.locator('table tbody tr');
        await expect(problems.allTextContents()).resolves.toEqual([
          expect.stringMatching(/^3\s*Typ\s*Okänd typ ”Konferens”/),
          expect.stringMatching(/^3\s*Slutdatum\s*Slutdatum är före startdatum/),
          expect.stringMatching(/^3\s*Vänorter\s*”Oslo” är ingen aktiv vänort/),
        ]);
        await expectNoAxeViolations(page, 'import dry run with problems');

        await page.getByRole('link', { name: 'Ladda upp en ny fil' }).click();
        await upload(
          'samarbeten-rättad.csv',
          header +
            good +
            'Gymnasiekonferens;Nätverk;pågående;2026-09-01;2026-10-01;Bergen, Åbo;Skola;\n',
        );
        await page.getByRole('button', { name: 'Provkör' }).click();
        await expect(page.locator('#summary').textContent()).resolves.toContain(
          'Alla 2 rader är godkända',
        );
        await page.getByRole('button', { name: 'Importera 2 rader' }).click();
        await page.getByText('2 samarbeten är importerade').waitFor({ timeout: 15_000 });
        await expectNoAxeViolations(page, 'import done');
        const rows = await e2e.t.db.kysely
          .selectFrom('collaboration')
          .select(['title', 'review_state'])
          .where('title', 'in', ['Lägerskola för årskurs 9', 'Gymnasiekonferens'])
          .orderBy('title')
          .execute();
        expect(rows).toEqual([
          { title: 'Gymnasiekonferens', review_state: 'submitted' },
          { title: 'Lägerskola för årskurs 9', review_state: 'submitted' },
        ]);
      });
    },
  );
}

import pino from 'pino';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { delegationRetentionJob } from '../../src/modules/meetings/retention.job.ts';
import { runJob } from '../../src/platform/scheduler.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

const flash = (page: Page) => page.locator('.flash').textContent();
const main = (page: Page) => page.locator('main').textContent();
const today = () => new Date().toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `delegations and host planning in a browser [${dialect}]`,
    () => {
      let meetingId: string;
      const e2e = useE2eApp(dialect, async (t) => {
        meetingId = (
          await t.db.kysely
            .selectFrom('meeting')
            .select('id')
            .where('year', '=', 2027)
            .executeTakeFirstOrThrow()
        ).id;
      });

      it('the presidium adds a member and confirms Gothenburg’s delegation with the decision date', async () => {
        const page = await signedInPage(e2e, 'presidiet@vanort.example', DEMO_PASSWORD);
        await openTask(page, 'Delegationer');
        expect(page.url()).toBe(`${e2e.base}/workspace/delegations`);
        await expectNoAxeViolations(page, 'delegation overview (presidium)');
        await page
          .getByRole('link', { name: /Delegationen från Göteborg till mötet 2027/ })
          .click();
        await expect(main(page)).resolves.toContain('Eva Lindqvist');
        await expect(main(page)).resolves.toContain('Nominerad');
        await expectNoAxeViolations(page, 'Gothenburg delegation');

        // Bad input is refused field by field, with the values kept.
        await page.getByLabel('Telefon').fill('ring mig');
        await page.getByRole('button', { name: 'Lägg till' }).click();
        const summary = await page.locator('.error-summary').textContent();
        expect(summary).toContain('Skriv deltagarens namn');
        expect(summary).toContain('Skriv telefonnumret med siffror');
        await expect(page.getByLabel('Telefon').inputValue()).resolves.toBe('ring mig');
        await expectNoAxeViolations(page, 'member form with errors');

        await page.getByLabel('Namn', { exact: true }).fill('Maria Ek');
        await page.getByLabel('Titel eller politiskt uppdrag').fill('Ledamot i kommunfullmäktige');
        await page.getByLabel('Parti eller organisation').fill('Centerpartiet');
        await page.getByLabel('Kost och allergier').fill('Nötallergi');
        await page.getByLabel('Telefon').fill('+46 70 555 12 34');
        await page.getByRole('button', { name: 'Lägg till' }).click();
        await expect(flash(page)).resolves.toBe('Deltagaren är tillagd.');
        await expect(main(page)).resolves.toContain('Nötallergi');

        await page.getByLabel('Datum för presidiets beslut').fill(today());
        await page.getByRole('button', { name: 'Bekräfta delegationen' }).click();
        await expect(flash(page)).resolves.toBe('Delegationen är bekräftad.');
        const text = await main(page);
        expect(text).toContain('Bekräftad');
        expect(text).toContain('Presidiets beslut');
        await expectNoAxeViolations(page, 'confirmed delegation');
        await page.context().close();
      });

      it('a partner contact from Bergen edits Bergen’s delegation and is refused on Gothenburg’s', async () => {
        const page = await signedInPage(e2e, 'bergen@vanort.example', DEMO_PASSWORD);
        await openTask(page, 'Delegationer');
        const overview = await main(page);
        expect(overview).toContain('Bergen');
        // Only Bergen's column: no other city's delegations (the meetings' hosts name them).
        await expect(page.locator('main thead th').allTextContents()).resolves.toEqual([
          'Möte',
          'Bergen',
        ]);
        await expectNoAxeViolations(page, 'delegation overview (Bergen)');
        await page.getByRole('link', { name: /Delegationen från Bergen till mötet 2027/ }).click();
        await expect(main(page)).resolves.toContain('+47 55 56 00 01');
        await page.getByRole('link', { name: /^Ändra\s?: Kari Nygaard/ }).click();
        await expectNoAxeViolations(page, 'Bergen delegation, editing a member');
        await page.getByLabel('Resa').fill('Fly BGO–GOT 13/9');
        await page.getByRole('button', { name: 'Spara ändringen' }).click();
        await expect(flash(page)).resolves.toBe('Deltagaren är ändrad.');
        const bergen = await main(page);
        expect(bergen).toContain('Nominerad'); // changed after confirmation: confirm again
        await page.getByRole('button', { name: 'Bekräfta delegationen' }).click();
        await expect(flash(page)).resolves.toBe('Delegationen är bekräftad.');

        // Gothenburg's delegation: read only, no logistics, and a forged form is refused.
        await page.goto(`${e2e.base}/workspace/meetings/${meetingId}/delegations/goteborg`);
        const goteborg = await main(page);
        expect(goteborg).toContain('Eva Lindqvist');
        expect(goteborg).not.toContain('Vegetarisk');
        expect(goteborg).toContain('Bara KF:s presidium nominerar, ändrar och bekräftar');
        await expect(page.getByRole('button', { name: 'Lägg till' }).count()).resolves.toBe(0);
        await expectNoAxeViolations(page, 'Gothenburg delegation as Bergen');
        const count = async () =>
          (
            await e2e.t.db.kysely
              .selectFrom('delegation_member')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n;
        const before = Number(await count());
        await Promise.all([
          page.waitForNavigation(),
          page.evaluate((action) => {
            const token = document.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value;
            const form = document.createElement('form');
            form.method = 'post';
            form.action = action;
            for (const [name, value] of [
              ['_csrf', token],
              ['name', 'Inte behörig'],
            ]) {
              const input = document.createElement('input');
              input.type = 'hidden';
              input.name = name!;
              input.value = value!;
              form.append(input);
            }
            document.body.append(form);
            form.submit();
          }, `/workspace/meetings/${meetingId}/delegations/goteborg/members`),
        ]);
        const refused = await main(page);
        expect(refused).toContain('Du får inte ändra den här delegationen');
        expect(refused).toContain('Bara KF:s presidium får nominera, ändra och bekräfta');
        expect(refused).toContain('Ingenting har ändrats');
        await expectNoAxeViolations(page, 'refused delegation change');
        expect(Number(await count())).toBe(before);

        // The participant list with logistics is for organisers only.
        const list = await page.request.get(
          `${e2e.base}/workspace/meetings/${meetingId}/participants.xlsx`,
        );
        expect(list.status()).toBe(200);
        const logistics = await page.request.get(
          `${e2e.base}/workspace/meetings/${meetingId}/participants.pdf?logistics=1`,
        );
        expect(logistics.status()).toBe(403);
        await page.context().close();
      });

      it('a coordinator works through the host plan and sees overdue tasks marked', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await openTask(page, 'Värdskapsplaner');
        expect(page.url()).toBe(`${e2e.base}/workspace/host-plan`);
        await expect(main(page)).resolves.toContain('Försenade: 1');
        await expectNoAxeViolations(page, 'host plan overview');
        await page.getByRole('link', { name: 'Värdskapsplan för vänortsmötet 2027' }).click();
        const overdueRow = page.getByRole('row', { name: /Förhandsboka hotellrum/ });
        await expect(overdueRow.textContent()).resolves.toContain('Försenad');
        await expect(main(page)).resolves.toContain('Försenade uppgifter: 1.');
        await expectNoAxeViolations(page, 'host plan');

        await page.getByRole('link', { name: /^Ändra\s?: Förhandsboka hotellrum/ }).click();
        await expectNoAxeViolations(page, 'host plan task form');
        await page.getByLabel('Status').selectOption({ label: 'Klar' });
        await page.getByLabel('Anteckningar').fill('Hotell Eggers bokat.');
        await page.getByRole('button', { name: 'Spara uppgiften' }).click();
        await expect(flash(page)).resolves.toBe('Uppgiften är sparad.');
        const row = await page.getByRole('row', { name: /Förhandsboka hotellrum/ }).textContent();
        expect(row).toContain('Klar');
        expect(row).toContain('Hotell Eggers bokat.');
        expect(row).not.toContain('Försenad');
        await expect(main(page)).resolves.not.toContain('Försenade uppgifter');

        await page.goto(`${e2e.base}/workspace/host-plan-template`);
        await expect(main(page)).resolves.toContain('Boka lokal för mötet');
        await expectNoAxeViolations(page, 'host plan template');
        await page.getByRole('link', { name: /^Ändra\s?: Boka talare/ }).click();
        await page.getByLabel('Månader från mötets första dag').fill('-5');
        await page.getByRole('button', { name: 'Spara' }).click();
        await expect(flash(page)).resolves.toBe('Mallens uppgift är sparad.');
        await expect(
          page.getByRole('row', { name: /Boka talare/ }).textContent(),
        ).resolves.toContain('5 månader före');
        await page.context().close();
      });

      it('works without JavaScript: a refused member keeps its values, a good one is added', async () => {
        const page = await signedInPage(e2e, 'bergen@vanort.example', DEMO_PASSWORD, {
          context: { javaScriptEnabled: false },
        });
        await page.goto(`${e2e.base}/workspace/meetings/${meetingId}/delegations/bergen`);
        await page.getByLabel('Namn', { exact: true }).fill('Ola Nordmann');
        await page.getByLabel('Resa').fill('x'.repeat(501));
        await page.getByRole('button', { name: 'Lägg till' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Skriv högst 500 tecken. Du skrev 501.',
        );
        await expect(page.getByLabel('Namn', { exact: true }).inputValue()).resolves.toBe(
          'Ola Nordmann',
        );
        await page.getByLabel('Resa').fill('Hurtigruten');
        await page.getByRole('button', { name: 'Lägg till' }).click();
        await expect(flash(page)).resolves.toBe('Deltagaren är tillagd.');
        await expect(main(page)).resolves.toContain('Hurtigruten');
        await page.context().close();
      });

      it('shows the private logistics gone after the retention job ran', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        const url = `${e2e.base}/workspace/meetings/${meetingId}/delegations/bergen`;
        await page.goto(url);
        await expect(main(page)).resolves.toContain('+47 55 56 00 01');

        // The 2027 meeting ends on 16 September 2027; 90 days later the logistics go.
        const result = await runJob(delegationRetentionJob, {
          db: e2e.t.db,
          mailer: e2e.t.app.mailer,
          publicUrl: e2e.base,
          log: pino({ level: 'silent' }),
          now: new Date('2027-12-16T03:00:00Z'),
          config: e2e.t.config,
        });
        expect(result).toMatchObject({ ran: true, outcome: 'ok' });
        await page.goto(url);
        const text = await main(page);
        expect(text).toContain('Lars Haugen');
        expect(text).toContain('Varaordfører');
        expect(text).not.toContain('+47 55 56 00 01');
        expect(text).not.toContain('Rullestol');
        expect(text).toContain('raderat');
        expect(text).toContain('raderades');
        await expectNoAxeViolations(page, 'delegation after retention');
        await page.context().close();
      });
    },
  );
}

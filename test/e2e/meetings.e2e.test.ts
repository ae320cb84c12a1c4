import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, logIn, openTask, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

const main = (page: Page) => page.locator('main').textContent();
/** The navigation between a meeting's sections in the workspace (decision 035). */
const sections = (page: Page) => page.getByRole('navigation', { name: 'Mötets delar' });

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `twin-city meetings in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('a visitor follows the rotation to the 2027 meeting, its programme and its calendar', async () => {
        const context = await e2e.browser.newContext({ acceptDownloads: true });
        const page = await context.newPage();
        await page.goto(e2e.base);
        await page
          .getByRole('navigation', { name: 'Huvudmeny' })
          .getByRole('link', { name: 'Möten' })
          .click();
        expect(page.url()).toBe(`${e2e.base}/meetings`);
        await expect(main(page)).resolves.toContain('Göteborg står värd nästa gång 2027.');
        const timeline = page.getByRole('table', { name: /Vänortsmöten/ });
        // The forecast is folded below the registered meetings (issue 19): open it.
        await page.getByText('Prognos för kommande värdskap').click();
        await expect(
          page
            .getByRole('table', { name: /^Prognos/ })
            .getByRole('row', { name: /^2035 Göteborg/ })
            .textContent(),
        ).resolves.toContain('Prognos');
        await expectNoAxeViolations(page, 'meetings timeline');

        await timeline.getByRole('link', { name: '2027', exact: true }).click();
        await expect(page.locator('h1').textContent()).resolves.toBe(
          'Vänortsmötet 2027 i Göteborg',
        );
        const text = await main(page);
        expect(text).toContain('Göteborgs konserthus');
        expect(text).toContain('Politiskt erfarenhetsutbyte');
        expect(text).toContain('Studiebesök i Frihamnen');
        expect(text).toContain('Skolutbyte mellan vänorterna');
        expect(text).toContain('Kultur som mötesplats');
        // The open action of 2025 is on the agenda as a follow-up item.
        expect(text).toContain('gemensamma mått för hållbart resande');
        await expect(
          page.getByRole('table', { name: 'Program 15 september 2027' }).textContent(),
        ).resolves.toContain('09:00–12:00');
        await expectNoAxeViolations(page, 'meeting 2027');

        const downloading = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Lägg till i kalendern (iCalendar)' }).click();
        const download = await downloading;
        expect(download.suggestedFilename()).toBe('vanortsmote-2027.ics');
        const ics = await readFile(await download.path(), 'utf8');
        expect(ics).toContain('BEGIN:VCALENDAR');
        expect(ics).toContain('TZID:Europe/Stockholm');
        expect(ics).toContain('DTSTART;VALUE=DATE:20270914');
        expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20270915T090000');
        expect(ics).toContain('SUMMARY:Vänortsmötet 2027 i Göteborg');

        // The public agenda downloads as a PDF.
        const agenda = page.getByRole('link', { name: /Dagordning 2027/ });
        const pdf = await page.request.get(`${e2e.base}${await agenda.getAttribute('href')}`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
        await context.close();
      });

      it('works without JavaScript: the timeline, a meeting and a refused programme item', async () => {
        // axe itself runs as a script, so it checks these pages in the JavaScript tests
        // above; the pages ship no script, so their markup is the same either way.
        const context = await e2e.browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`${e2e.base}/meetings`);
        await page.getByRole('link', { name: '2027', exact: true }).click();
        await expect(main(page)).resolves.toContain('Klimatanpassning av hamnstäder');
        await logIn(page, e2e.base, 'samordnare@vanort.example', DEMO_PASSWORD);
        await page.goto(`${e2e.base}/workspace/meetings`);
        await page.getByRole('link', { name: '2027', exact: true }).click();
        await sections(page)
          .getByRole('link', { name: /^Program/ })
          .click();
        await page.getByRole('radio', { name: 'torsdag 16 september 2027' }).check();
        await page.getByLabel('Starttid').fill('9.30');
        await page.getByLabel('Sluttid').fill('10:00');
        await page.getByRole('radio', { name: 'Plenum' }).check();
        await page.getByLabel('Rubrik').fill('Extra plenum');
        const before = await e2e.t.db.kysely
          .selectFrom('meeting_programme_item')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        await page
          .locator('form', { has: page.getByLabel('Sluttid') })
          .getByRole('button', { name: 'Lägg till' })
          .click();
        const summary = await page.locator('.error-summary').textContent();
        expect(summary).toContain('Ange tiden som TT:MM');
        // The day chosen is kept with the rest of the input.
        await expect(
          page.getByRole('radio', { name: 'torsdag 16 september 2027' }).isChecked(),
        ).resolves.toBe(true);
        await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe('Extra plenum');
        const after = await e2e.t.db.kysely
          .selectFrom('meeting_programme_item')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
        await context.close();
      });

      it('a coordinator adds a programme item after a field error for an inverted time range', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await openTask(page, 'Vänortsmöten');
        expect(page.url()).toBe(`${e2e.base}/workspace/meetings`);
        await expectNoAxeViolations(page, 'workspace meetings');

        await page.getByRole('link', { name: 'Registrera ett möte' }).click();
        await expectNoAxeViolations(page, 'new meeting');
        await page.getByLabel('År', { exact: true }).fill('2027');
        await page.getByLabel('Värdstad').selectOption({ label: 'Bergen' });
        await page.getByRole('button', { name: 'Spara mötet' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Det finns redan ett vänortsmöte det året.',
        );
        await expectNoAxeViolations(page, 'new meeting with errors');

        await page.goto(`${e2e.base}/workspace/meetings`);
        await page.getByRole('link', { name: '2027', exact: true }).click();
        await expectNoAxeViolations(page, 'workspace meeting 2027');
        const meetingUrl = page.url();
        await page.getByRole('link', { name: 'Ändra datum, plats, tema eller status' }).click();
        await expectNoAxeViolations(page, 'edit meeting');
        await page.goto(meetingUrl);
        await sections(page)
          .getByRole('link', { name: /^Program/ })
          .click();
        expect(page.url()).toBe(`${meetingUrl}/programme`);

        const form = page
          .locator('form', { has: page.getByRole('button', { name: 'Lägg till' }) })
          .first();
        await form.getByRole('radio', { name: 'torsdag 16 september 2027' }).check();
        await form.getByLabel('Starttid').fill('14:00');
        await form.getByLabel('Sluttid').fill('12:30');
        await form.getByRole('radio', { name: 'Socialt program' }).check();
        await form.getByLabel('Rubrik').fill('Avslutande båttur i skärgården');
        await form.getByRole('button', { name: 'Lägg till' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Sluttiden måste vara senare än starttiden.',
        );
        await expect(page.locator('#itemEnd-error').textContent()).resolves.toContain(
          'Sluttiden måste vara senare än starttiden.',
        );
        await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe(
          'Avslutande båttur i skärgården',
        );
        await expectNoAxeViolations(page, 'programme item with errors');

        await page.getByLabel('Sluttid').fill('17:00');
        await page
          .locator('form', { has: page.getByLabel('Sluttid') })
          .getByRole('button', { name: 'Lägg till' })
          .click();
        await expect(page.locator('.flash').textContent()).resolves.toBe(
          'Programpunkten är tillagd.',
        );
        await expect(
          page.getByRole('table', { name: 'Program 16 september 2027' }).textContent(),
        ).resolves.toContain('Avslutande båttur i skärgården');
        await page.context().close();
      });

      it('a coordinator corrects a seminar title in place from the meeting page', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await page.goto(`${e2e.base}/workspace/meetings`);
        await page.getByRole('link', { name: '2027', exact: true }).click();
        await sections(page)
          .getByRole('link', { name: /^Seminarier/ })
          .click();
        await page.getByRole('link', { name: 'Ändra Skolutbyte mellan vänorterna' }).click();
        await expect(page.locator('h1').textContent()).resolves.toBe('Ändra seminariet');
        await expect(page.getByLabel('Titel').inputValue()).resolves.toBe(
          'Skolutbyte mellan vänorterna',
        );
        await expectNoAxeViolations(page, 'edit seminar');

        await page.getByLabel('Titel').fill('');
        await page.getByRole('button', { name: 'Spara ändringarna' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Ange seminariets titel',
        );
        await expectNoAxeViolations(page, 'edit seminar with errors');

        await page.getByLabel('Titel').fill('Skolutbyten mellan vänorterna');
        await page.getByRole('button', { name: 'Spara ändringarna' }).click();
        await expect(page.locator('.flash').textContent()).resolves.toBe('Ändringen är sparad.');
        expect(page.url()).toMatch(/\/workspace\/meetings\/[^/]+\/seminars$/);
        await expect(main(page)).resolves.toContain('Skolutbyten mellan vänorterna');
        await page.context().close();
      });
    },
  );
}

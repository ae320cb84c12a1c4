import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, openTask, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/** A small but real PDF, with a few non-ASCII bytes to prove the download is byte-identical. */
function samplePdf(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%', 'latin1'),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    Buffer.from(
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n' +
        'trailer << /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    ),
  ]);
}

const flash = (page: Page) => page.locator('.flash').textContent();
const errorSummary = (page: Page) => page.locator('.error-summary').textContent();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `proposals and council decisions in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('a coordinator proposes a new twin city and the council secretariat records the KF decision', async () => {
        const title = 'Förslag: Tromsø som ny vänort';

        // The coordinator drafts the proposal and sends it to the council.
        const coordinator = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await openTask(coordinator, 'Förslag om vänorter');
        expect(coordinator.url()).toBe(`${e2e.base}/workspace/proposals`);
        await expect(coordinator.locator('main').textContent()).resolves.toContain(
          'Göteborg står värd vart 8:e år',
        );
        await expectNoAxeViolations(coordinator, 'proposals');

        await coordinator.getByRole('link', { name: 'Nytt förslag' }).click();
        await expectNoAxeViolations(coordinator, 'new proposal');
        await coordinator.getByRole('button', { name: 'Spara utkast' }).click();
        await expect(errorSummary(coordinator)).resolves.toContain('Välj vad förslaget gäller');
        await expectNoAxeViolations(coordinator, 'new proposal with errors');

        await coordinator.getByRole('radio', { name: 'Etablera en ny vänort' }).check();
        await coordinator
          .getByLabel('Stad', { exact: true })
          .selectOption({ label: 'Ny stad – fyll i uppgifterna nedan' });
        await coordinator.getByLabel('Stadens namn i sidans adress').fill('tromso');
        await coordinator.getByLabel('Namn på svenska').fill('Tromsø');
        await coordinator.getByLabel('Namn på engelska').fill('Tromsø');
        await coordinator.getByLabel('Landskod').fill('NO');
        await coordinator.getByLabel('Latitud').fill('69,6492');
        await coordinator.getByLabel('Longitud').fill('18,9553');
        await coordinator.getByLabel('Rubrik').fill(title);
        await coordinator.getByLabel('Motivering').fill('Arktiskt samarbete mellan hamnstäder.');
        await coordinator.getByRole('button', { name: 'Spara utkast' }).click();
        expect(coordinator.url()).toBe(`${e2e.base}/workspace/proposals`);
        await expect(flash(coordinator)).resolves.toBe('Förslaget är sparat som utkast.');
        await expect(coordinator.locator('main').textContent()).resolves.toContain(
          'får kedjan 5 medlemmar och Göteborg står värd vart 10:e år',
        );
        await expectNoAxeViolations(coordinator, 'proposals with a draft');
        // Sending asks first (decision 033): the link in the row, then the confirming button.
        await coordinator
          .getByRole('link', { name: /^Skicka till KF\/KS\s?: Förslag: Tromsø/ })
          .click();
        await coordinator.getByRole('button', { name: 'Skicka för beslut' }).click();
        await expect(flash(coordinator)).resolves.toBe(
          'Förslaget är skickat till KF/KS och väntar på beslut.',
        );
        await expect(coordinator.locator('main').textContent()).resolves.toContain(
          'Skickat till KF/KS – väntar på beslut',
        );

        // The council secretariat tries KS first (refused, P6), then records the KF decision.
        const council = await signedInPage(e2e, 'sekretariatet@vanort.example', DEMO_PASSWORD);
        await openTask(council, 'Beslut');
        expect(council.url()).toBe(`${e2e.base}/workspace/decisions`);
        await expectNoAxeViolations(council, 'decisions');
        await council.getByRole('link', { name: /^Registrera beslut\s?: Förslag: Tromsø/ }).click();
        await expect(council.locator('main').textContent()).resolves.toContain(
          'kan bara kommunfullmäktige (KF) besluta om det',
        );
        await expectNoAxeViolations(council, 'new decision');

        const today = new Date().toISOString().slice(0, 10);
        const pdf = {
          name: 'KF-beslut-tromso.pdf',
          mimeType: 'application/pdf',
          buffer: samplePdf(),
        };
        await council.getByRole('radio', { name: 'Kommunstyrelsen (KS)' }).check();
        await council.getByLabel('Sammanträdesdatum').fill(today);
        await council.getByLabel('Paragraf (§)').fill('§ 12');
        await council.getByLabel('Diarienummer').fill('SLK-2026-01047');
        await council.getByRole('radio', { name: 'Bifall' }).check();
        await council.getByLabel('Beslutshandling (PDF)').setInputFiles(pdf);
        await council.getByRole('button', { name: 'Registrera beslutet' }).click();
        await expect(errorSummary(council)).resolves.toContain(
          'Endast kommunfullmäktige (KF) kan besluta om att etablera eller avsluta en vänort',
        );
        await expect(council.getByLabel('Diarienummer').inputValue()).resolves.toBe(
          'SLK-2026-01047',
        );
        await expectNoAxeViolations(council, 'new decision refused (P6)');

        await council.getByRole('radio', { name: 'Kommunfullmäktige (KF)' }).check();
        await council.getByLabel('Beslutshandling (PDF)').setInputFiles(pdf);
        await council.getByRole('button', { name: 'Registrera beslutet' }).click();
        expect(council.url()).toBe(`${e2e.base}/workspace/decisions`);
        await expect(flash(council)).resolves.toBe('Beslutet är registrerat.');
        await expect(council.locator('main').textContent()).resolves.toContain(
          'Inga förslag väntar på beslut.',
        );
        await expectNoAxeViolations(council, 'decisions after recording');

        // The document downloads as the PDF that was uploaded.
        const href = await council
          .getByRole('link', { name: /^PDF\s+Beslutet som PDF: Förslag: Tromsø/ })
          .getAttribute('href');
        const download = await council.request.get(`${e2e.base}${href}`);
        expect(download.headers()['content-type']).toBe('application/pdf');
        expect(Buffer.compare(await download.body(), samplePdf())).toBe(0);

        // The coordinator sees the proposal approved and the P3 warning.
        await coordinator.goto(`${e2e.base}/workspace/proposals`);
        const workspace = await coordinator.locator('main').textContent();
        expect(workspace).toContain('Bifallet');
        expect(workspace).toContain('Varning: Göteborg står värd vart 10:e år');
        await expectNoAxeViolations(coordinator, 'proposals with the P3 warning');

        // The portal shows Tromsø as an active twin city.
        const visitor = await e2e.browser.newPage();
        await visitor.goto(`${e2e.base}/cities/tromso`);
        const cityPage = await visitor.locator('main').textContent();
        expect(cityPage).toContain('Tromsø');
        expect(cityPage).toContain('Vänort');
        expect(cityPage).toContain('Aktiv');
        // The decision is on the city's timeline, and the page warns about the rotation (P3).
        const timeline = await visitor.locator('main ol').allTextContents();
        expect(timeline.join(' ')).toContain('SLK-2026-01047');
        expect(cityPage).toContain('Med 5 städer i kedjan står Göteborg värd vart 10:e år');
        await visitor.close();
        await coordinator.context().close();
        await council.context().close();
      });

      it('works without JavaScript: a refused decision keeps its values and changes nothing', async () => {
        const page = await signedInPage(e2e, 'sekretariatet@vanort.example', DEMO_PASSWORD, {
          context: { javaScriptEnabled: false },
        });
        await page.goto(`${e2e.base}/workspace/decisions/new`);
        await page.getByRole('radio', { name: 'Kommunfullmäktige (KF)' }).check();
        await page.getByLabel('Sammanträdesdatum').fill('2099-01-01');
        await page.getByLabel('Paragraf (§)').fill('tolv');
        await page.getByLabel('Diarienummer').fill('KS 12/2026');
        await page.getByLabel('Rubrik').fill('Ett felaktigt beslut');
        await page.getByRole('radio', { name: 'Avslag' }).check();
        await page.getByLabel('Beslutshandling (PDF)').setInputFiles({
          name: 'beslut.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('inte en pdf'),
        });
        const before = await e2e.t.db.kysely
          .selectFrom('council_decision')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        await page.getByRole('button', { name: 'Registrera beslutet' }).click();
        const summary = await errorSummary(page);
        expect(summary).toContain('Datumet kan inte ligga i framtiden');
        expect(summary).toContain('Ange paragrafnumret med siffror');
        expect(summary).toContain('Ange diarienumret i formen SLK-2023-01047');
        expect(summary).toContain('Filen är inte en PDF-fil');
        await expect(page.getByLabel('Rubrik').inputValue()).resolves.toBe('Ett felaktigt beslut');
        const after = await e2e.t.db.kysely
          .selectFrom('council_decision')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
        await page.context().close();
      });
    },
  );
}

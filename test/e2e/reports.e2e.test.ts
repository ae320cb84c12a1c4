import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp, signedInPage } from '../helpers/e2e.ts';
import { addApprovedEvaluation } from '../helpers/evaluation-fixtures.ts';

const canRun = browserAvailable();

/** axe at 1280 and 320 px (no sideways scrolling), on the first database only. */
async function checkPage(page: Page, label: string, dialect: string): Promise<void> {
  if (dialect !== DIALECTS[0]) return;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${label} at ${width} px`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(sideways, `${label} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const TITLE = 'Utvärdering efter vänortsmötet i Göteborg 2027';

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `reports in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);
      let evaluationId: string;
      beforeAll(async () => {
        evaluationId = await addApprovedEvaluation(e2e.t.db, { title: TITLE });
      });

      it('a coordinator downloads Word and PDF, publishes, and a visitor finds it on /reports', async () => {
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD, {
          context: {
            viewport: { width: 1280, height: 900 },
            acceptDownloads: true,
          },
        });
        page.context().setDefaultTimeout(30_000);
        await page.goto(`${e2e.base}/workspace/evaluations/${evaluationId}/versions/1`);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
        await checkPage(page, 'version page', dialect);

        let downloading = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Word-dokument (.docx)' }).click();
        let download = await downloading;
        expect(download.suggestedFilename()).toBe('utvardering-2019-11-16--2027-09-16-v1.docx');
        const docx = await readFile(await download.path());
        expect(docx.subarray(0, 2).toString()).toBe('PK');

        downloading = page.waitForEvent('download');
        await page.getByRole('link', { name: 'PDF', exact: true }).click();
        download = await downloading;
        expect(download.suggestedFilename()).toBe('utvardering-2019-11-16--2027-09-16-v1.pdf');
        const pdf = await readFile(await download.path());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

        await page.getByRole('button', { name: 'Publicera version 1 på portalen' }).click();
        await expect(page.locator('main').textContent()).resolves.toContain(
          'Version 1 är publicerad på portalen.',
        );
        await checkPage(page, 'version page, published', dialect);
        await page.context().close();

        // A visitor (no session) in Bergen, reading in Norwegian.
        const visitor = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
        visitor.setDefaultTimeout(30_000);
        const reader = await visitor.newPage();
        await reader.goto(`${e2e.base}/nb/`);
        await reader.getByRole('link', { name: 'Evalueringsrapporter' }).click();
        expect(reader.url()).toBe(`${e2e.base}/nb/reports`);
        await checkPage(reader, 'reports (nb)', dialect);
        await reader.getByRole('link', { name: TITLE }).click();
        expect(reader.url()).toBe(`${e2e.base}/nb/reports/${evaluationId}`);
        await expect(reader.locator('main').textContent()).resolves.toContain(
          'Rapporten er skrevet på svensk og har et sammendrag på engelsk.',
        );
        await checkPage(reader, 'report (nb)', dialect);
        await visitor.close();
      });
    },
  );
}

import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp, signedInPage } from '../helpers/e2e.ts';

const canRun = browserAvailable();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `city facts in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('a coordinator corrects Turku’s facts; a visitor from Bergen reads them', async () => {
        // The portal sends no client script: the form works as plain HTML (axe itself needs JS).
        const page = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        page.context().setDefaultTimeout(15_000);
        await page
          .getByRole('navigation', { name: 'Användarmeny' })
          .getByRole('link', { name: 'Arbetsyta' })
          .click();
        expect(page.url()).toBe(`${e2e.base}/workspace`);
        await expectNoAxeViolations(page, 'workspace start page');
        await page.locator('main').getByRole('link', { name: 'Ortfakta' }).click();
        expect(page.url()).toBe(`${e2e.base}/workspace/cities`);
        await expectNoAxeViolations(page, 'city facts list');

        await page.locator('a[href="/workspace/cities/turku"]').click();
        await expectNoAxeViolations(page, 'city facts form');
        await page.getByLabel('Folkmängd').fill('ungefär 200 000');
        await page.getByLabel('Namn på svenska').fill('');
        await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
        const summary = page.locator('.error-summary');
        await expect(summary.textContent()).resolves.toContain('Ange ortens namn på svenska');
        await expect(summary.textContent()).resolves.toContain('Ange folkmängden som ett heltal');
        await expectNoAxeViolations(page, 'city facts form with errors');

        await page.getByLabel('Namn på svenska').fill('Åbo');
        await page.getByLabel('Folkmängd').fill('200 477');
        await page.getByLabel('Beskrivning på norskt bokmål').fill('Finlands eldste by.');
        await page.getByLabel('Namn på norskt bokmål').fill('Åbo');
        await page
          .getByLabel('Kontaktperson eller funktion')
          .fill('Turun kaupunki, kansainväliset asiat');
        await page.getByLabel('E-postadress till kontakten').fill('international@turku.fi');
        await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
        expect(page.url()).toBe(`${e2e.base}/cities/turku`);
        await expect(page.locator('.flash').textContent()).resolves.toContain(
          'Uppgifterna om Åbo är sparade.',
        );
        const main = page.locator('main');
        await expect(main.textContent()).resolves.toContain('200');
        await expect(main.textContent()).resolves.toContain('international@turku.fi');
        await page.context().close();

        // A visitor reading in English sees the same facts; the Norwegian name carries its lang.
        const visitor = await (await e2e.browser.newContext()).newPage();
        await visitor.goto(`${e2e.base}/cities/turku?lang=en`);
        await expect(visitor.locator('main').textContent()).resolves.toContain(
          'international@turku.fi',
        );
        await expect(visitor.locator('dd[lang="nb"]').textContent()).resolves.toBe('Åbo');
        await expectNoAxeViolations(visitor, 'city page after the edit');
        await visitor.context().close();

        const audit = await e2e.t.db.kysely
          .selectFrom('audit_event')
          .select('changes')
          .where('action', '=', 'facts.update')
          .execute();
        expect(audit).toHaveLength(1);
        expect(Object.keys(JSON.parse(audit[0]!.changes) as object)).toContain('population');
      });
    },
  );
}

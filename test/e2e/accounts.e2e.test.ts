import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { expectNoAxeViolations, logIn, useE2eApp, signedInPage } from '../helpers/e2e.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';

const canRun = browserAvailable();

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `accounts in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      for (const javaScriptEnabled of [true, false]) {
        it(`an administrator logs in, works in the administration and logs out (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const context = await e2e.browser.newContext({ javaScriptEnabled });
          const page = await context.newPage();

          // A wrong password first: a clear Swedish message, accessible error summary.
          await logIn(page, e2e.base, 'admin@vanort.example', 'wrong password');
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            'Fel e-postadress eller lösenord',
          );
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'login with error');

          await logIn(page, e2e.base, 'admin@vanort.example', DEMO_PASSWORD);
          expect(page.url()).toBe(`${e2e.base}/workspace`);
          await expect(page.locator('.flash').textContent()).resolves.toBe('Du är inloggad.');
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'workspace after login');

          await page
            .getByRole('navigation', { name: 'Användarmeny' })
            .getByRole('link', { name: 'Administration' })
            .click();
          expect(page.url()).toBe(`${e2e.base}/admin/users`);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'users');

          await page.getByRole('link', { name: 'medarbetare@vanort.example' }).click();
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'user');
          await page.getByRole('checkbox', { name: 'Rapportör', exact: true }).check();
          await page.getByRole('button', { name: 'Spara roller' }).click();
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            'Välj den förvaltning',
          );
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'user with error');
          await page.getByRole('checkbox', { name: 'Rapportör', exact: true }).uncheck();
          await page.getByRole('button', { name: 'Spara roller' }).click();
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            'Ändringarna är sparade.',
          );

          await page.goto(`${e2e.base}/admin/organisations`);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'organisations');
          await page
            .getByLabel('Namn', { exact: true })
            .fill(javaScriptEnabled ? 'Trafikkontoret' : 'Miljöförvaltningen');
          await page.getByRole('button', { name: 'Spara' }).click();
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            'Ändringarna är sparade.',
          );

          await page.goto(`${e2e.base}/admin/audit`);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'audit');
          await expect(page.locator('main').textContent()).resolves.toContain(
            javaScriptEnabled ? 'Trafikkontoret' : 'Miljöförvaltningen',
          );
          await page.goto(`${e2e.base}/admin/outbox`);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'outbox');

          await page.getByRole('button', { name: 'Logga ut' }).click();
          await expect(page.locator('.flash').textContent()).resolves.toBe('Du är utloggad.');
          await page.goto(`${e2e.base}/admin/users`);
          expect(page.url()).toBe(`${e2e.base}/login?next=%2Fadmin%2Fusers`);
          await context.close();
        });
      }

      it('shows a member of staff that the administration is not theirs', async () => {
        const page = await signedInPage(e2e, 'medarbetare@vanort.example', DEMO_PASSWORD);
        const res = await page.goto(`${e2e.base}/admin/users`);
        expect(res?.status()).toBe(403);
        await expect(page.locator('h1').textContent()).resolves.toBe('Du har inte behörighet');
        await expectNoAxeViolations(page, 'forbidden');
        await page.context().close();
      });

      for (const javaScriptEnabled of [true, false]) {
        it(`a member of staff revokes all API keys at once (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const page = await signedInPage(e2e, 'presidiet@vanort.example', DEMO_PASSWORD, {
            context: { javaScriptEnabled },
          });
          for (const name of ['Första', 'Andra']) {
            await page.goto(`${e2e.base}/account/tokens`);
            await page.getByLabel('Namn').fill(`${name} ${javaScriptEnabled}`);
            await page.getByRole('button', { name: 'Skapa nyckel' }).click();
          }
          await page.goto(`${e2e.base}/account/tokens`);
          await expect(page.locator('main').textContent()).resolves.toContain(
            'Alla dina 2 aktiva nycklar slutar fungera direkt',
          );
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'API keys with revoke all');
          // Revoking asks first (decision 033): the link, then the confirming button.
          await page.getByRole('link', { name: 'Återkalla alla 2 nycklar' }).click();
          await page.getByRole('button', { name: 'Återkalla alla 2 nycklar' }).click();
          expect(page.url()).toBe(`${e2e.base}/account/tokens`);
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            '2 nycklar är återkallade och kan inte längre användas.',
          );
          await expect(page.getByRole('link', { name: /Återkalla alla/ }).count()).resolves.toBe(0);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'API keys revoked');
          await page.context().close();
        });
      }

      it('tells an address that failed too often to wait, with the form still usable', async () => {
        const context = await e2e.browser.newContext();
        const page = await context.newPage();
        // Five failures, then the waits begin (1, 2, 4 … seconds): a slow browser may fit
        // another failure in before it meets one.
        let summary = '';
        for (let i = 0; i < 10 && !summary.includes('För många'); i++) {
          await logIn(page, e2e.base, 'sekretariatet@vanort.example', `wrong ${i}`);
          summary = (await page.locator('.error-summary').textContent()) ?? '';
        }
        expect(summary).toContain('För många misslyckade inloggningar på kort tid.');
        await expectNoAxeViolations(page, 'login slowed down');
        await context.close();
      });
    },
  );
}

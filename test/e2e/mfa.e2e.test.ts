import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/account.service.ts';
import {
  beginMfaEnrollment,
  confirmMfaEnrollment,
} from '../../src/modules/accounts/mfa.service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { expectNoAxeViolations, logIn, useE2eApp } from '../helpers/e2e.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';

const PASSWORD = 'a long enough browser password';
const canRun = browserAvailable();

/** The code of the app, `steps` periods from now (a code is accepted once per step). */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

/** A well-formed code that is none of those accepted around now. */
function wrongCodeFor(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => codeFor(secret, s)));
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((c) => !valid.has(c))!;
}

const logInAs = (page: Page, base: string, email: string) => logIn(page, base, email, PASSWORD);

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `two-step verification in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      const newUser = (email: string) =>
        createUser(e2e.t.db, SYSTEM_ACTOR, {
          email,
          name: 'Tova Tvåsteg',
          roles: [{ role: 'staff', organisationId: null, cityId: null }],
          password: PASSWORD,
        });

      it('sets it up from the account page, and the pages pass axe', async () => {
        await newUser('tova@vanort.example');
        const context = await e2e.browser.newContext();
        const page = await context.newPage();
        await logInAs(page, e2e.base, 'tova@vanort.example');
        expect(page.url()).toBe(`${e2e.base}/workspace`);
        await page.goto(`${e2e.base}/account`);
        await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
        expect(page.url()).toBe(`${e2e.base}/account/mfa`);
        await expectNoAxeViolations(page, 'mfa status');

        await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
        await expect(page.getByRole('img', { name: /QR-kod/ }).count()).resolves.toBe(1);
        await expectNoAxeViolations(page, 'mfa enrolment');
        const secret = (await page.getByLabel('Nyckel att skriva in i appen').inputValue()).replace(
          / /g,
          '',
        );
        await expect(page.getByLabel('Länk för appen (otpauth)').inputValue()).resolves.toContain(
          `secret=${secret}`,
        );

        await page.getByLabel('Kod från appen', { exact: true }).fill('123');
        await page.getByRole('button', { name: 'Bekräfta och aktivera' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Koden ska vara sex siffror',
        );
        await expectNoAxeViolations(page, 'mfa enrolment with error');

        await page.getByLabel('Kod från appen', { exact: true }).fill(codeFor(secret));
        await page.getByRole('button', { name: 'Bekräfta och aktivera' }).click();
        await expect(page.locator('.flash').textContent()).resolves.toContain(
          'Tvåstegsverifiering är aktiverad.',
        );
        await expectNoAxeViolations(page, 'mfa on');

        await page.getByRole('button', { name: 'Logga ut' }).click();
        await logInAs(page, e2e.base, 'tova@vanort.example');
        expect(page.url()).toBe(`${e2e.base}/login/mfa?next=%2Fworkspace`);
        await expectNoAxeViolations(page, 'login code');
        await page.getByLabel('Kod från appen', { exact: true }).fill(wrongCodeFor(secret));
        await page.getByRole('button', { name: 'Logga in' }).click();
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          'Koden stämmer inte',
        );
        await expectNoAxeViolations(page, 'login code with error');
        await context.close();
      });

      it('logs in with a code without JavaScript', async () => {
        const user = await newUser('tage@vanort.example');
        await beginMfaEnrollment(e2e.t.db, SYSTEM_ACTOR, user.id);
        const { totp_secret } = await e2e.t.db.kysely
          .selectFrom('app_user')
          .select('totp_secret')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow();
        const secret = totp_secret!;
        await confirmMfaEnrollment(e2e.t.db, SYSTEM_ACTOR, user.id, codeFor(secret));

        const context = await e2e.browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await logInAs(page, e2e.base, 'tage@vanort.example');
        expect(page.url()).toBe(`${e2e.base}/login/mfa?next=%2Fworkspace`);
        await expect(page.locator('h1').textContent()).resolves.toBe('Ange koden från appen');
        // The next step's code: the one of this step was used to confirm the set-up.
        await page.getByLabel('Kod från appen', { exact: true }).fill(codeFor(secret, 1));
        await page.getByRole('button', { name: 'Logga in' }).click();
        expect(page.url()).toBe(`${e2e.base}/workspace`);
        await expect(page.locator('.flash').textContent()).resolves.toBe('Du är inloggad.');
        await context.close();
      });
    },
  );
}

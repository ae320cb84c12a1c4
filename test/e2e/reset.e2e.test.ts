import { i18nFor } from '../../src/platform/i18n/i18n.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo.ts';
import { SESSION_COOKIE } from '../../src/platform/auth.ts';
import { messagesOf } from '../helpers/messages.ts';
const resetSv = messagesOf('sv');
import { browserAvailable } from '../helpers/browser.ts';
import { expectNoAxeViolations, logIn, useE2eApp } from '../helpers/e2e.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';

const canRun = browserAvailable();

async function choosePassword(page: Page, password: string, confirm = password) {
  await page.getByLabel('Nytt lösenord', { exact: true }).fill(password);
  await page.getByLabel('Skriv lösenordet en gång till', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
}

const hasSession = async (context: BrowserContext) =>
  (await context.cookies()).some((c) => c.name === SESSION_COOKIE);

// Two demo accounts without special duties: one per run (JavaScript on and off).
const RESET_ACCOUNTS = [
  DEMO_ACCOUNTS.find((a) => a.role === 'presidium')!,
  DEMO_ACCOUNTS.find((a) => a.role === 'council')!,
];

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `password reset and invitations in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      /** The full link in the newest mail to an address (no SMTP in tests: the outbox). */
      async function linkInMail(address: string, kind: 'reset' | 'invite'): Promise<string> {
        const mail = await e2e.t.db.kysely
          .selectFrom('mail_outbox')
          .select(['text_body'])
          .where('to_address', '=', address)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        const link = new RegExp(`https?://\\S+/${kind}/[\\w-]+`).exec(mail?.text_body ?? '')?.[0];
        if (!link) throw new Error(`no ${kind} link in a mail to ${address}`);
        return link;
      }

      for (const [i, javaScriptEnabled] of [true, false].entries()) {
        const account = RESET_ACCOUNTS[i]!;
        it(`a user who forgot the password chooses a new one through the mailed link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const context = await e2e.browser.newContext({ javaScriptEnabled });
          const page = await context.newPage();
          const axe = (label: string) =>
            javaScriptEnabled ? expectNoAxeViolations(page, label) : Promise.resolve();
          const newPassword = `Utsikt över Älvsborgsbron ${javaScriptEnabled ? 'med' : 'utan'} JS`;

          // From the login page to the request form.
          await page.goto(`${e2e.base}/login`);
          await axe('login');
          await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
          expect(page.url()).toBe(`${e2e.base}/reset`);
          await expect(page.locator('h1').textContent()).resolves.toBe('Återställ lösenordet');
          await axe('reset request');

          // A mistyped address: a clear error summary, the form keeps what was typed.
          await page.getByLabel('E-postadress').fill('inte en adress');
          await page.getByRole('button', { name: 'Skicka länken' }).click();
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            resetSv['reset.emailInvalid'],
          );
          await expect(page.getByLabel('E-postadress').inputValue()).resolves.toBe(
            'inte en adress',
          );
          await axe('reset request with error');

          await page.getByLabel('E-postadress').fill(account.email);
          await page.getByRole('button', { name: 'Skicka länken' }).click();
          expect(page.url()).toBe(`${e2e.base}/reset`);
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            i18nFor('sv').t('reset.sent', { minutes: 30 }),
          );
          await axe('reset requested');

          // The link from the mail, opened in the e2e.browser.
          const link = await linkInMail(account.email, 'reset');
          expect(link.startsWith(`${e2e.base}/reset/`)).toBe(true);
          const opened = await page.goto(link);
          expect(opened?.status()).toBe(200);
          await expect(page.locator('h1').textContent()).resolves.toBe('Välj ett nytt lösenord');
          await expect(page.locator('.lead').textContent()).resolves.toContain(account.email);
          await axe('new password');

          // Too short, then two different passwords: each a clear error summary.
          await choosePassword(page, 'kort');
          expect(page.url()).toBe(link);
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            'Lösenordet måste ha minst 12 tecken',
          );
          await expect(page.locator('h1').textContent()).resolves.toBe('Välj ett nytt lösenord');
          await axe('new password too short');

          await choosePassword(page, newPassword, `${newPassword}!`);
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            resetSv['newPassword.mismatch'],
          );
          await axe('new password mismatch');

          await choosePassword(page, newPassword);
          expect(page.url()).toBe(`${e2e.base}/login`);
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            resetSv['flash.passwordSaved'],
          );
          await axe('password saved');

          // The old password is gone, the new one works.
          await logIn(page, e2e.base, account.email, DEMO_PASSWORD);
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            'Fel e-postadress eller lösenord',
          );
          expect(await hasSession(context)).toBe(false);
          await logIn(page, e2e.base, account.email, newPassword);
          expect(page.url()).toBe(`${e2e.base}/workspace`);
          await expect(page.locator('.flash').textContent()).resolves.toBe('Du är inloggad.');
          await expect(page.locator('main').textContent()).resolves.toContain(account.name);
          expect(await hasSession(context)).toBe(true);
          await axe('account');

          // The link works once.
          const again = await page.goto(link);
          expect(again?.status()).toBe(410);
          await expect(page.locator('h1').textContent()).resolves.toBe(resetSv['link.used.title']);
          await axe('link already used');
          await page.getByRole('link', { name: 'Be om en ny länk' }).click();
          expect(page.url()).toBe(`${e2e.base}/reset`);
          await context.close();
        });

        it(`an invited person chooses a first password and logs in (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const email = `inbjuden.${javaScriptEnabled ? 'med' : 'utan'}.js@vanort.example`;
          const name = `Ines Inbjuden ${javaScriptEnabled ? 'Med' : 'Utan'}`;

          // An administrator sends the invitation from the administration.
          const adminContext = await e2e.browser.newContext({ javaScriptEnabled });
          const adminPage = await adminContext.newPage();
          const adminAxe = (label: string) =>
            javaScriptEnabled ? expectNoAxeViolations(adminPage, label) : Promise.resolve();
          await logIn(adminPage, e2e.base, 'admin@vanort.example', DEMO_PASSWORD);
          expect(adminPage.url()).toBe(`${e2e.base}/workspace`);
          await adminPage.goto(`${e2e.base}/admin/users`);
          await adminPage.getByRole('link', { name: 'Bjud in användare' }).click();
          expect(adminPage.url()).toBe(`${e2e.base}/admin/users/new`);
          await adminAxe('invitation form');
          const inviteForm = adminPage.locator('main form[action="/admin/users/new"]');
          await inviteForm.getByLabel('E-postadress').fill('inte en adress');
          await inviteForm.getByLabel('Namn', { exact: true }).fill(name);
          await inviteForm.getByRole('button', { name: 'Skicka inbjudan' }).click();
          await expect(adminPage.locator('.error-summary').textContent()).resolves.toContain(
            resetSv['invite.emailInvalid'],
          );
          await adminAxe('invitation form with error');
          await inviteForm.getByLabel('E-postadress').fill(email);
          await expect(
            inviteForm.getByRole('checkbox', { name: 'Medarbetare', exact: true }).isChecked(),
          ).resolves.toBe(true);
          await inviteForm.getByRole('button', { name: 'Skicka inbjudan' }).click();
          expect(adminPage.url()).toBe(`${e2e.base}/admin/users`);
          await expect(adminPage.locator('.flash').textContent()).resolves.toBe(
            `En inbjudan har skickats till ${email}.`,
          );
          await adminContext.close();

          const link = await linkInMail(email, 'invite');
          expect(link.startsWith(`${e2e.base}/invite/`)).toBe(true);

          const context = await e2e.browser.newContext({ javaScriptEnabled });
          const page = await context.newPage();
          const axe = (label: string) =>
            javaScriptEnabled ? expectNoAxeViolations(page, label) : Promise.resolve();
          const password = 'Kanelbullar vid Skansen Kronan';

          // Before a password is chosen, none works.
          await logIn(page, e2e.base, email, password);
          expect(page.url()).toBe(`${e2e.base}/login`);
          expect(await hasSession(context)).toBe(false);

          const opened = await page.goto(link);
          expect(opened?.status()).toBe(200);
          await expect(page.locator('h1').textContent()).resolves.toBe(
            resetSv['newPassword.inviteTitle'],
          );
          await expect(page.locator('.lead').textContent()).resolves.toContain(email);
          await axe('invitation');

          await choosePassword(page, password, '');
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            resetSv['newPassword.confirmRequired'],
          );
          await axe('invitation with error');

          await choosePassword(page, password);
          expect(page.url()).toBe(`${e2e.base}/login`);
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            resetSv['flash.passwordSaved'],
          );

          await logIn(page, e2e.base, email, password);
          expect(page.url()).toBe(`${e2e.base}/workspace`);
          await expect(page.locator('main').textContent()).resolves.toContain(name);
          await expect(page.locator('main').textContent()).resolves.toContain('Medarbetare');
          await axe('account of the invited');

          const again = await page.goto(link);
          expect(again?.status()).toBe(410);
          await expect(page.locator('h1').textContent()).resolves.toBe(resetSv['link.used.title']);
          await axe('invitation already used');
          await context.close();
        });
      }
    },
  );
}

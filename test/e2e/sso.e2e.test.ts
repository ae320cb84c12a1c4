import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/platform/auth.ts';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { messagesOf } from '../helpers/messages.ts';
const oidcSv = messagesOf('sv');
import { OIDC_COOKIE } from '../../src/modules/accounts/oidc.pages.tsx';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp } from '../helpers/e2e.ts';
import { freePort } from '../helpers/global-setup.ts';
import { oidcEnv, startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';

const canRun = browserAvailable();

const hasSession = async (context: BrowserContext) =>
  (await context.cookies()).some((c) => c.name === SESSION_COOKIE && c.value !== '');

const hasPendingLogin = async (context: BrowserContext) =>
  (await context.cookies()).some((c) => c.name === OIDC_COOKIE && c.value !== '');

const SSO_LINK = oidcSv['oidc.login'];

/** On the provider's pages: logs the account in, and consents if asked. */
async function atProvider(page: Page, issuer: string, accountId: string) {
  expect(new URL(page.url()).origin).toBe(issuer);
  expect(await page.getAttribute('main', 'data-prompt')).toBe('login');
  await page.getByLabel('Användar-id').fill(accountId);
  await page.getByRole('button', { name: 'Logga in' }).click();
  if (new URL(page.url()).origin === issuer) {
    expect(await page.getAttribute('main', 'data-prompt')).toBe('consent');
    await page.getByRole('button', { name: 'Godkänn' }).click();
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `single sign-on in a browser [${dialect}]`,
    () => {
      let idp: TestProvider;
      let port: number;
      beforeAll(async () => {
        port = await freePort();
        idp = await startTestProvider({
          redirectUri: `http://127.0.0.1:${port}/auth/oidc/callback`,
          accounts: {
            'kerstin-sub': {
              email: 'Kerstin.Kultur@goteborg.example',
              name: 'Kerstin Kultur',
              groups: ['kultur-rapportorer', 'some-unmapped-group'],
            },
            'bjorn-sub': {
              email: 'bjorn.bergen@bergen.example',
              name: 'Bjørn Brygge',
              groups: ['bergen-contacts'],
            },
            'tove-sub': { email: 'tove@goteborg.example', name: 'Tove Test', groups: [] },
          },
        });
      });
      afterAll(async () => {
        await idp?.close();
      });
      // The app listens at the address the provider redirects to (hooks after run in reverse:
      // the app and the browser close before the provider).
      const e2e = useE2eApp(
        dialect,
        undefined,
        () => ({ env: { ...oidcEnv(idp), PUBLIC_URL: `http://127.0.0.1:${port}` } }),
        () => port,
      );

      // A new contact of Bergen gets Norwegian (the city's language) and lands in it.
      const cases = [
        {
          javaScriptEnabled: true,
          accountId: 'kerstin-sub',
          role: 'reporter',
          landing: '/workspace',
          language: 'sv',
        },
        {
          javaScriptEnabled: false,
          accountId: 'bjorn-sub',
          role: 'partner',
          landing: '/nb/workspace',
          language: 'nb',
        },
      ] as const;
      for (const { javaScriptEnabled, accountId, role, landing, language } of cases) {
        it(`logs a new user in with the city's account and the mapped role (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
          const account = idp.accounts.get(accountId)!;
          const context = await e2e.browser.newContext({ javaScriptEnabled });
          const page = await context.newPage();

          await page.goto(`${e2e.base}/login`);
          const ssoLink = page.getByRole('link', { name: SSO_LINK });
          expect(await ssoLink.getAttribute('href')).toBe('/auth/oidc/login');
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'login with SSO');

          await ssoLink.click();
          expect(await page.title()).toContain('Logga in');
          await atProvider(page, idp.issuer, accountId);

          const messages = messagesOf(language);
          expect(page.url()).toBe(`${e2e.base}${landing}`);
          await expect(page.locator('.flash').textContent()).resolves.toBe(
            messages['flash.loggedIn'],
          );
          expect(await hasSession(context)).toBe(true);
          if (javaScriptEnabled) await expectNoAxeViolations(page, 'workspace after SSO');
          // The account page shows who signed in, with the role from the provider's groups.
          await page.goto(e2e.base + landing.replace(/workspace$/, 'account'));
          const main = (await page.locator('main').textContent()) ?? '';
          expect(main).toContain(account.name);
          expect(main).toContain(account.email.toLowerCase());
          expect(main).toContain(messages[`role.${role}`]);

          const user = await findUserByEmail(e2e.t.db.kysely, account.email);
          expect(user).toMatchObject({ name: account.name, active: true, hasPassword: false });
          expect(user?.language).toBe(language);
          expect(user?.roles.map((r) => r.role)).toEqual([role]);
          await context.close();
        });
      }

      it('shows a clear error page for a tampered state and for a callback nobody started', async () => {
        const context = await e2e.browser.newContext();
        const page = await context.newPage();

        // Through the provider, but the genuine callback is held back: the consent is
        // posted and its redirects followed outside the page (a route sees only the first
        // request of a redirect chain), up to the callback, which is not requested.
        let genuine: URL | null = null;
        const confirm = `${idp.issuer}/interaction/*/confirm`;
        await page.route(confirm, async (route) => {
          let res = await route.fetch({ maxRedirects: 0 });
          let at = new URL(route.request().url());
          while (res.status() >= 300 && res.status() < 400 && at.origin === idp.issuer) {
            at = new URL(res.headers().location ?? '', at);
            if (at.origin !== idp.issuer) break;
            res = await context.request.get(at.href, { maxRedirects: 0 });
          }
          genuine = at;
          await route.fulfill({ status: 204 });
        });
        await page.goto(`${e2e.base}/login`);
        await page.getByRole('link', { name: SSO_LINK }).click();
        await atProvider(page, idp.issuer, 'tove-sub');
        await page.unroute(confirm);
        const callback = genuine as URL | null;
        expect(callback?.href.startsWith(`${e2e.base}/auth/oidc/callback?`)).toBe(true);
        expect(callback?.searchParams.get('code')).toBeTruthy();
        expect(await hasPendingLogin(context)).toBe(true);

        const tampered = new URL(callback!);
        tampered.searchParams.set('state', 'forged-state');
        const res = await page.goto(tampered.href);
        expect(res?.status()).toBe(400);
        await expect(page.locator('h1').textContent()).resolves.toBe('Logga in');
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          oidcSv['oidc.error.state'],
        );
        // The page offers the way back: SSO again, or the password form.
        await expect(page.getByRole('link', { name: SSO_LINK }).count()).resolves.toBe(1);
        await expectNoAxeViolations(page, 'tampered state');
        expect(await hasSession(context)).toBe(false);
        expect(await hasPendingLogin(context)).toBe(false);

        // The pending login is gone: not even the genuine callback works now.
        expect((await page.goto(callback!.href))?.status()).toBe(400);
        expect(await hasSession(context)).toBe(false);
        expect(await findUserByEmail(e2e.t.db.kysely, 'tove@goteborg.example')).toBeNull();
        await context.close();

        // A callback with an unknown state in a browser that never started a login.
        const fresh = await e2e.browser.newContext();
        const lone = await fresh.newPage();
        const unknown = await lone.goto(`${e2e.base}/auth/oidc/callback?code=abc&state=xyz`);
        expect(unknown?.status()).toBe(400);
        await expect(lone.locator('.error-summary').textContent()).resolves.toContain(
          oidcSv['oidc.error.state'],
        );
        await expectNoAxeViolations(lone, 'unknown state');
        expect(await hasSession(fresh)).toBe(false);
        await fresh.close();
      });
    },
  );
}

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dialect } from '../../src/db/database.ts';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import { launchBrowser } from './browser.ts';
import { messagesOf } from './messages.ts';
import { buildTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

/** The WCAG rule sets every page must pass: 2.1 A/AA and 2.2 AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Layout rules (target size, contrast) need the stylesheet applied: wait for the load.
  await page.waitForLoadState('load');
  // Only violations are read: axe then keeps one node of the other result types, which is
  // faster. (`options` replaces the options object, so it comes before `withTags`.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .analyze();
  expect(
    results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    })),
    label,
  ).toEqual([]);
}

/** A site path at a language's address: Swedish at the root (`/cities`), others `/da/cities`. */
export function addressIn(locale: Locale, path: string): string {
  return locale === 'sv' ? path : `/${locale}${path}`;
}

/** Logs in through the login form at the language's address (Swedish unless told). */
export async function logIn(
  page: Page,
  base: string,
  email: string,
  password: string,
  locale: Locale = 'sv',
): Promise<void> {
  const m = messagesOf(locale);
  await page.goto(base + addressIn(locale, '/login'));
  await page.getByLabel(m['login.email']).fill(email);
  await page.getByLabel(m['login.password']).fill(password);
  await page.getByRole('button', { name: m['login.submit'] }).click();
}

/** Opens one of the user's tasks from the workspace start page (user menu → Arbetsyta). */
export async function openTask(page: Page, name: string, locale: Locale = 'sv'): Promise<void> {
  const m = messagesOf(locale);
  await page
    .getByRole('navigation', { name: m['nav.userMenu'] })
    .getByRole('link', { name: m['nav.workspace'] })
    .click();
  await page.locator('main').getByRole('link', { name, exact: true }).click();
}

/** A demo app listening on loopback and a headless browser, for one `describe` block. */
export interface E2eApp {
  /** The app and its database. */
  readonly t: TestApp;
  /** The app's address, e.g. `http://127.0.0.1:41234`. */
  readonly base: string;
  readonly browser: Browser;
}

/**
 * Starts a fresh demo app on `dialect` (listening on 127.0.0.1) and a browser before the
 * block's tests, then `setUp` (extra data for them); closes both after. Use the getters in
 * the tests: `const e2e = useE2eApp(dialect)`, then `e2e.base`, `e2e.browser`, `e2e.t.db`.
 * `options` may be a function, read when the app starts: for a value an earlier `beforeAll`
 * of the block makes (e.g. the address of a test mail server); so may `port`, for an app
 * whose address must be known before it starts (single sign-on's redirect address).
 */
export function useE2eApp(
  dialect: Dialect,
  setUp?: (t: TestApp) => Promise<void>,
  options?: TestAppOptions | (() => TestAppOptions),
  port?: () => number,
): E2eApp {
  let t: TestApp | undefined;
  let base: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await buildTestApp(dialect, typeof options === 'function' ? options() : options);
    base = await t.app.listen({ host: '127.0.0.1', port: port?.() ?? 0 });
    browser = await launchBrowser();
    await setUp?.(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useE2eApp: the app is started in beforeAll');
    return value;
  };
  return {
    get t() {
      return opened(t);
    },
    get base() {
      return opened(base);
    },
    get browser() {
      return opened(browser);
    },
  };
}

/** A new browser context's page, logged in as `email` (Swedish unless told). */
export async function signedInPage(
  e2e: E2eApp,
  email: string,
  password: string,
  options: { locale?: Locale; context?: BrowserContextOptions } = {},
): Promise<Page> {
  const page = await (await e2e.browser.newContext(options.context)).newPage();
  await logIn(page, e2e.base, email, password, options.locale);
  return page;
}

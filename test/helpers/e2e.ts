import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import { messagesOf } from './messages.ts';

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

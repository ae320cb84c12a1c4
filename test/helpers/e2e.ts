import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The WCAG rule sets every page must pass: 2.1 A/AA and 2.2 AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Layout rules (target size, contrast) need the stylesheet applied: wait for the load.
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    })),
    label,
  ).toEqual([]);
}

/** Logs in through the Swedish login form. */
export async function logIn(
  page: Page,
  base: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Opens one of the user's tasks from the workspace start page (user menu → Arbetsyta). */
export async function openTask(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Användarmeny' })
    .getByRole('link', { name: 'Arbetsyta' })
    .click();
  await page.locator('main').getByRole('link', { name, exact: true }).click();
}

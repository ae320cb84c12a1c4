import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { addressIn as at, expectNoAxeViolations, useE2eApp } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';

const LANGUAGES: readonly Locale[] = ['sv', 'en', 'da', 'nb', 'fi'];

// The page's markup does not depend on the database: SQLite only (bounded time).
describe.skipIf(!browserAvailable() || !dialectAvailable('sqlite'))(
  'open data in a browser',
  () => {
    const e2e = useE2eApp('sqlite');

    it('a visitor from Bergen finds open data in the footer and downloads the twin cities as CSV, without JavaScript', async () => {
      const context = await e2e.browser.newContext({
        javaScriptEnabled: false,
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const nb = messagesOf('nb');
      await page.goto(`${e2e.base}/nb/`);
      await page.getByRole('contentinfo').getByRole('link', { name: nb['nav.datasets'] }).click();
      expect(new URL(page.url()).pathname).toBe('/nb/datasets');
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(nb['datasets.title']);
      const link = page.getByRole('link', { name: `${nb['datasets.cities.title']} som CSV` });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('vanorter.csv');
      const rows = parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), {
        bom: true,
        columns: true,
        record_delimiter: '\r\n',
      });
      // Names in the page's language: Bergen reads Turku, not Åbo.
      expect(rows.find((r) => r.slug === 'turku')).toMatchObject({
        name: 'Turku',
        name_lang: 'nb',
      });
      await context.close();
    }, 60_000);

    for (const lang of LANGUAGES) {
      it(`has no axe violations and fits 320 px at the ${lang} address`, async () => {
        const context = await e2e.browser.newContext({ viewport: { width: 320, height: 640 } });
        const page = await context.newPage();
        const url = at(lang, '/datasets');
        const response = await page.goto(e2e.base + url);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, url).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, url);
        await context.close();
      }, 60_000);
    }
  },
);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './src/app.ts';
import { loadConfig } from './src/config/config.ts';
import { bootstrapDatabase } from './src/bootstrap.ts';
import { createDb } from './src/db/database.ts';
import { launchBrowser } from './test/helpers/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanort-shot-'));
const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'shot.sqlite')}`, LOG_LEVEL: 'silent' });
const db = createDb(config.database);
await bootstrapDatabase(config, db);
const app = await buildApp({ config, db, logger: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('E-postadress').fill('samordnare@vanort.example');
  await page.getByLabel('Lösenord', { exact: true }).fill(process.env.PW ?? '');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.goto(base + '/workspace/newsletter');
  await page.getByRole('button', { name: 'Nytt utskick' }).click();
  const issue = new URL(page.url()).pathname;
  const shots: [string, string][] = [
    ['/en/newsletter', 'subscribe'],
    ['/workspace/newsletter', 'issues'],
    [issue, 'editor'],
    [issue + '/preview/en', 'preview'],
  ];
  for (const [path, name] of shots) {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(base + path);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      if (wide.length) console.log(name, width, wide);
      await page.screenshot({ path: `/tmp/nl/${name}-${width}.png`, fullPage: true });
    }
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

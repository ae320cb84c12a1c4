// Takes the README screenshot (docs/screenshot.png) of the home page with demo data,
// using Debian's Chromium: `npx tsx scripts/screenshot.ts [path] [width]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { bootstrapDatabase } from '../src/bootstrap.ts';
import { createDb } from '../src/db/database.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const path = process.argv[2] ?? '/';
const width = Number(process.argv[3] ?? 1280);
const out = process.argv[4] ?? 'docs/screenshot.png';
const dir = mkdtempSync(join(tmpdir(), 'vanort-shot-'));
const config = loadConfig({
  DATABASE_URL: `sqlite:${join(dir, 'shot.sqlite')}`,
  LOG_LEVEL: 'silent',
});
const db = createDb(config.database);
await bootstrapDatabase(config, db);
const app = await buildApp({ config, db, logger: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + path);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

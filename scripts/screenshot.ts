// Takes the README screenshot (docs/screenshot.png) of the home page with demo data,
// using Debian's Chromium: `npx tsx scripts/screenshot.ts [path] [width] [out.png]`.
// Workspace pages: SHOT_AS=<a demo user's e-mail> logs in first; SHOT_FOLLOW="2027|Program"
// then follows links of the main content by their text, one after the other (the demo's ids
// differ from run to run). docs/workspace.md lists the shots taken this way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { bootstrapDatabase } from '../src/bootstrap.ts';
import { createDb } from '../src/db/database.ts';
import { DEMO_PASSWORD } from '../src/demo.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { logIn } from '../test/helpers/e2e.ts';

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
  if (process.env.SHOT_AS) await logIn(page, base, process.env.SHOT_AS, DEMO_PASSWORD);
  await page.goto(base + path);
  for (const name of (process.env.SHOT_FOLLOW ?? '').split('|').filter(Boolean)) {
    const link = page.locator('main').getByRole('link', { name: new RegExp(`^${name}`) });
    await link.first().click();
  }
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

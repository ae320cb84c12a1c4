// Writes the OpenAPI document the app serves to docs/openapi.json (committed; a test fails on drift).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createDb } from '../src/db/database.ts';

const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: 'sqlite::memory:',
  LOG_LEVEL: 'silent',
});
const app = await buildApp({ config, db: createDb(config.database), logger: false });
await app.ready();
writeFileSync('docs/openapi.json', JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
console.log('wrote docs/openapi.json');

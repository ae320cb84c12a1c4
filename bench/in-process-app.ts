import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createDb } from '../src/db/database.ts';

/**
 * The app in this process on a bench database (`sqlite:PATH` or a PostgreSQL URL), page
 * cache and rate limits off, silent: for counting and explaining a page's queries, not for
 * measuring speed (that is `npm start`'s server, from outside).
 */
export async function inProcessApp(url: string) {
  const db = url.startsWith('postgres')
    ? createDb({ dialect: 'postgres', url })
    : createDb({ dialect: 'sqlite', path: url.replace(/^sqlite:/, '') });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    PAGE_CACHE_TTL_MS: '0',
    LOGIN_RATE_LIMIT: '0',
    API_RATE_LIMIT: '0',
  });
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  return { app, db };
}

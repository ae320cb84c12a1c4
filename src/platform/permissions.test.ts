import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/config.ts';
import { createDb } from '../db/database.ts';
import { UndeclaredPermissionError } from './permissions.ts';

const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: 'sqlite::memory:',
  LOG_LEVEL: 'silent',
});

describe('route permissions', () => {
  it('every registered route declares a permission', async () => {
    const app = await buildApp({ config, db: createDb(config.database), logger: false });
    await app.ready();
    const routes = app.registeredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.permission)).toEqual([]);
    expect(routes.find((r) => r.url === '/account')?.permission).toBe('authenticated');
    expect(routes.find((r) => r.url === '/cities/:slug')?.permission).toBe('public');
    await app.close();
  });

  it('refuses to start with a route that declares none', async () => {
    const app = await buildApp({ config, db: createDb(config.database), logger: false });
    app.get('/undeclared', () => 'x');
    await expect(app.ready()).rejects.toBeInstanceOf(UndeclaredPermissionError);
    await app.close().catch(() => {});
  });
});

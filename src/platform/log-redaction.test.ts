import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/config.ts';
import { createDb } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { redactUrl } from './log-redaction.ts';

const TOKEN = 'q7Xk2pR9sLm4Vb8Nc1Zt6Hy3Wd5Fg0Ja';
const ID = '0b6f1c9e-3a57-4d2b-9f1e-6c8a2d4e7b10';

describe('the request log keeps no one-time secret', () => {
  it('redacts secret path segments and query values, and keeps ids and the rest', () => {
    expect(redactUrl(`/reset/${TOKEN}`)).toBe('/reset/[redacted]');
    expect(redactUrl(`/nb/invite/${TOKEN}`)).toBe('/nb/invite/[redacted]');
    expect(redactUrl(`/newsletter/confirm/${TOKEN}?lang=en`)).toBe(
      '/newsletter/confirm/[redacted]?lang=en',
    );
    expect(redactUrl(`/auth/oidc/callback?code=${TOKEN}&state=abc&iss=x`)).toBe(
      '/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x',
    );
    expect(redactUrl(`/meetings/${ID}`)).toBe(`/meetings/${ID}`);
    expect(redactUrl('/cities/bergen?page=2')).toBe('/cities/bergen?page=2');
    expect(redactUrl('/collaborations?q=klimatanpassning-och-hamnar')).toBe(
      '/collaborations?q=klimatanpassning-och-hamnar',
    );
  });

  it("never writes a reset link's token to the app's log", async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' });
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const db = createDb(config.database);
    await migrateToLatest(db);
    const app = await buildApp({ config, db, logger: { level: 'info', stream } });
    try {
      await app.inject({ url: `/reset/${TOKEN}` });
      await app.inject({ url: `/en/invite/${TOKEN}` });
      await app.inject({ url: `/meetings/${ID}` });
      const log = lines.join('');
      expect(log).toContain('/reset/[redacted]');
      expect(log).toContain(`/meetings/${ID}`);
      expect(log).not.toContain(TOKEN);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

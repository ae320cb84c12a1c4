import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://vanorter.example',
  COOKIE_SECRET: 'x'.repeat(40),
};

it('reads TRUST_PROXY as off, a hop count or the proxies’ addresses', () => {
  const trust = (TRUST_PROXY?: string) =>
    loadConfig({ ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) }).trustProxy;
  expect(trust()).toBe(false);
  expect(trust('off')).toBe(false);
  expect(trust('1')).toBe(1);
  expect(trust('10.0.0.5, 10.1.0.0/16')).toBe('10.0.0.5,10.1.0.0/16');
  expect(() => trust('everyone')).toThrow(/TRUST_PROXY/);
  expect(() => trust('true')).toThrow(/TRUST_PROXY/);
});

describeEachDialect('X-Forwarded-For', (dialect) => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await buildTestApp(dialect, { env: PRODUCTION });
    proxied = await buildTestApp(dialect, { env: { ...PRODUCTION, TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  /** A failed login through the form, sent with a forged X-Forwarded-For. */
  const failLogin = async (t: TestApp) => {
    const agent = new TestAgent(t.app);
    await agent.get('/login');
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      cookies: Object.fromEntries(agent.cookies),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '10.20.30.40',
      },
      payload: new URLSearchParams({
        email: 'samordnare@vanort.example',
        password: 'wrong',
        _csrf: agent.csrfToken!,
      }).toString(),
    });
    expect(res.statusCode).toBe(401);
  };

  const recordedAddresses = (t: TestApp) =>
    t.db.kysely.selectFrom('login_attempt').select('ip').distinct().execute();

  it('is not believed by default, even in production: a forged address counts for nothing', async () => {
    await failLogin(direct);
    const addresses = (await recordedAddresses(direct)).map((r) => r.ip);
    expect(addresses).toEqual(['127.0.0.1']);
  });

  it('is believed from a configured proxy', async () => {
    await failLogin(proxied);
    expect((await recordedAddresses(proxied)).map((r) => r.ip)).toContain('10.20.30.40');
  });
});

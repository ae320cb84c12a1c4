import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { TestAgent } from '../helpers/agent.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { DEMO_EMAIL, signedIn } from '../helpers/sign-in.ts';

describeEachDialect('response headers', (dialect) => {
  let t: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    prod = await buildTestApp(dialect, {
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://vanorter.example',
        COOKIE_SECRET: 'x'.repeat(40),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await prod.close();
  });

  it('never lets a browser or proxy keep a signed-in person’s page', async () => {
    const visitor = await t.app.inject({ url: '/cities/bergen' });
    expect(visitor.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const bergen = await signedIn(t.app, DEMO_EMAIL.bergen);
    for (const path of ['/', '/cities/bergen', '/account', '/workspace']) {
      const res = await bergen.get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('turns off browser features the portal never uses, on every response', async () => {
    for (const url of ['/', '/api/v1/cities', '/no-such-page', '/static/styles.css']) {
      const res = await t.app.inject({ url });
      expect(res.headers['permissions-policy'], url).toContain('camera=()');
      expect(res.headers['permissions-policy'], url).toContain('geolocation=()');
    }
  });

  it('lets other sites’ browser apps read the open API, never with cookies', async () => {
    const api = await t.app.inject({
      url: '/api/v1/cities',
      headers: { origin: 'https://data.example' },
    });
    expect(api.headers['access-control-allow-origin']).toBe('*');
    expect(api.headers['access-control-allow-credentials']).toBeUndefined();
    const page = await t.app.inject({ url: '/cities', headers: { origin: 'https://x.example' } });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks every cookie Secure in production', async () => {
    const agent = new TestAgent(prod.app);
    const form = await prod.app.inject({ url: '/login' });
    const login = await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
    const flashed = await agent.post('/logout');
    const cookies = [...form.cookies, ...login.cookies, ...flashed.cookies];
    expect(cookies.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining(['vanort_session', 'flash']),
    );
    for (const c of cookies) expect(c.secure, c.name).toBe(true);
  });
});

describeEachDialect('CSRF before validation', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('refuses a forged request with 403 before its body is validated', async () => {
    const coordinator = await signedIn(t.app, DEMO_EMAIL.coordinator);
    // A session cookie but no CSRF token, and a body the route's schema would refuse.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      cookies: Object.fromEntries(coordinator.cookies),
      payload: { nonsense: true },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'CSRF_INVALID' });
  });
});

describeEachDialect('body limits', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const multipart = (size: number) => {
    const boundary = 'x-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    return {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(head), Buffer.alloc(size, 0x41), Buffer.from(tail)]),
    };
  };

  it('refuses a large multipart body to a route without uploads before reading it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/login', ...multipart(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toContain('<html lang="sv">');
  });

  it('refuses a body over twice the upload limit on a route that takes uploads', async () => {
    const clerk = await signedIn(t.app, DEMO_EMAIL.council);
    const res = await t.app.inject({
      method: 'POST',
      url: '/workspace/decisions/new',
      cookies: Object.fromEntries(clerk.cookies),
      ...multipart(54 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
  });
});

describeEachDialect('API rate limit', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { API_RATE_LIMIT: '20' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address passes the limit, and pages are not limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await t.app.inject({ url: '/api/v1/cities' })).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await t.app.inject({ url: '/api/v1/cities' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Another address is not affected, nor are the pages.
    const other = await t.app.inject({ url: '/api/v1/cities', remoteAddress: '127.0.0.2' });
    expect(other.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/cities' })).statusCode).toBe(200);
  });
});

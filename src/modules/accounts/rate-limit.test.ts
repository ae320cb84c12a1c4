import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
import { buildTestApp, type TestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { countRows } from '../../../test/helpers/rows.ts';

/**
 * The login, two-step code and reset forms are limited per address (issue 17.4):
 * LOGIN_RATE_LIMIT (20) and RESET_RATE_LIMIT (10) posts a minute, then 429 RATE_LIMITED
 * with Retry-After, before anything else is done.
 */

const sv = messagesOf('sv');
const en = messagesOf('en');

describeEachDialect('rate limits on the login and reset forms', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The defaults (20 and 10 a minute): test apps turn the limits off unless told.
    t = await buildTestApp(dialect, { env: { LOGIN_RATE_LIMIT: '', RESET_RATE_LIMIT: '' } });
  });
  afterAll(() => t.close());

  const count = (table: 'session' | 'mail_outbox') => countRows(t.db, table);

  /** A 429 of the catalogue's RATE_LIMITED: Retry-After within the minute, the page says so. */
  const expectRateLimited = (
    res: Awaited<ReturnType<TestAgent['post']>>,
    text = sv['error.rateLimited.text'],
  ) => {
    expect(res.statusCode).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(text);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  };

  it('answers the 21st login post a minute from one address with 429 and Retry-After, changing nothing', async () => {
    const agent = new TestAgent(t.app, { remoteAddress: '198.51.100.21' });
    await agent.get('/login');
    for (let i = 0; i < 20; i++) {
      // Forms without a password: refused (400) without a login attempt.
      const res = await agent.post('/login', { email: 'admin@vanort.example', password: '' });
      expect(res.statusCode).toBe(400);
    }
    const sessions = await count('session');
    const limited = await agent.post('/login', {
      email: 'admin@vanort.example',
      password: DEMO_PASSWORD,
    });
    expectRateLimited(limited);
    expect(await count('session')).toBe(sessions);
    // The page itself is not limited, and another address logs in as usual.
    expect((await agent.get('/login')).statusCode).toBe(200);
    const other = new TestAgent(t.app, { remoteAddress: '198.51.100.22' });
    expect((await other.login('admin@vanort.example', DEMO_PASSWORD)).statusCode).toBe(303);
  });

  it('says it in the language of the address', async () => {
    const agent = new TestAgent(t.app, { remoteAddress: '198.51.100.23' });
    agent.locale = 'en';
    await agent.get('/login');
    for (let i = 0; i < 20; i++) await agent.post('/login', { email: 'x@example.org' });
    expectRateLimited(
      await agent.post('/login', { email: 'x@example.org' }),
      en['error.rateLimited.text'],
    );
  });

  it('limits the two-step code form on a count of its own', async () => {
    const agent = new TestAgent(t.app, { remoteAddress: '198.51.100.24' });
    await agent.get('/login');
    for (let i = 0; i < 20; i++) {
      // No login waits for a code: sent back to the login page.
      expect((await agent.post('/login/mfa', { code: '123456' })).statusCode).toBe(303);
      await agent.get('/login');
    }
    expectRateLimited(await agent.post('/login/mfa', { code: '123456' }));
    // The login form's own count is untouched.
    expect((await agent.login('medarbetare@vanort.example', DEMO_PASSWORD)).statusCode).toBe(303);
  });

  it('answers the 11th reset request a minute from one address with 429 and sends nothing', async () => {
    const agent = new TestAgent(t.app, { remoteAddress: '198.51.100.25' });
    await agent.get('/reset');
    for (let i = 0; i < 10; i++) {
      expect((await agent.post('/reset', { email: 'not an address' })).statusCode).toBe(400);
    }
    const mails = await count('mail_outbox');
    expectRateLimited(await agent.post('/reset', { email: 'admin@vanort.example' }));
    expect(await count('mail_outbox')).toBe(mails);
    const other = new TestAgent(t.app, { remoteAddress: '198.51.100.26' });
    await other.get('/reset');
    expect((await other.post('/reset', { email: 'admin@vanort.example' })).statusCode).toBe(303);
    expect(await count('mail_outbox')).toBe(mails + 1);
  });
});

describeEachDialect('rate limits turned off', (dialect) => {
  const t = useTestApp(dialect, { env: { LOGIN_RATE_LIMIT: '0', RESET_RATE_LIMIT: '0' } });

  it('never answers 429 with LOGIN_RATE_LIMIT=0 and RESET_RATE_LIMIT=0', async () => {
    const agent = new TestAgent(t.app);
    await agent.get('/login');
    for (let i = 0; i < 30; i++) {
      expect((await agent.post('/login', { email: 'x@example.org' })).statusCode).toBe(400);
      expect((await agent.post('/reset', { email: 'not an address' })).statusCode).toBe(400);
    }
  });
});

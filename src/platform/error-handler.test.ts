import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { isDatabaseUnavailable } from './error-handler.tsx';

describe('error handler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', {
      extend: (app) => {
        app.get('/boom', { config: { permission: 'public' } }, () => {
          throw new Error('secret internals');
        });
        app.get('/api/v1/boom', { config: { permission: 'public' } }, () => {
          throw new Error('secret internals');
        });
      },
    });
  });
  afterAll(() => t.close());

  it('shows a Swedish 500 page with the request id and no internals', async () => {
    const res = await t.app.inject({ url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('<h1>Något gick fel</h1>');
    expect(res.body).toContain(
      `<code class="request-id">${String(res.headers['x-request-id'])}</code>`,
    );
    expect(res.body).not.toContain('secret internals');
  });

  it('answers API errors as JSON with a stable code and the request id', async () => {
    const res = await t.app.inject({
      url: '/api/v1/boom',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'An unexpected error occurred',
        requestId: 'trace-12345678',
      },
    });
  });

  it('refuses bodies it cannot read without a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cities',
      headers: { 'content-type': 'application/json' },
      payload: '{bad json',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('recognises a lost database connection', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
  });
});

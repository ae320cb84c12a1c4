import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { errorCodes, errorSpec } from '../../src/shared/errors.ts';
import { isDatabaseUnavailable } from '../../src/platform/error-handler.tsx';
import { i18nFor } from '../../src/platform/i18n/i18n.ts';
import { accountsErrors } from '../../src/modules/accounts/errors.ts';
import { collaborationsErrors } from '../../src/modules/collaborations/errors.ts';

const sv = i18nFor('sv').t;
const en = i18nFor('en').t;

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
        app.get('/closed', { config: { permission: 'public' } }, () => {
          throw collaborationsErrors.campaignClosed('c1');
        });
        app.get('/api/v1/closed', { config: { permission: 'public' } }, () => {
          throw collaborationsErrors.campaignClosed('c1');
        });
        app.get('/locked', { config: { permission: 'public' } }, () => {
          throw accountsErrors.tooManyAttempts(7);
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

  it('answers API errors as problem details with a stable code and the request id', async () => {
    const res = await t.app.inject({
      url: '/api/v1/boom?x=1',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toEqual({
      type: '/api/errors#INTERNAL',
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred',
      instance: '/api/v1/boom',
      code: 'INTERNAL',
      requestId: 'trace-12345678',
      error: {
        code: 'INTERNAL',
        message: 'An unexpected error occurred',
        requestId: 'trace-12345678',
      },
    });
    expect(res.body).not.toContain('secret internals');
  });

  it('takes the status and the title of a problem from the catalogue', async () => {
    const res = await t.app.inject({ url: '/api/v1/closed' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: '/api/errors#CAMPAIGN_CLOSED',
      title: en('errorCode.CAMPAIGN_CLOSED'),
      status: 409,
      detail: 'The campaign is closed; its answers are frozen',
      instance: '/api/v1/closed',
      code: 'CAMPAIGN_CLOSED',
      error: { code: 'CAMPAIGN_CLOSED', details: { id: 'c1' } },
    });
  });

  it('lists the field problems of a validation failure', async () => {
    const res = await t.app.inject({ url: '/api/v1/cities?status=sleeping' });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ problems: unknown; error: { details: { problems: unknown } } }>();
    expect(body).toMatchObject({ type: '/api/errors#VALIDATION_FAILED', status: 400 });
    expect(body.problems).toEqual([expect.objectContaining({ path: 'status' })]);
    expect(body.error.details.problems).toEqual(body.problems);
  });

  it('answers an unknown API path with NOT_FOUND problem details', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      type: '/api/errors#NOT_FOUND',
      title: 'Not found',
      instance: '/api/v1/nothing',
    });
  });

  it('publishes the catalogue at GET /api/errors, for everyone', async () => {
    const res = await t.app.inject({ url: '/api/errors' });
    expect(res.statusCode).toBe(200);
    const { data } = res.json<{ data: { code: string }[] }>();
    expect(data.map((e) => e.code)).toEqual(errorCodes());
    expect(data.find((e) => e.code === 'CITY_NOT_FOUND')).toEqual({
      code: 'CITY_NOT_FOUND',
      status: 404,
      title: 'City not found',
      description: errorSpec('CITY_NOT_FOUND').when,
    });
  });

  it("shows the catalogue entry's page title and text, in the visitor's language", async () => {
    const res = await t.app.inject({ url: '/closed' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(`<h1>${sv('error.conflict.title')}</h1>`);
    expect(res.body).toContain(sv('error.campaignClosed.text'));
    expect(res.body).not.toContain('request-id');
    const english = await t.app.inject({ url: '/en/closed' });
    expect(english.body).toContain(`<h1>${en('error.conflict.title')}</h1>`);
  });

  it("fills the page text's placeholders from the details", async () => {
    const res = await t.app.inject({ url: '/locked' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain(`<h1>${sv('error.tooMany.title')}</h1>`);
    expect(res.body).toContain('spärrad i 7 minuter');
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

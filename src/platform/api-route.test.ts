import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes, problemStatuses, type ApiRouteSpec } from './api-route.ts';

const spec = (
  more: Partial<ApiRouteSpec<unknown, unknown, unknown, unknown>>,
): ApiRouteSpec<unknown, unknown, unknown, unknown> => ({
  permission: 'public',
  tags: ['probe'],
  operationId: 'probe',
  summary: 'A probe',
  response: z.object({}),
  ...more,
});

describe('problemStatuses', () => {
  it.each([
    ['an open route without input', {}, []],
    ['a query', { query: z.object({}) }, [400]],
    ['a record in the path', { params: z.object({ id: z.string() }) }, [404]],
    ['any signed-in user', { permission: 'authenticated' as const }, [401]],
    ['a role and a body', { permission: 'council' as const, body: z.object({}) }, [400, 401, 403]],
    [
      'listed codes, in status order',
      { errors: ['EDIT_CONFLICT' as const, 'NOT_FOUND' as const] },
      [404, 409],
    ],
  ])('follow from what a route declares: %s', (_, more, statuses) => {
    expect(problemStatuses(spec(more))).toEqual(statuses);
  });
});

describe('apiRoutes defaults', () => {
  it('give each route what it does not say itself; a route may say otherwise', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    const added: { url: string; config: unknown; tags: unknown; statuses: string[] }[] = [];
    app.addHook('onRoute', (r) => {
      const schema = r.schema as { tags?: unknown; response?: Record<string, unknown> };
      added.push({
        url: r.url,
        config: r.config,
        tags: schema.tags,
        statuses: Object.keys(schema.response ?? {}),
      });
    });
    const route = apiRoutes(app, { permission: 'public', pageCache: true, tags: ['probes'] });
    const own = { operationId: 'probe', summary: 'A probe', response: z.object({}) };
    route.get('/taking', own, async () => ({}));
    route.post(
      '/overriding',
      { ...own, permission: 'council', pageCache: false, tags: ['other'] },
      async () => ({}),
    );
    // @ts-expect-error without a default permission each route must give its own
    apiRoutes(app, { tags: ['probes'] }).get('/none', own, async () => ({}));
    await app.close();

    const at = (url: string) => added.find((r) => r.url === url);
    expect(at('/taking')).toEqual({
      url: '/taking',
      config: { permission: 'public', pageCache: true },
      tags: ['probes'],
      statuses: ['200'],
    });
    expect(at('/overriding')).toEqual({
      url: '/overriding',
      config: { permission: 'council' },
      tags: ['other'],
      statuses: ['200', '401', '403'],
    });
  });
});

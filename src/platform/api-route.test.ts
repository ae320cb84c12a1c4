import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemStatuses, type ApiRouteSpec } from './api-route.ts';

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

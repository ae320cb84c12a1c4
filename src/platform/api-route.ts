import type {
  ContextConfigDefault,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSpec, type ErrorCode } from '../shared/errors.ts';
import type { Permission } from './permissions.ts';
import { problemResponses } from './problem-details.ts';

/**
 * What an API route declares: who may call it, what it is in the OpenAPI document, what it
 * takes and what it answers. The problem responses follow from it (see `problemStatuses`).
 */
export interface ApiRouteSpec<P, Q, B, R> {
  permission: Permission;
  /** Anonymous answers are stored in the page cache (src/platform/page-cache.ts). */
  pageCache?: boolean;
  tags: string[];
  /** The operation's own security, where the permission does not say it (src/platform/openapi.ts). */
  security?: Record<string, string[]>[];
  operationId: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer when all goes well: a schema, or a whole response object (e.g. CSV). */
  response: R;
  /** Its status: 200 unless given. */
  status?: 200 | 201;
  /** The codes the route answers with beyond those its declaration implies. */
  errors?: ErrorCode[];
}

/**
 * The statuses a route answers with problem details, from what it declares: 400 for a body or
 * query that fails validation, 401 without a token and 403 for another role (401 only where any
 * signed-in user may call it), 404 for an unknown record in its path, and the status of each
 * code it lists.
 */
export function problemStatuses(spec: ApiRouteSpec<unknown, unknown, unknown, unknown>): number[] {
  const statuses = new Set<number>();
  if (spec.query || spec.body) statuses.add(400);
  if (spec.permission !== 'public') statuses.add(401);
  if (spec.permission !== 'public' && spec.permission !== 'authenticated') statuses.add(403);
  if (spec.params) statuses.add(404);
  for (const code of spec.errors ?? []) statuses.add(errorSpec(code).status);
  return [...statuses].sort((a, b) => a - b);
}

interface Schema<P, Q, B, R> {
  tags: string[];
  security?: Record<string, string[]>[];
  operationId: string;
  summary: string;
  description?: string;
  params: P;
  querystring: Q;
  body: B;
  response: Record<200 | 201, R>;
}

type Handler<P, Q, B, R> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  Schema<P, Q, B, R>,
  ZodTypeProvider
>;

type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyInstance['log'],
  ZodTypeProvider
>;

/** Registers one API route of `app` from its declaration. */
function addRoute<P, Q, B, R>(
  app: ZodApp,
  method: 'GET' | 'POST',
  url: string,
  spec: ApiRouteSpec<P, Q, B, R>,
  handler: Handler<P, Q, B, R>,
): void {
  const schema = Object.fromEntries(
    Object.entries({
      tags: spec.tags,
      security: spec.security,
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
      params: spec.params,
      querystring: spec.query,
      body: spec.body,
      response: {
        [spec.status ?? 200]: spec.response,
        ...problemResponses(...problemStatuses(spec)),
      },
    }).filter(([, value]) => value !== undefined),
  );
  app.route({
    method,
    url,
    config: { permission: spec.permission, ...(spec.pageCache ? { pageCache: true } : {}) },
    schema: schema as unknown as Schema<P, Q, B, R>,
    handler,
  });
}

/** What the routes of one API file share: each route may say otherwise. */
export type RouteDefaults = Partial<
  Pick<
    ApiRouteSpec<unknown, unknown, unknown, unknown>,
    'permission' | 'pageCache' | 'tags' | 'security'
  >
>;

/** A route's declaration under `defaults`: what they give it may leave out. */
export type RouteSpec<P, Q, B, R, D extends RouteDefaults> = Omit<
  ApiRouteSpec<P, Q, B, R>,
  'permission' | 'tags'
> &
  Partial<Pick<ApiRouteSpec<P, Q, B, R>, 'permission' | 'tags'>> &
  Omit<Pick<ApiRouteSpec<P, Q, B, R>, 'permission' | 'tags'>, keyof D>;

/**
 * `const route = apiRoutes(app, defaults)`, then `route.get(url, spec, handler)` as with
 * `app.get`; `defaults` (the file's tag, the permission its routes share, …) apply to each
 * route that does not give its own.
 */
export function apiRoutes<D extends RouteDefaults = Record<never, never>>(
  app: ZodApp,
  defaults?: D,
) {
  const withDefaults = <P, Q, B, R>(spec: RouteSpec<P, Q, B, R, D>) =>
    ({ ...defaults, ...spec }) as ApiRouteSpec<P, Q, B, R>;
  return {
    get: <P = undefined, Q = undefined, R = unknown>(
      url: string,
      spec: RouteSpec<P, Q, undefined, R, D>,
      handler: Handler<P, Q, undefined, R>,
    ) => addRoute(app, 'GET', url, withDefaults(spec), handler),
    post: <P = undefined, B = undefined, R = unknown>(
      url: string,
      spec: RouteSpec<P, undefined, B, R, D>,
      handler: Handler<P, undefined, B, R>,
    ) => addRoute(app, 'POST', url, withDefaults(spec), handler),
  };
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth.ts';
import { ALL_LOCALES } from './i18n/locales.ts';

export const OPENAPI_INFO = {
  title: 'Vänortsportalen API',
  version: '1.0.0',
  description:
    "Open data about the City of Gothenburg's twin cities (Aarhus, Bergen, Turku) and the Nordic twin-city chain. " +
    'Every public list is here as JSON and as CSV; the datasets, their licences and the ' +
    'DCAT-AP-SE catalogue for data portals are listed at [/datasets](/datasets).',
};

/** The part of an OpenAPI document the language description reads and writes. */
interface OpenApiDocument {
  components?: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown> | undefined>;
}

interface Operation {
  parameters?: unknown[];
  responses?: Record<string, { headers?: Record<string, unknown> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * How a caller chooses the language of the API (decision 014; src/platform/i18n/plugin.ts):
 * described once as components, and referred to by every /api/v1 operation.
 */
export const LANGUAGE_COMPONENTS = {
  parameters: {
    lang: {
      name: 'lang',
      in: 'query',
      required: false,
      description:
        'The language of translated fields (the `localized` members): it takes precedence ' +
        'over `Accept-Language`. Another value is ignored (no error).',
      schema: { type: 'string', enum: ALL_LOCALES },
    },
    acceptLanguage: {
      name: 'Accept-Language',
      in: 'header',
      required: false,
      description:
        'The language of translated fields when `lang` is not given: the best of sv, en, da, ' +
        'nb (also `no` and `nn`) and fi; Swedish when none fits.',
      schema: { type: 'string' },
      example: 'nb, en;q=0.8',
    },
  },
  headers: {
    contentLanguage: {
      description:
        'The language of the response: `lang`, else the choice of `Accept-Language`, else ' +
        '`sv`. A translated field without a translation is in Swedish and says so (`lang: sv`).',
      schema: { type: 'string', enum: ALL_LOCALES },
    },
  },
} as const;

/** Gives every /api/v1 operation the language parameters and every response `Content-Language`. */
export function describeLanguages<T extends OpenApiDocument>(document: T): T {
  const components = document.components ?? {};
  const section = (name: keyof typeof LANGUAGE_COMPONENTS) => ({
    ...(components[name] as object | undefined),
    ...LANGUAGE_COMPONENTS[name],
  });
  const paths: Record<string, Record<string, unknown> | undefined> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item || !path.startsWith('/api/v1/')) {
      paths[path] = item;
      continue;
    }
    const described: Record<string, unknown> = { ...item };
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      described[method] = {
        ...operation,
        parameters: [
          ...(operation.parameters ?? []),
          { $ref: '#/components/parameters/lang' },
          { $ref: '#/components/parameters/acceptLanguage' },
        ],
        responses: Object.fromEntries(
          Object.entries(operation.responses ?? {}).map(([status, response]) => [
            status,
            {
              ...response,
              headers: {
                ...response.headers,
                'Content-Language': { $ref: '#/components/headers/contentLanguage' },
              },
            },
          ]),
        ),
      };
    }
    paths[path] = described;
  }
  return {
    ...document,
    components: {
      ...components,
      parameters: section('parameters'),
      headers: section('headers'),
    },
    paths,
  };
}

/**
 * How a caller proves who it is (src/platform/auth.ts). A personal API token is the way for
 * programs; a browser's session cookie also works, but a write with it needs the form's
 * CSRF token as well, so the writes declare the token only.
 */
export const SECURITY_SCHEMES = {
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'vpt_…',
    description:
      'A personal API token (`Authorization: Bearer vpt_…`), created by the user at ' +
      '/account/tokens: it acts with its user’s roles until it expires or is revoked. An ' +
      'unknown, expired or revoked token is refused with 401 INVALID_TOKEN on every route, ' +
      'the open ones too.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session of a browser signed in to the portal (set by /login). Reading only: a ' +
      'write with the cookie also needs the CSRF token of a form, so programs use an API token.',
  },
} as const;

type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

/**
 * The security of an operation: a route's own `schema.security` (e.g. open, but a token
 * shows more: `[{}, { apiToken: [] }]`), else from its permission: open for `public`;
 * otherwise the token, and for reads also the session.
 */
export function operationSecurity(route: {
  method: string | string[];
  config?: { permission?: string } | undefined;
  schema?: { security?: unknown } | undefined;
}): SecurityRequirement[] {
  if (route.schema?.security) return route.schema.security as SecurityRequirement[];
  const permission = route.config?.permission;
  if (permission === undefined || permission === 'public') return [];
  const reads = [route.method].flat().every((m) => m === 'GET' || m === 'HEAD');
  return reads ? [{ apiToken: [] }, { session: [] }] : [{ apiToken: [] }];
}

/** Declares the security schemes and gives every operation its `security` (see above). */
function transformRoute(input: Parameters<typeof jsonSchemaTransform>[0]) {
  const result = jsonSchemaTransform(input);
  if (!result.schema || (result.schema as { hide?: boolean }).hide) return result;
  const route = (input as { route?: Parameters<typeof operationSecurity>[0] }).route;
  return {
    ...result,
    schema: { ...result.schema, security: route ? operationSecurity(route) : [] },
  };
}

/** The OpenAPI document at /api/openapi.json and the browsable docs at /api/docs. */
export async function registerOpenApi(
  app: FastifyInstance,
  markPublic: (scope: FastifyInstance) => void,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: '/' }],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'cities', description: 'The twin-city registry' },
        {
          name: 'decisions',
          description: 'Council decisions and proposals on twin and partner cities',
        },
        { name: 'accounts', description: 'The calling user (Bearer API token)' },
        { name: 'meetings', description: 'Twin-city meetings and the host rotation' },
        {
          name: 'collaborations',
          description: "Administrations' and companies' collaborations with the twin cities",
        },
        {
          name: 'exchanges',
          description: 'Public experience exchanges with the twin cities (open data)',
        },
        { name: 'news', description: "The City Executive Office's published news (open data)" },
        {
          name: 'reports',
          description: 'Published evaluation reports after the meetings Gothenburg hosts (P10)',
        },
        {
          name: 'errors',
          description: 'The error catalogue: every code an API problem (RFC 9457) can carry',
        },
      ],
    },
    transform: transformRoute,
    transformObject: (document) =>
      describeLanguages(jsonSchemaTransformObject(document) as OpenApiDocument),
    hideUntagged: true,
  });
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) => reply.type('application/json; charset=utf-8').send(app.swagger()),
  );
  await app.register(async (scope) => {
    markPublic(scope);
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: false },
    });
  });
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/helpers/test-app.ts';
import { ALL_LOCALES } from './i18n/locales.ts';
import { operationSecurity } from './openapi.ts';

describe('OpenAPI document', () => {
  it('matches the committed docs/openapi.json (run `npm run openapi` after changing the API)', async () => {
    const t = await buildTestApp('sqlite', { demo: false });
    try {
      const res = await t.app.inject({ url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const committed: unknown = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
      expect(res.json()).toEqual(committed);
      expect(Object.keys(res.json<{ paths: object }>().paths)).toEqual([
        '/api/errors',
        '/api/v1/cities',
        '/api/v1/cities/{slug}',
        '/api/v1/decisions',
        '/api/v1/decisions/{id}',
        '/api/v1/proposals',
        '/api/v1/me',
        '/api/v1/rotation',
        '/api/v1/collaborations',
        '/api/v1/collaborations.csv',
        '/api/v1/collaborations/{id}',
        '/api/v1/reports',
        '/api/v1/reports/{id}',
        '/api/v1/evaluations/{id}/figures',
        '/api/v1/cities.csv',
        '/api/v1/decisions.csv',
        '/api/v1/meetings',
        '/api/v1/meetings.csv',
        '/api/v1/exchanges',
        '/api/v1/exchanges.csv',
        '/api/v1/news',
        '/api/v1/news.csv',
      ]);
    } finally {
      await t.close();
    }
  });

  it('describes the language once and applies it to every /api/v1 operation', () => {
    interface Operation {
      parameters?: unknown[];
      responses: Record<string, { headers?: Record<string, unknown> }>;
    }
    const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
      components: {
        parameters: Record<string, { name: string; in: string; schema: { enum?: string[] } }>;
        headers: Record<string, { schema: { enum?: string[] } }>;
      };
      paths: Record<string, Record<string, Operation>>;
    };
    const { parameters, headers } = document.components;
    expect(parameters.lang).toMatchObject({ name: 'lang', in: 'query', required: false });
    expect(parameters.lang?.schema.enum).toEqual(ALL_LOCALES);
    expect(parameters.acceptLanguage).toMatchObject({ name: 'Accept-Language', in: 'header' });
    expect(headers.contentLanguage?.schema.enum).toEqual(ALL_LOCALES);
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => [`${method} ${path}`, op] as const),
      );
    expect(operations.length).toBeGreaterThanOrEqual(11);
    for (const [name, operation] of operations) {
      expect(operation.parameters, name).toEqual(
        expect.arrayContaining([
          { $ref: '#/components/parameters/lang' },
          { $ref: '#/components/parameters/acceptLanguage' },
        ]),
      );
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.headers?.['Content-Language'], `${name} ${status}`).toEqual({
          $ref: '#/components/headers/contentLanguage',
        });
      }
    }
    // Other parts of the API keep their own description.
    expect(JSON.stringify(document.paths['/api/errors'])).not.toContain('contentLanguage');
  });

  it('serves the browsable docs', async () => {
    const t = await buildTestApp('sqlite', { demo: false });
    try {
      const res = await t.app.inject({ url: '/api/docs/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('swagger');
    } finally {
      await t.close();
    }
  });

  it('declares how a caller signs in, and the security of every operation', () => {
    interface Operation {
      security?: Record<string, string[]>[];
    }
    const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
      components: { securitySchemes?: Record<string, Record<string, string>> };
      paths: Record<string, Record<string, Operation>>;
    };
    const schemes = document.components.securitySchemes ?? {};
    expect(schemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'vanort_session' });
    const security = Object.fromEntries(
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => [`${method} ${path}`, op.security]),
      ),
    );
    // Every operation says it (Redocly's `security-defined`); the open ones with [].
    for (const [name, requirement] of Object.entries(security))
      expect(requirement, name).toBeDefined();
    expect(security['get /api/v1/cities']).toEqual([]);
    expect(security['get /api/errors']).toEqual([]);
    expect(security['get /api/v1/me']).toEqual([{ apiToken: [] }, { session: [] }]);
    // Writes take the token only: a session would also need a form's CSRF token.
    expect(security['post /api/v1/decisions']).toEqual([{ apiToken: [] }]);
    expect(security['post /api/v1/proposals']).toEqual([{ apiToken: [] }]);
    // Open, but a token of a user with a role sees internal collaborations too.
    expect(security['get /api/v1/collaborations']).toEqual([{}, { apiToken: [] }, { session: [] }]);
    // Every scheme an operation names is declared.
    for (const requirement of Object.values(security).flat())
      for (const scheme of Object.keys(requirement ?? {})) expect(schemes).toHaveProperty(scheme);
  });

  it('derives an operation’s security from its permission unless the route says it', () => {
    expect(operationSecurity({ method: 'GET', config: { permission: 'public' } })).toEqual([]);
    expect(operationSecurity({ method: 'GET', config: { permission: 'authenticated' } })).toEqual([
      { apiToken: [] },
      { session: [] },
    ]);
    expect(operationSecurity({ method: 'POST', config: { permission: 'council' } })).toEqual([
      { apiToken: [] },
    ]);
    expect(
      operationSecurity({
        method: 'GET',
        config: { permission: 'public' },
        schema: { security: [{}, { apiToken: [] }] },
      }),
    ).toEqual([{}, { apiToken: [] }]);
  });
});

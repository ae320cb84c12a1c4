import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/helpers/test-app.ts';
import { ALL_LOCALES } from './i18n/locales.ts';

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
});

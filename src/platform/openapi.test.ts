import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/helpers/test-app.ts';

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

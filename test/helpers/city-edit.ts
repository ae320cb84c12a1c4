import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_EMAIL, signedIn } from './sign-in.ts';

/**
 * A coordinator changes Bergen's population through the workspace form (a real write that
 * changes public pages: the city page, the city list, the API).
 */
export async function editPopulation(app: FastifyInstance, population: number): Promise<void> {
  const coordinator = await signedIn(app, DEMO_EMAIL.coordinator);
  const form = await coordinator.get('/workspace/cities/bergen');
  expect(form.statusCode).toBe(200);
  const fields: Record<string, string> = {};
  for (const m of form.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    if (m[1] === '_csrf') continue;
    fields[m[1]!] = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
  }
  for (const m of form.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[m[1]!] = m[2]!;
  }
  for (const [k, v] of Object.entries(fields)) {
    fields[k] = v
      .replaceAll('&amp;', '&')
      .replaceAll('&quot;', '"')
      .replace(/&#39;|&#x27;/g, "'");
  }
  const saved = await coordinator.post('/workspace/cities/bergen', {
    ...fields,
    population: String(population),
  });
  expect(saved.statusCode).toBe(303);
}

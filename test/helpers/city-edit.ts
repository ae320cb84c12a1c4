import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { postCityForm } from './city-fixtures.ts';
import { DEMO_EMAIL, signedIn } from './sign-in.ts';

/**
 * A coordinator changes Bergen's population through the workspace form (a real write that
 * changes public pages: the city page, the city list, the API).
 */
export async function editPopulation(app: FastifyInstance, population: number): Promise<void> {
  const coordinator = await signedIn(app, DEMO_EMAIL.coordinator);
  const saved = await postCityForm(coordinator, 'bergen', { population: String(population) });
  expect(saved.statusCode).toBe(303);
}

import type { Insertable } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { TestAgent } from './agent.ts';

// For the tests of the city facts forms (coordinators' and partner contacts').

/** Every field of a city's form as the GET shows it, so a test changes only what it names. */
export async function formOf(agent: TestAgent, slug: string): Promise<Record<string, string>> {
  const res = await agent.get(`/workspace/cities/${slug}`);
  expect(res.statusCode).toBe(200);
  const fields: Record<string, string> = {};
  for (const m of res.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    if (m[1] === '_csrf') continue;
    fields[m[1]!] = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
  }
  for (const m of res.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[m[1]!] = m[2]!;
  }
  // The page escapes text; the test posts what a browser would send.
  for (const [k, v] of Object.entries(fields))
    fields[k] = v
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"');
  return fields;
}

/**
 * Posts a city's form as the agent's GET shows it, with `changes` typed over it (as a person
 * edits only some fields); returns the answer.
 */
export async function postCityForm(
  agent: TestAgent,
  slug: string,
  changes: Record<string, string> = {},
) {
  return agent.post(`/workspace/cities/${slug}`, { ...(await formOf(agent, slug)), ...changes });
}

type CityRow = Insertable<Database['city']>;

/**
 * A city's row for inserting straight into the database (no form, no audit): an active
 * Norwegian twin city since 1946 without facts, but for what `values` give.
 */
export function cityRow(values: Partial<CityRow> & Pick<CityRow, 'id' | 'slug'>): CityRow {
  return {
    kind: 'twin',
    status: 'active',
    country_code: 'NO',
    region: null,
    latitude: null,
    longitude: null,
    population: null,
    website: null,
    since_year: 1946,
    created_at: 'now',
    updated_at: 'now',
    ...values,
  };
}

import { expect } from 'vitest';
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

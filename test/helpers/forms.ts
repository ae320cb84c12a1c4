import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestAgent } from './agent.ts';

/** An answer with this status whose body holds every given text. */
export function expectPage(
  res: LightMyRequestResponse,
  status: number,
  texts: readonly string[],
): void {
  expect(res.statusCode).toBe(status);
  for (const text of texts) expect(res.body).toContain(text);
}

/**
 * A form refused with 400 (the form home re-rendered it): the page holds every given text,
 * e.g. the field messages, their links (`href="#field"`) and the values kept.
 */
export function expectRefused(res: LightMyRequestResponse, texts: readonly string[]): void {
  expectPage(res, 400, texts);
}

/** A form accepted: 303 to the given address (the flash message waits there). */
export function expectRedirect(res: LightMyRequestResponse, location: string): void {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(location);
}

/**
 * Posts every body to every address as a person would (opening `formPage` first, for its CSRF
 * token) and lists the answers that went wrong, as `address body → status`: by default a
 * server error; `wrong` may add more (e.g. 200 where every body must be refused). Empty when
 * all were answered well.
 */
export async function oddPostFailures(
  agent: TestAgent,
  formPage: string,
  urls: readonly string[],
  bodies: readonly Record<string, string | string[]>[],
  wrong: (status: number) => boolean = (status) => status >= 500,
): Promise<string[]> {
  const failures: string[] = [];
  for (const url of urls)
    for (const body of bodies) {
      await agent.get(formPage);
      const res = await agent.post(url, body);
      if (wrong(res.statusCode))
        failures.push(`${url} ${JSON.stringify(body).slice(0, 60)} → ${res.statusCode}`);
    }
  return failures;
}

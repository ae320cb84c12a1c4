import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

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

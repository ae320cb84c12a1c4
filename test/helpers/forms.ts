import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * A form refused with 400 (the form home re-rendered it): the page holds every given text,
 * e.g. the field messages, their links (`href="#field"`) and the values kept.
 */
export function expectRefused(res: LightMyRequestResponse, texts: readonly string[]): void {
  expect(res.statusCode).toBe(400);
  for (const text of texts) expect(res.body).toContain(text);
}

import type { FastifyInstance } from 'fastify';
import { errors } from '../shared/errors.ts';

/** Whether a parsed value (string, array, object; Buffers skipped) holds a NUL character. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value))
    return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/**
 * Refuses any request whose path parameters, query or body carry a NUL character, before
 * a handler sees it. No text a person types contains one, and PostgreSQL rejects it in
 * text columns (SQLite would store it): answering 400 here keeps both dialects alike and
 * turns what would be a database error into a clear "bad request".
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw errors.badRequest('The request contains a NUL character', {
        reason: 'nul-character',
      });
    }
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
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
 * Whether an HTML form's body holds a NUL character the form itself does not read and
 * report: in a field's name, or in an uploaded file's name or type. The fields' values
 * (strings, lists of strings) are left to the form: `readForm` refuses a control
 * character at its field, on the form's own page, with the rest of the input kept.
 */
export function formBodyContainsNul(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  return Object.entries(body).some(
    ([name, value]) =>
      name.includes('\u0000') ||
      [value].flat().some((v) => typeof v !== 'string' && containsNul(v)),
  );
}

/** An HTML form's post (urlencoded or multipart) to a page, not to the JSON API. */
const isPageForm = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') &&
  /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(
    request.headers['content-type'] ?? '',
  );

/**
 * Refuses any request whose path parameters, query or body carry a NUL character, before
 * a handler sees it. No text a person types contains one, and PostgreSQL rejects it in
 * text columns (SQLite would store it): answering 400 here keeps both dialects alike and
 * turns what would be a database error into a clear "bad request" (problem+json for the
 * API). The values of an HTML form's fields are the exception: the form refuses them itself
 * (src/platform/forms.ts), with a message at the field on the same page.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = isPageForm(request)
      ? formBodyContainsNul(request.body)
      : containsNul(request.body);
    if (containsNul(request.params) || containsNul(request.query) || body) {
      throw errors.badRequest('The request contains a NUL character', {
        reason: 'nul-character',
      });
    }
  });
}

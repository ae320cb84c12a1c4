import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errors, errorSpec } from '../shared/errors.ts';
import { ErrorPage } from '../ui/views/error-page.tsx';
import { i18nFor } from './i18n/i18n.ts';
import { PROBLEM_MEDIA_TYPE, problemDetails } from './problem-details.ts';
import { pageContext, sendPage } from './render.ts';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api';
}

/** Maps anything thrown to an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return errors.databaseUnavailable();
  const fe = error as Partial<FastifyError> & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return errors.validation(
      error.validation.map((v) => ({
        path:
          [v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('.') ||
          String((v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ?? ''),
        message: v.message ?? 'invalid',
      })),
    );
  }
  if (typeof fe.code === 'string' && fe.code.startsWith('FST_CSRF')) return errors.csrfInvalid();
  if (fe.validation) {
    return errors.validation([{ path: '', message: fe.message ?? 'invalid' }]);
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413) return errors.payloadTooLarge();
  if (status === 415) return errors.unsupportedMediaType();
  if (status >= 400 && status < 500) return errors.badRequest(fe.message ?? 'Bad request');
  return errors.internal();
}

/** Placeholders of a page text (`{slug}`, `{minutes}`) filled from the error's details. */
function pageParams(details: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  if (isApiRequest(request)) {
    return reply
      .status(appError.status)
      .type(`${PROBLEM_MEDIA_TYPE}; charset=utf-8`)
      .send(problemDetails(appError, request));
  }
  // request.i18n is set in onRequest; errors raised before it (e.g. a bad URL) use Swedish.
  // A signed-in person keeps their header on an error page: "Logga ut" needs a CSRF token.
  const ctx = {
    ...pageContext(request),
    i18n: request.i18n ?? i18nFor('sv'),
    csrfToken: request.user ? csrfTokenFor(reply) : null,
  };
  const { page } = errorSpec(appError.code);
  return sendPage(
    reply,
    <ErrorPage
      ctx={ctx}
      title={ctx.i18n.tDynamic(page.title)}
      text={ctx.i18n.tDynamic(page.text, pageParams(appError.details))}
      requestId={appError.status >= 500 ? request.id : undefined}
      languages={appError.status === 404}
    />,
    appError.status,
  );
}

/** A CSRF token for the error page's logout form, or none when the reply cannot make one. */
function csrfTokenFor(reply: FastifyReply): string | null {
  try {
    return reply.generateCsrf();
  } catch {
    return null;
  }
}

/** The one error handler: also used for Fastify's framework errors (e.g. a malformed URL). */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.reportable) {
    request.log.error({ err: error, code: appError.code }, 'request failed');
  } else {
    request.log.info({ code: appError.code, status: appError.status }, appError.message);
  }
  return sendError(request, reply, appError);
}

/** One error handler and one not-found handler for the whole app. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);

  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      errors.routeNotFound(request.method, request.url.split('?')[0] ?? ''),
    ),
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A PostgreSQL connection failure (server down or restarting), as opposed to a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // pg's own errors carry no code: a connection lost mid-query, one that cannot connect, or
  // (a transaction's rollback on a connection that just broke) one no longer queryable.
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error and is not queryable/.test(
    error.message,
  );
}

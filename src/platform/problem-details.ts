import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type AppError,
  errorCodes,
  errorSpec,
  type ErrorCode,
  type FieldProblem,
} from '../shared/errors.ts';
import { i18nFor } from './i18n/i18n.ts';

/** The media type of every API error (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Where a code is described: a relative reference into `GET /api/errors`. */
export const problemType = (code: ErrorCode): string => `/api/errors#${code}`;

const english = i18nFor('en');

/** The English title of a code: the problem's `title` and the catalogue's in `GET /api/errors`. */
export const errorTitle = (code: ErrorCode): string => english.tDynamic(errorSpec(code).title);

/**
 * The schema of a code: an enum of the whole catalogue. Made on first use, when routes are
 * registered: the modules' codes join the catalogue when the registry loads, after this file.
 */
export const errorCodeJson = once(() =>
  z.enum(errorCodes() as [ErrorCode, ...ErrorCode[]]).meta({
    id: 'ErrorCode',
    description: 'A stable error code; the list is at GET /api/errors',
    example: 'CITY_NOT_FOUND',
  }),
);

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const fieldProblemJson = z
  .object({
    path: z.string().describe('The field, dotted for nested ones; empty for the whole request'),
    message: z.string().describe('What is wrong, in English'),
    code: z.string().optional().describe('A stable key for the message, where there is one'),
  })
  .meta({ id: 'FieldProblem' });

/** A text member of the problem: what it says, and an example. */
const text = (description: string, example: string) =>
  z.string().describe(description).meta({ example });

/** RFC 9457 problem details, with the deprecated `error` member of the earlier shape. */
export const problemJson = once(() =>
  z
    .object({
      type: text(
        'A relative URI reference to the description of the code',
        '/api/errors#CITY_NOT_FOUND',
      ),
      title: text(
        'A short English summary of the code; the same for every occurrence',
        'City not found',
      ),
      status: z.number().int().describe('The HTTP status code').meta({ example: 404 }),
      detail: text('An English explanation of this occurrence', 'No city with the slug "oslo"'),
      instance: text('The path of the request that failed', '/api/v1/cities/oslo'),
      code: errorCodeJson(),
      requestId: z.string().describe('The request id, as in the x-request-id header and the logs'),
      problems: z
        .array(fieldProblemJson)
        .optional()
        .describe('VALIDATION_FAILED only: each field and what is wrong with it'),
      error: z
        .object({
          code: errorCodeJson(),
          message: z.string(),
          details: z.record(z.string(), z.unknown()).optional(),
          requestId: z.string(),
        })
        .describe(
          'Deprecated: the error shape before problem details, kept for existing clients. ' +
            'Use `code`, `detail`, `problems` and `requestId` instead.',
        )
        .meta({ deprecated: true }),
    })
    .meta({
      id: 'Problem',
      description: 'An error as RFC 9457 problem details (application/problem+json)',
    }),
);

export type Problem = z.infer<ReturnType<typeof problemJson>>;

/** A route's error response in the OpenAPI document: `response: { 404: problemResponse }`. */
export const problemResponse = {
  description: 'Problem details (RFC 9457); the codes are listed at GET /api/errors',
  content: {
    [PROBLEM_MEDIA_TYPE]: {
      get schema() {
        return problemJson();
      },
    },
  },
};

/** A route's error responses, one per status: `response: { 200: json, ...problemResponses(401, 403) }`. */
export function problemResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof problemResponse> {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse])) as Record<
    S,
    typeof problemResponse
  >;
}

/** The problem details of an AppError raised by `request`. */
export function problemDetails(appError: AppError, request: FastifyRequest): Problem {
  const hasDetails = Object.keys(appError.details).length > 0;
  return {
    type: problemType(appError.code),
    title: errorTitle(appError.code),
    status: appError.status,
    detail: appError.message,
    instance: request.url.split('?')[0] ?? '',
    code: appError.code,
    requestId: request.id,
    ...(appError.code === 'VALIDATION_FAILED'
      ? { problems: (appError.details.problems ?? []) as FieldProblem[] }
      : {}),
    error: {
      code: appError.code,
      message: appError.message,
      ...(hasDetails ? { details: appError.details } : {}),
      requestId: request.id,
    },
  };
}

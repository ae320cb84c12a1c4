/**
 * One error type and one catalog of factories. Every expected failure in the
 * product is an AppError with a stable `code`; the error handler turns it into
 * JSON (API), an HTML page, or a re-rendered form.
 */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    message: string,
    public readonly details: Record<string, unknown> = {},
    /** Reportable errors are logged at error level with a stack. */
    public readonly reportable = false,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface FieldProblem {
  path: string;
  message: string;
}

export const errors = {
  cityNotFound: (slug: string) =>
    new AppError('CITY_NOT_FOUND', 404, `No city with the slug "${slug}"`, { slug }),
  routeNotFound: (method: string, url: string) =>
    new AppError('NOT_FOUND', 404, `No such resource: ${method} ${url}`, { method, url }),
  validation: (problems: FieldProblem[]) =>
    new AppError('VALIDATION_FAILED', 400, 'The request is not valid', { problems }),
  badRequest: (message: string) => new AppError('BAD_REQUEST', 400, message),
  payloadTooLarge: () => new AppError('PAYLOAD_TOO_LARGE', 413, 'The request body is too large'),
  unsupportedMediaType: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'The request content type is not supported'),
  databaseUnavailable: () =>
    new AppError('DATABASE_UNAVAILABLE', 503, 'The database is not reachable', {}, true),
  demoDataInProduction: () =>
    new AppError(
      'DEMO_DATA_IN_PRODUCTION',
      409,
      'Demo data is never seeded when NODE_ENV=production',
    ),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 401, 'You need to log in'),
  invalidToken: () =>
    new AppError('INVALID_TOKEN', 401, 'The API token is unknown, expired or revoked'),
  forbidden: () => new AppError('FORBIDDEN', 403, 'You may not do this'),
  csrfInvalid: () =>
    new AppError('CSRF_INVALID', 403, 'The form has expired or did not come from this site'),
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail address or password'),
  tooManyAttempts: (minutes: number) =>
    new AppError(
      'TOO_MANY_ATTEMPTS',
      429,
      `Too many failed attempts; try again in ${minutes} minutes`,
      {
        minutes,
      },
    ),
  userNotFound: (id: string) => new AppError('USER_NOT_FOUND', 404, 'No such user', { id }),
  userExists: (email: string) =>
    new AppError('USER_EXISTS', 409, `A user with the e-mail address ${email} already exists`, {
      email,
    }),
  tokenInvalid: () => new AppError('TOKEN_INVALID', 400, 'The link is not valid'),
  tokenExpired: () => new AppError('TOKEN_EXPIRED', 410, 'The link has expired'),
  tokenUsed: () => new AppError('TOKEN_USED', 410, 'The link has already been used'),
  internal: () => new AppError('INTERNAL', 500, 'An unexpected error occurred', {}, true),
} as const;

export type ErrorCode = ReturnType<(typeof errors)[keyof typeof errors]>['code'];

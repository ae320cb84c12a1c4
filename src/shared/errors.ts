import type { MessageKey } from '../platform/i18n/catalogue.ts';

/**
 * The error catalogue: every error code the product uses, with its HTTP status, its
 * message keys, whether it is reportable and when it happens. The platform-wide codes are
 * below; each module declares its own in `src/modules/<m>/errors.ts` with `defineErrors`
 * and lists them in its descriptor (`errors`), and the registry joins them: into the
 * catalogue (`installErrorCatalogue`) and into the `ErrorCode` type (augmenting
 * `ErrorCodes`), so the platform names no module. An entry says its status, when it happens
 * and its message (and its page where the status's own does not fit); the rest is derived
 * (`errorSpecs`).
 * An `AppError` takes only a code from the catalogue (a typo
 * fails the type check), and its status and reportability come from it, so they cannot
 * disagree. The error handler turns an AppError into RFC 9457
 * problem details (API), an HTML page, or a re-rendered form; `GET /api/errors` and
 * docs/errors.md (`npm run errors:doc`) publish this list.
 */
export interface ErrorSpec {
  /** The HTTP status of every response with this code. */
  status: number;
  /** Reportable errors are logged at error level with a stack: something is wrong with us. */
  reportable: boolean;
  /** One sentence for developers and API clients: when it happens. */
  when: string;
  /** The default English message (the problem's `detail`) when the thrower gives none. */
  message: string;
  /** The short title of the code; its English text is the problem's `title`. */
  title: MessageKey;
  /** The title and text of the HTML error page (`{name}` placeholders come from details). */
  page: { title: MessageKey; text: MessageKey };
}

/** The HTML pages shared by several codes. */
export const ERROR_PAGES = {
  badRequest: { title: 'error.badRequest.title', text: 'error.badRequest.text' },
  tooLarge: { title: 'error.badRequest.title', text: 'error.tooLarge.text' },
  forbidden: { title: 'error.forbidden.title', text: 'error.forbidden.text' },
  csrf: { title: 'error.csrf.title', text: 'error.csrf.text' },
  notFound: { title: 'error.notFound.title', text: 'error.notFound.text' },
  conflict: { title: 'error.conflict.title', text: 'error.conflict.text' },
  link: { title: 'error.link.title', text: 'error.link.text' },
  tooMany: { title: 'error.tooMany.title', text: 'login.locked' },
  rateLimited: { title: 'errorCode.RATE_LIMITED', text: 'error.rateLimited.text' },
  server: { title: 'error.server.title', text: 'error.server.text' },
  unavailable: { title: 'error.unavailable.title', text: 'error.unavailable.text' },
} as const satisfies Record<string, ErrorSpec['page']>;

const PAGE = ERROR_PAGES;

/** The HTML page of each status the catalogue uses, unless an entry names another. */
const STATUS_PAGES = {
  400: PAGE.badRequest,
  401: PAGE.forbidden,
  403: PAGE.forbidden,
  404: PAGE.notFound,
  409: PAGE.conflict,
  410: PAGE.link,
  413: PAGE.tooLarge,
  415: PAGE.badRequest,
  429: PAGE.tooMany,
  500: PAGE.server,
  503: PAGE.unavailable,
} as const satisfies Record<number, ErrorSpec['page']>;

/**
 * One code as its `errors.ts` writes it. The rest of its spec is derived: the title key is
 * `errorCode.<CODE>`, it is reportable when the status is 500 or more, and its page is the
 * status's (STATUS_PAGES) unless `page` names another, or only another text under the
 * status's page title.
 */
export interface ErrorEntry {
  status: keyof typeof STATUS_PAGES;
  when: string;
  message: string;
  page?: ErrorSpec['page'] | { text: MessageKey };
  /**
   * How its factory makes the error (see `ErrorFactories`): `about` names the one detail it
   * takes (`errorAbout`); `cut` names the details it takes, in order, each a value that came
   * from the address, as text cut to that many characters; `make` turns its arguments into
   * a message (the entry's when none) and details; none of them: no details (`bareError`).
   */
  about?: string;
  cut?: Cut;
  make?: (...args: never[]) => { message?: string; details: Record<string, unknown> };
}

/** Details as `[key, max]`: each the factory's next argument, as text, cut to `max` characters. */
type Cut = readonly (readonly [key: string, max: number])[];

/** `CITY_NOT_FOUND` → `cityNotFound`: the name of a code's factory. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Rest}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Rest>>}`
  : Lowercase<S>;

const camelCase = (code: string): string =>
  code.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The factory of one entry: `make`'s arguments, the `cut` values, the `about` value, or none. */
type FactoryOf<E> = E extends { make: (...args: infer A) => unknown }
  ? (...args: A) => AppError
  : E extends { cut: infer C extends Cut }
    ? (...values: { [I in keyof C]: string | number }) => AppError
    : E extends { about: string }
      ? (value: string) => AppError
      : () => AppError;

/** The factories of a set of entries, one per code, named after it (`cityNotFound`). */
export type ErrorFactories<T> = {
  readonly [K in keyof T & string as CamelCase<K>]: FactoryOf<T[K]>;
};

/** The entries of `T`, each with its title key `errorCode.<CODE>` checked against the catalogue. */
type Entries<T> = {
  [K in keyof T]: ErrorEntry &
    (`errorCode.${K & string}` extends MessageKey
      ? unknown
      : { missingTitleKey: `errorCode.${K & string}` });
};

/** The specs of a set of entries (see `ErrorEntry` for what is derived). */
function errorSpecs<const T extends Record<string, ErrorEntry>>(
  entries: T & Entries<T>,
): ModuleErrorCodes<T> {
  const specs: Record<string, ErrorSpec> = {};
  for (const [code, { status, when, message, page }] of Object.entries<ErrorEntry>(entries)) {
    specs[code] = {
      status,
      reportable: status >= 500,
      when,
      message,
      title: `errorCode.${code}` as MessageKey,
      page: { ...STATUS_PAGES[status], ...page },
    };
  }
  return specs as ModuleErrorCodes<T>;
}

/** The platform-wide codes: requests, sessions, permissions, forms, uploads, the server. */
const PLATFORM_ERRORS = errorSpecs({
  BAD_REQUEST: {
    status: 400,
    when: 'The request cannot be read: a malformed body, URL or header, or a NUL character in any input (an HTML form refuses its own fields instead, at the field).',
    message: 'Bad request',
  },
  VALIDATION_FAILED: {
    status: 400,
    when: 'A field of the form, query string or body is missing or not valid; `problems` names each field and what is wrong.',
    message: 'The request is not valid',
  },
  UNAUTHENTICATED: {
    status: 401,
    when: 'The route needs a logged-in user or a Bearer API token and the request has neither.',
    message: 'You need to log in',
  },
  INVALID_TOKEN: {
    status: 401,
    when: 'The Bearer API token in the Authorization header is unknown, expired or revoked.',
    message: 'The API token is unknown, expired or revoked',
  },
  FORBIDDEN: {
    status: 403,
    when: "The user is known but neither the route's permission nor the policy lets their roles do this.",
    message: 'You may not do this',
  },
  CSRF_INVALID: {
    status: 403,
    when: 'A state-changing request with a session cookie lacks a valid CSRF token (an expired or forged form).',
    message: 'The form has expired or did not come from this site',
    page: PAGE.csrf,
  },
  NOT_FOUND: {
    status: 404,
    when: 'No route matches the method and path of the request.',
    message: 'No such resource',
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    when: 'A decision or meeting document is asked for that does not exist, or the decision has none.',
    message: 'No such document',
  },
  EDIT_CONFLICT: {
    status: 409,
    when: 'A record is saved from a form opened before someone else saved the same record (optimistic locking: the form carries the version it was opened at).',
    message: 'Someone else changed this record after the form was opened',
  },
  DEMO_DATA_IN_PRODUCTION: {
    status: 409,
    when: 'Demo data is to be seeded while NODE_ENV=production.',
    message: 'Demo data is never seeded when NODE_ENV=production',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: 'The request body or an uploaded file is larger than the limit.',
    message: 'The request body is too large',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'The request body has a content type the route does not read.',
    message: 'The request content type is not supported',
  },
  RATE_LIMITED: {
    status: 429,
    when: 'More requests from one address than the limit allows (the open API: API_RATE_LIMIT a minute; the login and two-step code forms: LOGIN_RATE_LIMIT; the reset-link form: RESET_RATE_LIMIT); `Retry-After` says when to try again.',
    message: 'Too many requests; try again later',
    page: PAGE.rateLimited,
  },
  INTERNAL: {
    status: 500,
    when: 'An unexpected error, i.e. a bug; it is logged with the request id, which the answer shows.',
    message: 'An unexpected error occurred',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    when: 'The database cannot be reached (PostgreSQL down or restarting, or not yet migrated at start).',
    message: 'The database is not reachable',
  },
});

/**
 * Every code of the app, as a type: the platform's, and the modules', which the registry
 * (src/modules/registry.ts) adds by module augmentation:
 * `declare module '../shared/errors.ts' { interface ErrorCodes extends ModuleErrorCodes<ModuleErrors> {} }`.
 */
export interface ErrorCodes extends ModuleErrorCodes<typeof PLATFORM_ERRORS> {}

/** The codes of a set of error specs, as `ErrorCodes` members. */
export type ModuleErrorCodes<T> = { readonly [K in keyof T]: ErrorSpec };

/** Every code in the catalogue; AppError takes nothing else. */
export type ErrorCode = Extract<keyof ErrorCodes, string>;

const catalogue = new Map<string, ErrorSpec>(Object.entries(PLATFORM_ERRORS));
let moduleOrder: string[] = [];

/** Adds specs to the catalogue; a code may be defined only once. */
function register(specs: Readonly<Record<string, ErrorSpec>>): void {
  for (const [code, spec] of Object.entries(specs)) {
    const known = catalogue.get(code);
    if (known !== undefined && known !== spec)
      throw new Error(`Error code ${code} is defined twice`);
  }
  for (const [code, spec] of Object.entries(specs)) catalogue.set(code, spec);
}

/** The factory an entry asks for (see `ErrorEntry`). */
function factoryOf(
  code: ErrorCode,
  { about, cut, make }: ErrorEntry,
): (...args: never[]) => AppError {
  if (make !== undefined)
    return (...args) => {
      const { message, details } = make(...args);
      return new AppError(code, message, details);
    };
  if (cut !== undefined)
    return (...values: (string | number)[]) =>
      new AppError(
        code,
        undefined,
        Object.fromEntries(cut.map(([key, max], i) => [key, String(values[i]).slice(0, max)])),
      );
  return about === undefined ? bareError(code) : errorAbout(code, about);
}

/**
 * Declares a module's error codes (its `errors.ts`): they join the catalogue at once, so an
 * error made from them always finds its status. A code may be defined only once. Returns
 * the specs (the module descriptor's `errors`) and the factories, the usual way to make
 * these errors: one per code, named after it (`CITY_NOT_FOUND` → `cityNotFound`).
 */
export function defineErrors<const T extends Record<string, ErrorEntry>>(
  entries: T & Entries<T>,
): { specs: ModuleErrorCodes<T>; factories: ErrorFactories<T> } {
  const specs = errorSpecs<T>(entries);
  register(specs);
  const factories = Object.fromEntries(
    Object.entries<ErrorEntry>(entries).map(([code, entry]) => [
      camelCase(code),
      factoryOf(code as ErrorCode, entry),
    ]),
  );
  return { specs, factories: factories as ErrorFactories<T> };
}

/** The registry hands over the modules' codes (their descriptors' `errors`), in registry order. */
export function installErrorCatalogue(sets: readonly Readonly<Record<string, ErrorSpec>>[]): void {
  for (const set of sets) register(set);
  moduleOrder = sets.flatMap((set) => Object.keys(set));
}

/**
 * Every code in the catalogue, ordered by HTTP status: the platform's first, then the
 * modules' in registry order (and any defined by a module not in the registry last).
 */
export function errorCodes(): ErrorCode[] {
  const order = [...Object.keys(PLATFORM_ERRORS), ...moduleOrder];
  for (const code of catalogue.keys()) if (!order.includes(code)) order.push(code);
  return order
    .map((code, index) => ({ code, index, status: catalogue.get(code)!.status }))
    .sort((a, b) => a.status - b.status || a.index - b.index)
    .map(({ code }) => code as ErrorCode);
}

/** The spec of a code; a code outside the catalogue is a TypeError (the type check refuses it too). */
export function errorSpec(code: ErrorCode): ErrorSpec {
  const spec = catalogue.get(code);
  if (spec === undefined) throw new TypeError(`Error code ${String(code)} is not in the catalogue`);
  return spec;
}

/**
 * One error type. Status and reportability come from the catalogue entry of `code`;
 * `message` (English, for logs and the API's `detail`) defaults to the entry's.
 */
export class AppError extends Error {
  public readonly status: number;
  /** Reportable errors are logged at error level with a stack. */
  public readonly reportable: boolean;

  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    const spec = errorSpec(code);
    super(message ?? spec.message);
    this.name = 'AppError';
    this.status = spec.status;
    this.reportable = spec.reportable;
  }
}
/** True when `error` is an AppError with the given code. */
export const isAppError = (error: unknown, code: ErrorCode): error is AppError =>
  error instanceof AppError && error.code === code;

/**
 * The factory of a code whose entry's message says it all: no details. Most factories are
 * this or `errorAbout` (a module's entries ask for them: `defineErrors`).
 */
export const bareError = (code: ErrorCode) => (): AppError => new AppError(code);

/**
 * The factory of a code about one thing, named in its details as `{ [key]: value }` (its
 * `id` unless `key` names another), with the entry's message.
 */
export const errorAbout =
  (code: ErrorCode, key = 'id') =>
  (value: string): AppError =>
    new AppError(code, undefined, { [key]: value });

export interface FieldProblem {
  path: string;
  /** A message key (forms) or English text (API). */
  message: string;
  /** The message key when `message` has been turned into text. */
  code?: string;
  /** Values for the message's placeholders (e.g. `{max}` of a "too long" message). */
  params?: Record<string, string | number>;
}

/** The factories of the platform-wide codes: the usual way to make an AppError. */
export const errors = {
  routeNotFound: (method: string, url: string) =>
    new AppError('NOT_FOUND', `No such resource: ${method} ${url}`, { method, url }),
  validation: (problems: FieldProblem[]) =>
    new AppError('VALIDATION_FAILED', undefined, { problems }),
  /** The record changed after the form was opened: `current` is the version now stored. */
  editConflict: (entity: string, id: string, current: string) =>
    new AppError('EDIT_CONFLICT', undefined, { entity, id, current }),
  badRequest: (message: string, details: Record<string, unknown> = {}) =>
    new AppError('BAD_REQUEST', message, details),
  payloadTooLarge: bareError('PAYLOAD_TOO_LARGE'),
  unsupportedMediaType: bareError('UNSUPPORTED_MEDIA_TYPE'),
  databaseUnavailable: bareError('DATABASE_UNAVAILABLE'),
  demoDataInProduction: bareError('DEMO_DATA_IN_PRODUCTION'),
  internal: bareError('INTERNAL'),
  unauthenticated: bareError('UNAUTHENTICATED'),
  invalidToken: bareError('INVALID_TOKEN'),
  forbidden: bareError('FORBIDDEN'),
  csrfInvalid: bareError('CSRF_INVALID'),
  rateLimited: (seconds: number) =>
    new AppError('RATE_LIMITED', `Too many requests; try again in ${seconds} seconds`, {
      seconds,
    }),
  documentNotFound: (id: string, message?: string) =>
    new AppError('DOCUMENT_NOT_FOUND', message, { id }),
} as const;

import type { MessageKey } from '../platform/i18n/catalogue.ts';

/**
 * The error catalogue: every error code the product uses, with its HTTP status, its
 * message keys, whether it is reportable and when it happens. An `AppError` takes only a
 * code from here (a typo fails the type check), and its status and reportability come
 * from here, so they cannot disagree. The error handler turns an AppError into RFC 9457
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
const PAGE = {
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

export const ERROR_CATALOGUE = {
  // 400
  BAD_REQUEST: {
    status: 400,
    reportable: false,
    when: 'The request cannot be read: a malformed body, URL or header, or a NUL character in any input (an HTML form refuses its own fields instead, at the field).',
    message: 'Bad request',
    title: 'errorCode.BAD_REQUEST',
    page: PAGE.badRequest,
  },
  VALIDATION_FAILED: {
    status: 400,
    reportable: false,
    when: 'A field of the form, query string or body is missing or not valid; `problems` names each field and what is wrong.',
    message: 'The request is not valid',
    title: 'errorCode.VALIDATION_FAILED',
    page: PAGE.badRequest,
  },
  TOKEN_INVALID: {
    status: 400,
    reportable: false,
    when: 'A password-reset or invitation link carries a token that does not exist.',
    message: 'The link is not valid',
    title: 'errorCode.TOKEN_INVALID',
    page: PAGE.link,
  },
  // 401
  UNAUTHENTICATED: {
    status: 401,
    reportable: false,
    when: 'The route needs a logged-in user or a Bearer API token and the request has neither.',
    message: 'You need to log in',
    title: 'errorCode.UNAUTHENTICATED',
    page: PAGE.forbidden,
  },
  INVALID_TOKEN: {
    status: 401,
    reportable: false,
    when: 'The Bearer API token in the Authorization header is unknown, expired or revoked.',
    message: 'The API token is unknown, expired or revoked',
    title: 'errorCode.INVALID_TOKEN',
    page: PAGE.forbidden,
  },
  INVALID_CREDENTIALS: {
    status: 401,
    reportable: false,
    when: 'A login gives an e-mail address and password that do not match an active account.',
    message: 'Wrong e-mail address or password',
    title: 'errorCode.INVALID_CREDENTIALS',
    page: PAGE.forbidden,
  },
  MFA_SESSION_INVALID: {
    status: 401,
    reportable: false,
    when: 'A two-step verification code arrives for a login that is unknown, expired or already completed.',
    message: 'The login is not waiting for a code; log in again',
    title: 'errorCode.MFA_SESSION_INVALID',
    page: PAGE.forbidden,
  },
  // 403
  FORBIDDEN: {
    status: 403,
    reportable: false,
    when: "The user is known but neither the route's permission nor the policy lets their roles do this.",
    message: 'You may not do this',
    title: 'errorCode.FORBIDDEN',
    page: PAGE.forbidden,
  },
  CSRF_INVALID: {
    status: 403,
    reportable: false,
    when: 'A state-changing request with a session cookie lacks a valid CSRF token (an expired or forged form).',
    message: 'The form has expired or did not come from this site',
    title: 'errorCode.CSRF_INVALID',
    page: PAGE.csrf,
  },
  NOT_YOUR_ORGANISATION: {
    status: 403,
    reportable: false,
    when: 'A reporter tries to change a collaboration or exchange that another organisation owns.',
    message: 'Only the reporters of the owner organisation and the coordinators may change this',
    title: 'errorCode.NOT_YOUR_ORGANISATION',
    page: { title: 'error.forbidden.title', text: 'collab.err.notYourOrganisation' },
  },
  DELEGATION_FORBIDDEN: {
    status: 403,
    reportable: false,
    when: "The user may not manage this meeting's delegation or see its private logistics; `reason` says why.",
    message: 'You may not do this with this delegation',
    title: 'errorCode.DELEGATION_FORBIDDEN',
    page: PAGE.forbidden,
  },
  // 404
  NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No route matches the method and path of the request.',
    message: 'No such resource',
    title: 'errorCode.NOT_FOUND',
    page: PAGE.notFound,
  },
  CITY_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No city in the register has the given slug.',
    message: 'No such city',
    title: 'errorCode.CITY_NOT_FOUND',
    page: { title: 'error.notFound.title', text: 'error.cityNotFound.text' },
  },
  // Cities (issue 19, point 6): a partner contact's suggested change to their city.
  CITY_SUGGESTION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'A coordinator reviews a city whose partner contact has no suggestion waiting for review (none sent, or already approved or returned).',
    message: 'No suggestion waits for review for this city',
    title: 'errorCode.CITY_SUGGESTION_NOT_FOUND',
    page: { title: 'error.notFound.title', text: 'error.citySuggestionNotFound.text' },
  },
  USER_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No user account has the given id.',
    message: 'No such user',
    title: 'errorCode.USER_NOT_FOUND',
    page: PAGE.notFound,
  },
  ORGANISATION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No administration or company in the register has the given id.',
    message: 'No such organisation',
    title: 'errorCode.ORGANISATION_NOT_FOUND',
    page: PAGE.notFound,
  },
  DECISION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No council decision has the given id (also when a new decision names an unknown decision it supersedes).',
    message: 'No such decision',
    title: 'errorCode.DECISION_NOT_FOUND',
    page: PAGE.notFound,
  },
  PROPOSAL_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No proposal on a twin or partner city has the given id.',
    message: 'No such proposal',
    title: 'errorCode.PROPOSAL_NOT_FOUND',
    page: PAGE.notFound,
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'A decision or meeting document is asked for that does not exist, or the decision has none.',
    message: 'No such document',
    title: 'errorCode.DOCUMENT_NOT_FOUND',
    page: PAGE.notFound,
  },
  MEETING_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No twin-city meeting has the given id, no chain is registered, or a calendar is asked for a meeting without dates.',
    message: 'No such meeting',
    title: 'errorCode.MEETING_NOT_FOUND',
    page: PAGE.notFound,
  },
  MEETING_PART_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No programme item, seminar, document or other part with the given id belongs to the meeting.',
    message: 'No such part of the meeting',
    title: 'errorCode.MEETING_PART_NOT_FOUND',
    page: PAGE.notFound,
  },
  OUTCOME_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'An action to close is not an action of this meeting or of an earlier meeting in the chain.',
    message: 'No such action',
    title: 'errorCode.OUTCOME_NOT_FOUND',
    page: PAGE.notFound,
  },
  DELEGATION_MEMBER_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No member of the delegation has the given id.',
    message: 'No such delegation member',
    title: 'errorCode.DELEGATION_MEMBER_NOT_FOUND',
    page: PAGE.notFound,
  },
  HOST_PLAN_TASK_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: "No task in the meeting's host plan has the given id.",
    message: 'No such host plan task',
    title: 'errorCode.HOST_PLAN_TASK_NOT_FOUND',
    page: PAGE.notFound,
  },
  HOST_PLAN_TEMPLATE_TASK_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No task in the host plan template has the given id.',
    message: 'No such template task',
    title: 'errorCode.HOST_PLAN_TEMPLATE_TASK_NOT_FOUND',
    page: PAGE.notFound,
  },
  COLLABORATION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No collaboration has the given id, or the public asks for one that is internal or not yet published.',
    message: 'No such collaboration',
    title: 'errorCode.COLLABORATION_NOT_FOUND',
    page: PAGE.notFound,
  },
  EXCHANGE_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No experience exchange has the given id.',
    message: 'No such exchange',
    title: 'errorCode.EXCHANGE_NOT_FOUND',
    page: PAGE.notFound,
  },
  AREA_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No collaboration area has the given id.',
    message: 'No such area',
    title: 'errorCode.AREA_NOT_FOUND',
    page: PAGE.notFound,
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No campaign (inventory of collaborations) has the given id.',
    message: 'No such campaign',
    title: 'errorCode.CAMPAIGN_NOT_FOUND',
    page: PAGE.notFound,
  },
  IMPORT_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No import started by the calling user has the given id, or its uploaded data is gone.',
    message: 'No such import',
    title: 'errorCode.IMPORT_NOT_FOUND',
    page: PAGE.notFound,
  },
  // The overview module (src/modules/overview)
  OVERVIEW_YEAR_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'The yearly overview was asked for a year that is not four digits between 1946 and the current year.',
    message: 'No overview for this year',
    title: 'errorCode.OVERVIEW_YEAR_NOT_FOUND',
    page: { title: 'error.notFound.title', text: 'overview.err.yearNotFound' },
  },
  // News (src/modules/news)
  NEWS_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No news item has the given id, or the public asks for one that is a draft, scheduled or withdrawn.',
    message: 'No such news item',
    title: 'errorCode.NEWS_NOT_FOUND',
    page: PAGE.notFound,
  },
  // Evaluation (src/modules/evaluation, issue 15: the duty and workflow)
  EVALUATION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No evaluation (the report after a meeting Gothenburg hosts, P10) has the given id (pages, the figures API), or no meeting has the id given to `vanort evaluation compile`.',
    message: 'No such evaluation',
    title: 'errorCode.EVALUATION_NOT_FOUND',
    page: PAGE.notFound,
  },
  EVALUATION_VERSION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'An evaluation has no approved version with the given number (e.g. comparing versions 1 and 3 of one approved twice).',
    message: 'The evaluation has no such approved version',
    title: 'errorCode.EVALUATION_VERSION_NOT_FOUND',
    page: PAGE.notFound,
  },
  // 409
  USER_EXISTS: {
    status: 409,
    reportable: false,
    when: 'A new user is given an e-mail address that another account already has.',
    message: 'A user with this e-mail address already exists',
    title: 'errorCode.USER_EXISTS',
    page: PAGE.conflict,
  },
  CAMPAIGN_CLOSED: {
    status: 409,
    reportable: false,
    when: 'An answer to a campaign is given or changed after the campaign was closed.',
    message: 'The campaign is closed; its answers are frozen',
    title: 'errorCode.CAMPAIGN_CLOSED',
    page: { title: 'error.conflict.title', text: 'error.campaignClosed.text' },
  },
  MFA_ALREADY_ENABLED: {
    status: 409,
    reportable: false,
    when: 'A user starts or confirms two-step verification while it is already on.',
    message: 'Two-step verification is already on',
    title: 'errorCode.MFA_ALREADY_ENABLED',
    page: PAGE.conflict,
  },
  EDIT_CONFLICT: {
    status: 409,
    reportable: false,
    when: 'A record is saved from a form opened before someone else saved the same record (optimistic locking: the form carries the version it was opened at).',
    message: 'Someone else changed this record after the form was opened',
    title: 'errorCode.EDIT_CONFLICT',
    page: PAGE.conflict,
  },
  DEMO_DATA_IN_PRODUCTION: {
    status: 409,
    reportable: false,
    when: 'Demo data is to be seeded while NODE_ENV=production.',
    message: 'Demo data is never seeded when NODE_ENV=production',
    title: 'errorCode.DEMO_DATA_IN_PRODUCTION',
    page: PAGE.conflict,
  },
  // 410
  TOKEN_EXPIRED: {
    status: 410,
    reportable: false,
    when: 'A password-reset or invitation link is used after it expired.',
    message: 'The link has expired',
    title: 'errorCode.TOKEN_EXPIRED',
    page: PAGE.link,
  },
  TOKEN_USED: {
    status: 410,
    reportable: false,
    when: 'A password-reset or invitation link is used a second time.',
    message: 'The link has already been used',
    title: 'errorCode.TOKEN_USED',
    page: PAGE.link,
  },
  // 413, 415
  PAYLOAD_TOO_LARGE: {
    status: 413,
    reportable: false,
    when: 'The request body or an uploaded file is larger than the limit.',
    message: 'The request body is too large',
    title: 'errorCode.PAYLOAD_TOO_LARGE',
    page: PAGE.tooLarge,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    reportable: false,
    when: 'The request body has a content type the route does not read.',
    message: 'The request content type is not supported',
    title: 'errorCode.UNSUPPORTED_MEDIA_TYPE',
    page: PAGE.badRequest,
  },
  // 429
  TOO_MANY_ATTEMPTS: {
    status: 429,
    reportable: false,
    when: 'Too many wrong two-step codes or reset requests in a short time; `minutes` says how long the lock lasts.',
    message: 'Too many failed attempts; try again later',
    title: 'errorCode.TOO_MANY_ATTEMPTS',
    page: PAGE.tooMany,
  },
  LOGIN_THROTTLED: {
    status: 429,
    reportable: false,
    when: 'Logins failed too often lately from this address (or from it against this account); `seconds` (and `Retry-After`) say when it may try again. An address that has not failed is not slowed down.',
    message: 'Too many failed logins from this address; try again later',
    title: 'errorCode.LOGIN_THROTTLED',
    page: { title: 'error.tooMany.title', text: 'login.throttled' },
  },
  RATE_LIMITED: {
    status: 429,
    reportable: false,
    when: 'More requests from one address than the limit allows (the open API: API_RATE_LIMIT a minute; the login and two-step code forms: LOGIN_RATE_LIMIT; the reset-link form: RESET_RATE_LIMIT); `Retry-After` says when to try again.',
    message: 'Too many requests; try again later',
    title: 'errorCode.RATE_LIMITED',
    page: PAGE.rateLimited,
  },
  // Newsletter (src/modules/newsletter)
  NEWSLETTER_LINK_INVALID: {
    status: 404,
    reportable: false,
    when: 'A newsletter confirmation, unsubscribe or subscription link carries a token that does not exist (never issued, or the address was erased).',
    message: 'The newsletter link is not valid',
    title: 'errorCode.NEWSLETTER_LINK_INVALID',
    page: { title: 'newsletter.link.invalid.title', text: 'newsletter.link.invalid.text' },
  },
  NEWSLETTER_LINK_EXPIRED: {
    status: 410,
    reportable: false,
    when: 'A newsletter confirmation link is used after NEWSLETTER_CONFIRM_HOURS.',
    message: 'The confirmation link has expired',
    title: 'errorCode.NEWSLETTER_LINK_EXPIRED',
    page: { title: 'newsletter.link.expired.title', text: 'newsletter.link.expired.text' },
  },
  NEWSLETTER_LINK_USED: {
    status: 410,
    reportable: false,
    when: 'A newsletter confirmation link is used a second time.',
    message: 'The confirmation link has already been used',
    title: 'errorCode.NEWSLETTER_LINK_USED',
    page: { title: 'newsletter.link.used.title', text: 'newsletter.link.used.text' },
  },
  NEWSLETTER_ONE_CLICK_INVALID: {
    status: 400,
    reportable: false,
    when: 'A POST to a newsletter one-click unsubscribe address (RFC 8058) has another body than `List-Unsubscribe=One-Click`; nothing changes.',
    message: 'The body must be List-Unsubscribe=One-Click',
    title: 'errorCode.NEWSLETTER_ONE_CLICK_INVALID',
    page: { title: 'error.badRequest.title', text: 'newsletter.oneClick.invalid' },
  },
  NEWSLETTER_ISSUE_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No newsletter issue has the id in the address.',
    message: 'No such newsletter issue',
    title: 'errorCode.NEWSLETTER_ISSUE_NOT_FOUND',
    page: PAGE.notFound,
  },
  NEWSLETTER_ISSUE_NOT_DRAFT: {
    status: 409,
    reportable: false,
    when: 'A newsletter issue that is being sent or has been sent is to be changed or sent again.',
    message: 'The issue has already been sent and can no longer be changed',
    title: 'errorCode.NEWSLETTER_ISSUE_NOT_DRAFT',
    page: { title: 'error.conflict.title', text: 'newsletter.err.notDraft' },
  },
  // 5xx
  INTERNAL: {
    status: 500,
    reportable: true,
    when: 'An unexpected error, i.e. a bug; it is logged with the request id, which the answer shows.',
    message: 'An unexpected error occurred',
    title: 'errorCode.INTERNAL',
    page: PAGE.server,
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    reportable: true,
    when: 'The database cannot be reached (PostgreSQL down or restarting, or not yet migrated at start).',
    message: 'The database is not reachable',
    title: 'errorCode.DATABASE_UNAVAILABLE',
    page: PAGE.unavailable,
  },
  // Evaluation reports and their exports (src/modules/evaluation, report.* and export.*)
  REPORT_VERSION_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No approved version of an evaluation has the given number (a version exists only once it is approved).',
    message: 'No such approved version of the evaluation',
    title: 'errorCode.REPORT_VERSION_NOT_FOUND',
    page: PAGE.notFound,
  },
  REPORT_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No published report has the given id: the evaluation is unknown, or none of its versions is published (a draft, or a version withdrawn).',
    message: 'No such published report',
    title: 'errorCode.REPORT_NOT_FOUND',
    page: PAGE.notFound,
  },
  PDF_UNAVAILABLE: {
    status: 503,
    reportable: true,
    when: 'A report is asked for as PDF while the server cannot print one: Chromium is not installed (CHROMIUM_PATH), it failed or took too long, or too many PDFs are being printed; the HTML and Word exports still work.',
    message:
      'The PDF cannot be made right now; the HTML and Word versions of the report can be downloaded',
    title: 'errorCode.PDF_UNAVAILABLE',
    page: { title: 'error.unavailable.title', text: 'report.pdf.unavailablePage' },
  },
  // Public records (src/modules/records)
  RECORD_NOT_FOUND: {
    status: 404,
    reportable: false,
    when: 'No decision, report or meeting document of the given kind has the given id (the register form of a record that does not exist), or no record has the case number or period asked to be exported.',
    message: 'No such record',
    title: 'errorCode.RECORD_NOT_FOUND',
    page: PAGE.notFound,
  },
} as const satisfies Record<string, ErrorSpec>;

/** Every code in the catalogue; AppError takes nothing else. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export const errorSpec = (code: ErrorCode): ErrorSpec => ERROR_CATALOGUE[code];

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
    message: string = ERROR_CATALOGUE[code].message,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
    this.reportable = ERROR_CATALOGUE[code].reportable;
  }
}

/** True when `error` is an AppError with the given code. */
export const isAppError = (error: unknown, code: ErrorCode): error is AppError =>
  error instanceof AppError && error.code === code;

export interface FieldProblem {
  path: string;
  /** A message key (forms) or English text (API). */
  message: string;
  /** The message key when `message` has been turned into text. */
  code?: string;
  /** Values for the message's placeholders (e.g. `{max}` of a "too long" message). */
  params?: Record<string, string | number>;
}

const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/** The factories: the usual way to make an AppError. */
export const errors = {
  // Platform
  routeNotFound: (method: string, url: string) =>
    new AppError('NOT_FOUND', `No such resource: ${method} ${url}`, { method, url }),
  validation: (problems: FieldProblem[]) =>
    new AppError('VALIDATION_FAILED', undefined, { problems }),
  /** The record changed after the form was opened: `current` is the version now stored. */
  editConflict: (entity: string, id: string, current: string) =>
    new AppError('EDIT_CONFLICT', undefined, { entity, id, current }),
  badRequest: (message: string, details: Record<string, unknown> = {}) =>
    new AppError('BAD_REQUEST', message, details),
  payloadTooLarge: () => new AppError('PAYLOAD_TOO_LARGE'),
  unsupportedMediaType: () => new AppError('UNSUPPORTED_MEDIA_TYPE'),
  databaseUnavailable: () => new AppError('DATABASE_UNAVAILABLE'),
  demoDataInProduction: () => new AppError('DEMO_DATA_IN_PRODUCTION'),
  internal: () => new AppError('INTERNAL'),
  // Accounts
  unauthenticated: () => new AppError('UNAUTHENTICATED'),
  invalidToken: () => new AppError('INVALID_TOKEN'),
  forbidden: () => new AppError('FORBIDDEN'),
  csrfInvalid: () => new AppError('CSRF_INVALID'),
  invalidCredentials: () => new AppError('INVALID_CREDENTIALS'),
  tooManyAttempts: (minutes: number) =>
    new AppError('TOO_MANY_ATTEMPTS', `Too many failed attempts; try again in ${minutes} minutes`, {
      minutes,
    }),
  loginThrottled: (seconds: number) =>
    new AppError('LOGIN_THROTTLED', `Too many failed logins; try again in ${seconds} seconds`, {
      seconds,
      minutes: Math.ceil(seconds / 60),
    }),
  rateLimited: (seconds: number) =>
    new AppError('RATE_LIMITED', `Too many requests; try again in ${seconds} seconds`, {
      seconds,
    }),
  userNotFound: (id: string) => new AppError('USER_NOT_FOUND', undefined, { id }),
  userExists: (email: string) =>
    new AppError('USER_EXISTS', `A user with the e-mail address ${email} already exists`, {
      email,
    }),
  tokenInvalid: () => new AppError('TOKEN_INVALID'),
  tokenExpired: () => new AppError('TOKEN_EXPIRED'),
  tokenUsed: () => new AppError('TOKEN_USED'),
  mfaSessionInvalid: () => new AppError('MFA_SESSION_INVALID'),
  mfaAlreadyEnabled: () => new AppError('MFA_ALREADY_ENABLED'),
  // Cities, decisions, organisations
  cityNotFound: (slug: string) =>
    new AppError('CITY_NOT_FOUND', `No city with the slug "${slug}"`, { slug }),
  citySuggestionNotFound: (slug: string) =>
    new AppError('CITY_SUGGESTION_NOT_FOUND', undefined, { slug }),
  organisationNotFound: (id?: string) =>
    new AppError('ORGANISATION_NOT_FOUND', undefined, withId(id)),
  decisionNotFound: (id: string) => new AppError('DECISION_NOT_FOUND', undefined, { id }),
  proposalNotFound: (id?: string) => new AppError('PROPOSAL_NOT_FOUND', undefined, withId(id)),
  documentNotFound: (id: string, message?: string) =>
    new AppError('DOCUMENT_NOT_FOUND', message, { id }),
  // Meetings
  meetingNotFound: (id: string) => new AppError('MEETING_NOT_FOUND', undefined, { id }),
  /** No chain is registered, so there are no meetings at all. */
  chainNotFound: () =>
    new AppError('MEETING_NOT_FOUND', 'No twin-city chain is registered', {
      reason: 'no-chain',
    }),
  meetingWithoutDates: (id: string) =>
    new AppError('MEETING_NOT_FOUND', 'The meeting has no dates to put in a calendar', {
      id,
      reason: 'no-dates',
    }),
  meetingPartNotFound: (id: string) => new AppError('MEETING_PART_NOT_FOUND', undefined, { id }),
  outcomeNotFound: (id: string) => new AppError('OUTCOME_NOT_FOUND', undefined, { id }),
  delegationMemberNotFound: (id: string) =>
    new AppError('DELEGATION_MEMBER_NOT_FOUND', undefined, { id }),
  hostPlanTaskNotFound: (id: string) => new AppError('HOST_PLAN_TASK_NOT_FOUND', undefined, { id }),
  hostPlanTemplateTaskNotFound: (id: string) =>
    new AppError('HOST_PLAN_TEMPLATE_TASK_NOT_FOUND', undefined, { id }),
  // Collaborations
  collaborationNotFound: (id: string) => new AppError('COLLABORATION_NOT_FOUND', undefined, { id }),
  exchangeNotFound: (id: string) => new AppError('EXCHANGE_NOT_FOUND', undefined, { id }),
  notYourOrganisation: () => new AppError('NOT_YOUR_ORGANISATION'),
  areaNotFound: (id: string) => new AppError('AREA_NOT_FOUND', undefined, { id }),
  campaignNotFound: (id: string) => new AppError('CAMPAIGN_NOT_FOUND', undefined, { id }),
  campaignClosed: (id: string) => new AppError('CAMPAIGN_CLOSED', undefined, { id }),
  importNotFound: (id: string) => new AppError('IMPORT_NOT_FOUND', undefined, { id }),
  // Newsletter (src/modules/newsletter)
  newsletterLinkInvalid: () => new AppError('NEWSLETTER_LINK_INVALID'),
  newsletterLinkExpired: () => new AppError('NEWSLETTER_LINK_EXPIRED'),
  newsletterLinkUsed: () => new AppError('NEWSLETTER_LINK_USED'),
  newsletterOneClickInvalid: () => new AppError('NEWSLETTER_ONE_CLICK_INVALID'),
  newsletterIssueNotFound: (id: string) =>
    new AppError('NEWSLETTER_ISSUE_NOT_FOUND', undefined, { id }),
  newsletterIssueNotDraft: (id: string) =>
    new AppError('NEWSLETTER_ISSUE_NOT_DRAFT', undefined, { id }),
  // The overview module
  overviewYearNotFound: (year: string) =>
    new AppError('OVERVIEW_YEAR_NOT_FOUND', undefined, { year: year.slice(0, 20) }),
  // Evaluation (src/modules/evaluation)
  evaluationNotFound: (id: string) =>
    new AppError('EVALUATION_NOT_FOUND', undefined, { id: id.slice(0, 100) }),
  evaluationVersionNotFound: (id: string, number: string) =>
    new AppError('EVALUATION_VERSION_NOT_FOUND', undefined, {
      id: id.slice(0, 100),
      number: number.slice(0, 20),
    }),
  // News (src/modules/news)
  newsNotFound: (id: string) => new AppError('NEWS_NOT_FOUND', undefined, { id }),
  // Evaluation reports and their exports (src/modules/evaluation)
  reportVersionNotFound: (id: string, version: string | number) =>
    new AppError('REPORT_VERSION_NOT_FOUND', undefined, {
      id: id.slice(0, 100),
      version: String(version).slice(0, 20),
    }),
  reportNotFound: (id: string) =>
    new AppError('REPORT_NOT_FOUND', undefined, { id: id.slice(0, 100) }),
  pdfUnavailable: (reason: 'no-browser' | 'busy' | 'failed') =>
    new AppError('PDF_UNAVAILABLE', undefined, { reason }),
  // Public records (src/modules/records)
  recordNotFound: (kind: string, id: string) =>
    new AppError('RECORD_NOT_FOUND', undefined, { kind: kind.slice(0, 20), id: id.slice(0, 100) }),
} as const;

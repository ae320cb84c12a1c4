import { defineErrors, ERROR_PAGES as PAGE } from '../../shared/errors.ts';

/**
 * The error codes of accounts, sign-in, two-step verification and reset links. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: accountsErrorSpecs, factories: accountsErrors } = defineErrors({
  TOKEN_INVALID: {
    status: 400,
    when: 'A password-reset or invitation link carries a token that does not exist.',
    message: 'The link is not valid',
    page: PAGE.link,
  },
  INVALID_CREDENTIALS: {
    status: 401,
    when: 'A login gives an e-mail address and password that do not match an active account.',
    message: 'Wrong e-mail address or password',
  },
  MFA_SESSION_INVALID: {
    status: 401,
    when: 'A two-step verification code arrives for a login that is unknown, expired or already completed.',
    message: 'The login is not waiting for a code; log in again',
  },
  USER_NOT_FOUND: {
    status: 404,
    when: 'No user account has the given id.',
    message: 'No such user',
    about: 'id',
  },
  USER_EXISTS: {
    status: 409,
    when: 'A new user is given an e-mail address that another account already has.',
    message: 'A user with this e-mail address already exists',
    make: (email: string) => ({
      message: `A user with the e-mail address ${email} already exists`,
      details: { email },
    }),
  },
  MFA_ALREADY_ENABLED: {
    status: 409,
    when: 'A user starts or confirms two-step verification while it is already on.',
    message: 'Two-step verification is already on',
  },
  TOKEN_EXPIRED: {
    status: 410,
    when: 'A password-reset or invitation link is used after it expired.',
    message: 'The link has expired',
  },
  TOKEN_USED: {
    status: 410,
    when: 'A password-reset or invitation link is used a second time.',
    message: 'The link has already been used',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    when: 'Too many wrong two-step codes or reset requests in a short time; `minutes` says how long the lock lasts.',
    message: 'Too many failed attempts; try again later',
    make: (minutes: number) => ({
      message: `Too many failed attempts; try again in ${minutes} minutes`,
      details: { minutes },
    }),
  },
  LOGIN_THROTTLED: {
    status: 429,
    when: 'Logins failed too often lately from this address (or from it against this account); `seconds` (and `Retry-After`) say when it may try again. An address that has not failed is not slowed down.',
    message: 'Too many failed logins from this address; try again later',
    page: { text: 'login.throttled' },
    make: (seconds: number) => ({
      message: `Too many failed logins; try again in ${seconds} seconds`,
      details: { seconds, minutes: Math.ceil(seconds / 60) },
    }),
  },
});

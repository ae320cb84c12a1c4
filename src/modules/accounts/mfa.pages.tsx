import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, SESSION_COOKIE, sessionPolicy, setSessionCookie } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { publicLimited } from '../../platform/route-options.ts';
import type { PlainKey } from '../../platform/i18n/i18n.ts';
import { redirectWithFlash, renderPage } from '../../platform/render.ts';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { landingAfterLogin, lockoutMessage } from './account.pages.tsx';
import { DEFAULT_NEXT, safeNext } from './next.ts';
import { mfaCodeForm, mfaLoginForm } from './account.schema.ts';
import {
  beginMfaEnrollment,
  completeMfaLogin,
  confirmMfaEnrollment,
  disableMfa,
  findPendingLogin,
  getMfaStatus,
} from './mfa.service.ts';
import { MfaLoginPage } from './views/mfa-login-page.tsx';
import { MfaPage } from './views/mfa-page.tsx';
import { loadQrCode } from '../../shared/lazy-modules.ts';

/** Two-step verification already on (a second tab, a double click): say so, change nothing. */
const unlessAlreadyEnabled =
  (flash: PlainKey) =>
  (run: Promise<void>): Promise<PlainKey> =>
    run.then(
      () => flash,
      (error: unknown) => {
        if (isAppError(error, 'MFA_ALREADY_ENABLED')) return 'mfa.alreadyEnabled';
        throw error;
      },
    );

/** A wrong or already used code: the login (or the change) failed, 401; a malformed one is 400. */
const codeRefused = (error: AppError) =>
  ((error.details.problems ?? []) as { message: string }[]).some(
    (p) => p.message === 'mfa.codeWrong' || p.message === 'mfa.codeUsed',
  );

const AUTHENTICATED = { permission: 'authenticated' } as const;

export async function mfaPages(app: FastifyInstance): Promise<void> {
  // ---- The user's own settings ----

  /** The page may show the secret key: never stored by caches. Status: the reply's. */
  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, status?: number) => {
    const user = request.user!;
    const mfa = await getMfaStatus(app.db, user);
    const qrSvg = mfa.enrolling
      ? await (
          await loadQrCode()
        ).toString(mfa.enrolling.uri, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 4,
          width: 200,
        })
      : null;
    return renderPage(
      reply,
      MfaPage,
      { user, status: mfa, qrSvg },
      { status, cacheControl: 'no-store' },
    );
  };

  app.get('/account/mfa', { config: AUTHENTICATED }, (request, reply) =>
    renderSettings(request, reply),
  );

  app.post('/account/mfa/enroll', { config: AUTHENTICATED }, async (request, reply) =>
    submitForm(request, reply, {
      values: {},
      submit: () =>
        unlessAlreadyEnabled('mfa.flash.enrollStarted')(
          beginMfaEnrollment(app.db, actorOf(request), request.user!.id),
        ),
      invalid: () => renderSettings(request, reply),
      done: (flash) => ({ to: '/account/mfa', flash }),
    }),
  );

  app.post('/account/mfa/confirm', { config: AUTHENTICATED }, async (request, reply) =>
    submitForm(request, reply, {
      values: readForm(request.body, mfaCodeForm),
      submit: (v) =>
        unlessAlreadyEnabled('mfa.flash.enabled')(
          confirmMfaEnrollment(app.db, actorOf(request), request.user!.id, v.code),
        ),
      invalid: () => renderSettings(request, reply),
      done: (flash) => ({ to: '/account/mfa', flash }),
    }),
  );

  app.post('/account/mfa/disable', { config: AUTHENTICATED }, async (request, reply) =>
    submitForm(request, reply, {
      values: readForm(request.body, mfaCodeForm),
      submit: (v) => disableMfa(app.db, actorOf(request), request.user!, v.code, request.ip),
      // Locked out after too many wrong codes: 429, the message at the code field.
      refused: (error) => {
        const locked = lockoutMessage(request, reply, error);
        return locked ? { code: locked } : null;
      },
      invalid: ({ error }) => renderSettings(request, reply, error.status),
      done: () => ({ to: '/account/mfa', flash: 'mfa.flash.disabled' }),
    }),
  );

  // ---- The second step of logging in ----
  // Public: the session waiting for its code is not logged in (platform/auth.ts);
  // these routes find it from the cookie themselves.

  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    next: string,
    status?: number,
  ) => renderPage(reply, MfaLoginPage, { next }, { withCsrf: true, status });

  const startOver = (request: FastifyRequest, reply: FastifyReply) =>
    request.user
      ? reply.redirect(DEFAULT_NEXT, 303)
      : redirectWithFlash(reply, '/login', request.i18n.t('mfa.login.expired'));

  app.get('/login/mfa', { config: { permission: 'public' } }, async (request, reply) => {
    const pending = await findPendingLogin(
      app.db,
      request.cookies[SESSION_COOKIE],
      sessionPolicy(app),
    );
    if (!pending) return startOver(request, reply);
    const next = safeNext((request.query as { next?: unknown }).next);
    return renderLogin(request, reply, next);
  });

  // Per address, LOGIN_RATE_LIMIT posts a minute (a count of its own, beside the login's).
  app.post('/login/mfa', publicLimited(app.config.loginRateLimit), async (request, reply) => {
    const values = readForm(request.body, mfaLoginForm);
    const next = safeNext(values.next);
    return submitForm(request, reply, {
      values,
      submit: (v) =>
        completeMfaLogin(
          app.db,
          request.cookies[SESSION_COOKIE],
          { code: v.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          sessionPolicy(app),
        ).then(
          (result) => {
            setSessionCookie(app, reply, result.sessionToken);
            return result.user;
          },
          (error: unknown) => {
            // The login no longer waits for a code (expired, ended): start over.
            if (isAppError(error, 'MFA_SESSION_INVALID')) return 'expired' as const;
            throw error;
          },
        ),
      // Locked out after too many wrong codes: 429, the message at the code field.
      refused: (error) => {
        const locked = lockoutMessage(request, reply, error);
        return locked ? { code: locked } : null;
      },
      invalid: ({ error }) =>
        renderLogin(
          request,
          reply,
          next,
          error.code === 'VALIDATION_FAILED' ? (codeRefused(error) ? 401 : 400) : error.status,
        ),
      done: (outcome) =>
        outcome !== 'expired'
          ? { to: landingAfterLogin(outcome, next, request.i18n.locale), flash: 'flash.loggedIn' }
          : request.user
            ? { to: DEFAULT_NEXT }
            : { to: '/login', flash: 'mfa.login.expired' },
    });
  });
}

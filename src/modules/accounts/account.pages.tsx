import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  actorOf,
  clearSessionCookie,
  sessionPolicy,
  setSessionCookie,
} from '../../platform/auth.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { publicLimited } from '../../platform/route-options.ts';
import { DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.ts';
import { localizePath } from '../../platform/i18n/paths.ts';
import { renderPage } from '../../platform/render.ts';
import type { AppError } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { languageForm, loginForm } from './account.schema.ts';
import {
  countSessions,
  login,
  logout,
  logoutEverywhere,
  setOwnLanguage,
  type User,
} from './account.service.ts';
import { AccountPage } from './views/account-page.tsx';
import { LoginPage } from './views/login-page.tsx';
import { DEFAULT_NEXT, safeNext } from './next.ts';

/**
 * Where every login lands (with a password, after the two-step code, or through single
 * sign-on): the `next` page in the person's own language when they logged in at the
 * Swedish (root) address, else in the language of the address they logged in at, so one
 * who chose /en/login stays in English. A `next` that names a language keeps it.
 */
export function landingAfterLogin(user: User, next: string, loggedInAt: Locale): string {
  return localizePath(next, loggedInAt === DEFAULT_LOCALE ? user.language : loggedInAt);
}

/**
 * Locked out after too many failures (TOO_MANY_ATTEMPTS): sets Retry-After and returns the
 * message saying for how long; null for any other error.
 */
export function lockoutMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  key: 'login.locked' | 'reset.locked' = 'login.locked',
): string | null {
  if (error.code !== 'TOO_MANY_ATTEMPTS') return null;
  const minutes = Number(error.details.minutes);
  reply.header('retry-after', String(minutes * 60));
  return request.i18n.t(key, { minutes });
}

/**
 * A refused login (wrong credentials, slowed down after failures) is a problem of the whole
 * form, shown in the error summary with its own status (401, or 429 with Retry-After);
 * null for other errors.
 */
function loginRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FieldErrors | null {
  const { t } = request.i18n;
  if (error.code === 'INVALID_CREDENTIALS') return { form: t('login.invalid') };
  if (error.code !== 'LOGIN_THROTTLED') return null;
  const seconds = Number(error.details.seconds);
  reply.header('retry-after', String(seconds));
  return {
    form:
      seconds < 120
        ? t('login.throttledSeconds', { seconds })
        : t('login.throttled', { minutes: Math.ceil(seconds / 60) }),
  };
}

export async function accountPages(app: FastifyInstance): Promise<void> {
  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email?: string; next?: string | undefined } = {},
    status?: number,
  ) =>
    renderPage(
      reply,
      LoginPage,
      { sso: app.config.oidc !== undefined, values },
      { withCsrf: true, status },
    );

  app.get('/login', { config: { permission: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect(DEFAULT_NEXT, 303);
    const next = (request.query as { next?: unknown }).next;
    return renderLogin(request, reply, typeof next === 'string' ? { next: safeNext(next) } : {});
  });

  // Per address, LOGIN_RATE_LIMIT posts a minute (besides the back-off of failed logins).
  app.post('/login', publicLimited(app.config.loginRateLimit), async (request, reply) => {
    const values = readForm(request.body, loginForm);
    const next = safeNext(values.next);
    return submitForm(request, reply, {
      values,
      submit: async (v) => {
        const result = await login(
          app.db,
          {
            email: v.email,
            password: v.password,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          },
          sessionPolicy(app),
        );
        setSessionCookie(app, reply, result.sessionToken);
        return result;
      },
      refused: (error) => loginRefusal(request, reply, error),
      // The password is never sent back; a refusal keeps its status (401, 429).
      invalid: ({ error }) =>
        renderLogin(request, reply, { email: values.email, next }, error.status),
      // Two-step verification on: the code comes next (mfa.pages.tsx), then `next`.
      done: (result) =>
        result.mfaPending
          ? { to: `/login/mfa?next=${encodeURIComponent(next)}` }
          : {
              to: landingAfterLogin(result.user, next, request.i18n.locale),
              flash: 'flash.loggedIn',
            },
    });
  });

  const renderAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: { language: string },
  ) => {
    const user = request.user!;
    const sessions = await countSessions(app.db, user.id);
    return renderPage(reply, AccountPage, { user, sessions, values });
  };

  app.post('/logout', { config: { permission: 'authenticated' } }, async (request, reply) =>
    submitForm(request, reply, {
      values: {},
      submit: async () => {
        if (request.sessionId) await logout(app.db, actorOf(request), request.sessionId);
        clearSessionCookie(reply);
      },
      invalid: () => renderAccount(request, reply),
      done: () => ({ to: '/', flash: 'flash.loggedOut' }),
    }),
  );

  const account = pageWithForms(
    app,
    '/account',
    { config: { permission: 'authenticated' } },
    (request, reply) => renderAccount(request, reply),
  );

  // The language of one's own mails and workspace. The page stays in the language of its
  // address; the next login lands in the chosen one.
  account.post('/language', (request, reply, _params, run) =>
    run({
      values: readForm(request.body, languageForm),
      submit: (v) => setOwnLanguage(app.db, actorOf(request), request.user!.id, v),
      invalid: ({ values }) => renderAccount(request, reply, values),
      done: () => ({ to: '/account', flash: 'account.language.saved' }),
    }),
  );

  account.post('/logout-everywhere', (request, reply, _params, run) =>
    run({
      values: {},
      submit: async () => {
        await logoutEverywhere(app.db, actorOf(request), request.user!.id);
        clearSessionCookie(reply);
      },
      done: () => ({ to: '/login', flash: 'flash.loggedOutEverywhere' }),
    }),
  );
}

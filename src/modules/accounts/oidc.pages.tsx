import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionPolicy, setSessionCookie } from '../../platform/auth.ts';
import { rerender } from '../../platform/forms.ts';
import { i18nFor, type PlainKey } from '../../platform/i18n/i18n.ts';
import { DEFAULT_LOCALE, isEnabledLocale, type Locale } from '../../platform/i18n/locales.ts';
import { splitLocaleUrl } from '../../platform/i18n/paths.ts';
import { redirectWithFlash, renderPage } from '../../platform/render.ts';
import { landingAfterLogin } from './account.pages.tsx';
import { safeNext } from './next.ts';
import {
  createOidcClient,
  OidcError,
  ssoLogin,
  type OidcProblem,
  type PendingLogin,
} from './oidc.service.ts';
import { LoginPage } from './views/login-page.tsx';

/**
 * Keeps the PKCE verifier, state, nonce, `next` and the language of the address the login
 * started at between the redirect and the callback (which has one address, at the root).
 */
export const OIDC_COOKIE = 'vanort_oidc';
const COOKIE_PATH = '/auth/oidc';
const COOKIE_MAX_AGE_S = 10 * 60;

const PROBLEMS: Record<OidcProblem, { status: number; message: PlainKey }> = {
  state: { status: 400, message: 'oidc.error.state' },
  provider: { status: 400, message: 'oidc.error.provider' },
  claims: { status: 400, message: 'oidc.error.claims' },
  deactivated: { status: 403, message: 'oidc.error.deactivated' },
  conflict: { status: 403, message: 'oidc.error.conflict' },
  config: { status: 500, message: 'oidc.error.config' },
  unavailable: { status: 502, message: 'oidc.error.unavailable' },
};

interface Pending extends PendingLogin {
  next: string;
  locale: Locale;
}

function readPending(request: FastifyRequest): Pending | null {
  const raw = request.cookies[OIDC_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    const value = JSON.parse(unsigned.value) as Partial<Pending>;
    if (
      typeof value.codeVerifier === 'string' &&
      typeof value.state === 'string' &&
      typeof value.nonce === 'string'
    ) {
      return {
        codeVerifier: value.codeVerifier,
        state: value.state,
        nonce: value.nonce,
        next: safeNext(value.next),
        locale: isEnabledLocale(value.locale) ? value.locale : DEFAULT_LOCALE,
      };
    }
  } catch {
    // A damaged cookie is the same as none.
  }
  return null;
}

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE). Registered
 * only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 */
export async function oidcPages(app: FastifyInstance): Promise<void> {
  const settings = app.config.oidc;
  if (!settings) return;
  const oidc = createOidcClient(settings);

  const redirectUri = (request: FastifyRequest) =>
    (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '') +
    '/auth/oidc/callback';

  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof OidcError)) throw error;
    const { status, message } = PROBLEMS[error.problem];
    const log = { problem: error.problem, err: error };
    if (status >= 500) request.log.error(log, `Single sign-on failed: ${error.message}`);
    else request.log.warn(log, `Single sign-on refused: ${error.message}`);
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
    // The login page again, the problem in its error summary.
    return rerender(request, reply, { form: request.i18n.t(message) }, () =>
      renderPage(reply, LoginPage, { sso: true }, { withCsrf: true, status }),
    );
  };

  app.get('/auth/oidc/login', { config: { permission: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    try {
      oidc.roleMapping(); // a bad mapping fails here, before the trip to the provider
      const { url, pending } = await oidc.authorizationUrl(redirectUri(request));
      const started: Pending = { ...pending, next, locale: request.i18n.locale };
      reply.setCookie(OIDC_COOKIE, JSON.stringify(started), {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax', // sent along on the provider's top-level redirect back
        secure: app.config.env === 'production',
        signed: true,
        maxAge: COOKIE_MAX_AGE_S,
      });
      return reply.redirect(url.href, 303);
    } catch (error) {
      return fail(request, reply, error);
    }
  });

  app.get('/auth/oidc/callback', { config: { permission: 'public' } }, async (request, reply) => {
    try {
      const pending = readPending(request);
      if (!pending) {
        throw new OidcError('state', 'No (valid) single sign-on cookie: expired or not started');
      }
      const mapping = oidc.roleMapping();
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const claims = await oidc.claimsFromCallback(new URL(redirectUri(request) + search), pending);
      const result = await ssoLogin(
        app.db,
        claims,
        mapping,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        sessionPolicy(app),
      );
      reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
      setSessionCookie(app, reply, result.sessionToken);
      const to = landingAfterLogin(result.user, pending.next, pending.locale);
      const flash = i18nFor(splitLocaleUrl(to).locale ?? DEFAULT_LOCALE).t('flash.loggedIn');
      return redirectWithFlash(reply, to, flash);
    } catch (error) {
      return fail(request, reply, error);
    }
  });
}

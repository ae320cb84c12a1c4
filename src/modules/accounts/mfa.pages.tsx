import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE, sessionPolicy, setSessionCookie } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pageContext, redirectWithFlash, renderDocument, sendPage } from '../../platform/render.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { safeNext } from './account.pages.tsx';
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

/** A six-digit code; spaces (as some apps show "123 456") are ignored. */
const code = z
  .string('mfa.codeRequired')
  .max(50, 'mfa.codeFormat')
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'mfa.codeRequired')
      .regex(/^\d{6}$/, 'mfa.codeFormat'),
  );

/** The forms that take a code: confirm enrolment, turn off. */
export const mfaCodeForm = z.object({ code });

/** The second step of logging in. */
export const mfaLoginForm = z.object({ code, next: z.string().max(2000).optional() });

function parseForm<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(request.body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    errors[String(issue.path[0] ?? 'code')] ??= request.i18n.t(issue.message as MessageKey);
  }
  return { ok: false, errors };
}

/** Field errors of a thrown validation error, translated; null for any other error. */
function problemsOf(request: FastifyRequest, error: unknown): FieldErrors | null {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') return null;
  const out: FieldErrors = {};
  for (const p of (error.details.problems ?? []) as { path: string; message: string }[]) {
    out[p.path || 'code'] ??= request.i18n.t(p.message as MessageKey);
  }
  return out;
}

const AUTHENTICATED = { permission: 'authenticated' } as const;

export async function mfaPages(app: FastifyInstance): Promise<void> {
  // ---- The user's own settings ----

  const renderSettings = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    errors: FieldErrors = {},
  ) => {
    const user = request.user!;
    const mfa = await getMfaStatus(app.db, user);
    const qrSvg = mfa.enrolling
      ? await QRCode.toString(mfa.enrolling.uri, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 4,
          width: 200,
        })
      : null;
    // The page may show the secret key: never stored by caches.
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        renderDocument(
          <MfaPage
            ctx={pageContext(request, reply)}
            user={user}
            status={mfa}
            qrSvg={qrSvg}
            errors={errors}
          />,
        ),
      );
  };

  app.get('/account/mfa', { config: AUTHENTICATED }, (request, reply) =>
    renderSettings(request, reply),
  );

  app.post('/account/mfa/enroll', { config: AUTHENTICATED }, async (request, reply) => {
    const { t } = request.i18n;
    try {
      await beginMfaEnrollment(app.db, actorOf(request), request.user!.id);
    } catch (error) {
      if (isAppError(error, 'MFA_ALREADY_ENABLED'))
        return redirectWithFlash(reply, '/account/mfa', t('mfa.alreadyEnabled'));
      const errors = problemsOf(request, error);
      if (errors) return renderSettings(request, reply, 400, errors);
      throw error;
    }
    return redirectWithFlash(reply, '/account/mfa', t('mfa.flash.enrollStarted'));
  });

  app.post('/account/mfa/confirm', { config: AUTHENTICATED }, async (request, reply) => {
    const { t } = request.i18n;
    const form = parseForm(request, mfaCodeForm);
    if (!form.ok) return renderSettings(request, reply, 400, form.errors);
    try {
      await confirmMfaEnrollment(app.db, actorOf(request), request.user!.id, form.data.code);
    } catch (error) {
      if (isAppError(error, 'MFA_ALREADY_ENABLED'))
        return redirectWithFlash(reply, '/account/mfa', t('mfa.alreadyEnabled'));
      const errors = problemsOf(request, error);
      if (errors) return renderSettings(request, reply, 400, errors);
      throw error;
    }
    return redirectWithFlash(reply, '/account/mfa', t('mfa.flash.enabled'));
  });

  app.post('/account/mfa/disable', { config: AUTHENTICATED }, async (request, reply) => {
    const { t } = request.i18n;
    const form = parseForm(request, mfaCodeForm);
    if (!form.ok) return renderSettings(request, reply, 400, form.errors);
    try {
      await disableMfa(app.db, actorOf(request), request.user!, form.data.code, request.ip);
    } catch (error) {
      if (isAppError(error, 'TOO_MANY_ATTEMPTS')) {
        const minutes = Number(error.details.minutes);
        reply.header('retry-after', String(minutes * 60));
        return renderSettings(request, reply, 429, { code: t('login.locked', { minutes }) });
      }
      const errors = problemsOf(request, error);
      if (errors) return renderSettings(request, reply, 400, errors);
      throw error;
    }
    return redirectWithFlash(reply, '/account/mfa', t('mfa.flash.disabled'));
  });

  // ---- The second step of logging in ----
  // Public: the session waiting for its code is not logged in (platform/auth.ts);
  // these routes find it from the cookie themselves.

  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string,
    errors: FieldErrors = {},
  ) =>
    sendPage(
      reply,
      <MfaLoginPage
        ctx={pageContext(request, reply, { withCsrf: true })}
        next={next}
        errors={errors}
      />,
      status,
    );

  const startOver = (request: FastifyRequest, reply: FastifyReply) =>
    request.user
      ? reply.redirect('/account', 303)
      : redirectWithFlash(reply, '/login', request.i18n.t('mfa.login.expired'));

  app.get('/login/mfa', { config: { permission: 'public' } }, async (request, reply) => {
    const pending = await findPendingLogin(
      app.db,
      request.cookies[SESSION_COOKIE],
      sessionPolicy(app),
    );
    if (!pending) return startOver(request, reply);
    const next = safeNext((request.query as { next?: unknown }).next);
    return renderLogin(request, reply, 200, next);
  });

  app.post('/login/mfa', { config: { permission: 'public' } }, async (request, reply) => {
    const { t } = request.i18n;
    const next = safeNext((request.body as { next?: unknown } | undefined)?.next);
    const form = parseForm(request, mfaLoginForm);
    if (!form.ok) {
      const pending = await findPendingLogin(
        app.db,
        request.cookies[SESSION_COOKIE],
        sessionPolicy(app),
      );
      if (!pending) return startOver(request, reply);
      return renderLogin(request, reply, 400, next, form.errors);
    }
    try {
      const result = await completeMfaLogin(
        app.db,
        request.cookies[SESSION_COOKIE],
        {
          code: form.data.code,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        sessionPolicy(app),
      );
      setSessionCookie(app, reply, result.sessionToken);
      return redirectWithFlash(reply, next, t('flash.loggedIn'));
    } catch (error) {
      if (isAppError(error, 'MFA_SESSION_INVALID')) return startOver(request, reply);
      if (isAppError(error, 'TOO_MANY_ATTEMPTS')) {
        const minutes = Number(error.details.minutes);
        reply.header('retry-after', String(minutes * 60));
        return renderLogin(request, reply, 429, next, { code: t('login.locked', { minutes }) });
      }
      const errors = problemsOf(request, error);
      if (errors) return renderLogin(request, reply, 401, next, errors);
      throw error;
    }
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actorOf,
  clearSessionCookie,
  sessionPolicy,
  setSessionCookie,
} from '../../platform/auth.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { AppError } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { countSessions, login, logout, logoutEverywhere } from './account.service.ts';
import { AccountPage } from './views/account-page.tsx';
import { LoginPage } from './views/login-page.tsx';

/** One schema for the login form: it validates and names the fields' messages. */
export const loginForm = z.object({
  email: z.string().trim().min(1, 'login.emailRequired').max(320, 'login.emailRequired'),
  password: z.string().min(1, 'login.passwordRequired').max(1024, 'login.passwordRequired'),
  next: z.string().max(2000).optional(),
});

/** Only same-site paths: never an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/account';
}

export async function accountPages(app: FastifyInstance): Promise<void> {
  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    props: { email?: string; next?: string; errors?: FieldErrors; problem?: string },
  ) =>
    sendPage(
      reply,
      <LoginPage
        ctx={pageContext(request, reply, { withCsrf: true })}
        sso={app.config.oidc !== undefined}
        {...props}
      />,
      status,
    );

  app.get('/login', { config: { permission: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/account', 303);
    const next = (request.query as { next?: unknown }).next;
    return renderLogin(
      request,
      reply,
      200,
      typeof next === 'string' ? { next: safeNext(next) } : {},
    );
  });

  app.post('/login', { config: { permission: 'public' } }, async (request, reply) => {
    const { t } = request.i18n;
    const parsed = loginForm.safeParse(request.body ?? {});
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof raw.email === 'string' ? raw.email.slice(0, 320) : '';
    const next = safeNext(raw.next);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'email');
        errors[field] ??= t(issue.message as 'login.emailRequired');
      }
      return renderLogin(request, reply, 400, { email, next, errors });
    }
    try {
      const result = await login(
        app.db,
        {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        sessionPolicy(app),
      );
      setSessionCookie(app, reply, result.sessionToken);
      // Two-step verification on: the code comes next (mfa.pages.tsx), then `next`.
      if (result.mfaPending) {
        return reply.redirect(`/login/mfa?next=${encodeURIComponent(next)}`, 303);
      }
      return redirectWithFlash(reply, next, t('flash.loggedIn'));
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
        return renderLogin(request, reply, 401, { email, next, problem: t('login.invalid') });
      }
      if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS') {
        reply.header('retry-after', String(Number(error.details.minutes) * 60));
        return renderLogin(request, reply, 429, {
          email,
          next,
          problem: t('login.locked', { minutes: Number(error.details.minutes) }),
        });
      }
      throw error;
    }
  });

  app.post('/logout', { config: { permission: 'authenticated' } }, async (request, reply) => {
    if (request.sessionId) await logout(app.db, actorOf(request), request.sessionId);
    clearSessionCookie(reply);
    return redirectWithFlash(reply, '/', request.i18n.t('flash.loggedOut'));
  });

  app.get('/account', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const user = request.user!;
    const sessions = await countSessions(app.db, user.id);
    return sendPage(
      reply,
      <AccountPage ctx={pageContext(request, reply)} user={user} sessions={sessions} />,
    );
  });

  app.post(
    '/account/logout-everywhere',
    { config: { permission: 'authenticated' } },
    async (request, reply) => {
      await logoutEverywhere(app.db, actorOf(request), request.user!.id);
      clearSessionCookie(reply);
      return redirectWithFlash(reply, '/login', request.i18n.t('flash.loggedOutEverywhere'));
    },
  );
}

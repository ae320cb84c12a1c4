import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { errors } from '../shared/errors.ts';
import type { Actor, User } from './identity.ts';
import { holds } from './permissions.ts';
import { hasRole } from './roles.ts';

/** How long sessions last (from the configuration). */
export interface SessionPolicy {
  idleMs: number;
  maxAgeMs: number;
}

/**
 * What the request hook asks the accounts module (which owns users, sessions and tokens);
 * app.ts hands it in, so the platform does not depend on the module.
 */
export interface AccountsPort {
  resolveSession(
    db: Db,
    token: string,
    policy: SessionPolicy,
  ): Promise<{ id: string; user: User; mfaPending: boolean } | null>;
  resolveApiToken(db: Db, bearer: string): Promise<User | null>;
  mustEnrollMfa(db: Db, user: User): Promise<boolean>;
}

export const SESSION_COOKIE = 'vanort_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionId: string | null;
    /** True when `user` comes from an API token (Bearer), not a session: no cookies, no CSRF. */
    viaApiToken: boolean;
  }
}

export function sessionPolicy(app: FastifyInstance): SessionPolicy {
  return { idleMs: app.config.sessionIdleMs, maxAgeMs: app.config.sessionMaxAgeMs };
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.env === 'production',
    maxAge: Math.floor(app.config.sessionMaxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Who is acting, for the audit trail. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.user?.id ?? null,
    label: request.user?.email ?? 'anonymous',
    ip: request.ip,
  };
}

export { hasRole };

/** The routes a user who must still set up two-step verification may use. */
const MFA_SETUP_ROUTES = /^\/(?:account\/mfa(?:\/.*)?|logout)$/;

/**
 * Resolves the session cookie to a user and enforces the route's declared permission
 * before anything else runs: anonymous visitors of a protected page are sent to the
 * login page (API callers get 401), users without the permission get 403.
 */
export function registerAuth(app: FastifyInstance, accounts: AccountsPort): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('viaApiToken', false);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await accounts.resolveSession(app.db, token, sessionPolicy(app));
      if (session) {
        // Two-step verification: a session still waiting for its code is NOT logged in,
        // except to log out (/login/mfa reads the waiting session itself).
        if (!session.mfaPending || request.routeOptions.url === '/logout') {
          request.user = session.user;
          request.sessionId = session.id;
        }
      } else {
        clearSessionCookie(reply);
      }
    }
    // API tokens: without a session, `Authorization: Bearer vpt_…` on /api/ acts as its user.
    // A bad token is refused outright (401 INVALID_TOKEN), even on public routes.
    if (!request.user && request.url.startsWith('/api/')) {
      const bearer = /^Bearer\s+(.*)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
      if (bearer !== undefined) {
        const user = await accounts.resolveApiToken(app.db, bearer);
        if (!user) {
          reply.header('www-authenticate', 'Bearer error="invalid_token"');
          throw errors.invalidToken();
        }
        request.user = user;
        request.viaApiToken = true;
      }
    }
    const permission = request.routeOptions.config?.permission;
    // A role that requires two-step verification: until it is set up, the user may only
    // set it up (/account/mfa…) or log out; other protected routes send them there.
    if (
      request.user &&
      !request.viaApiToken &&
      permission !== undefined &&
      permission !== 'public' &&
      !MFA_SETUP_ROUTES.test(request.routeOptions.url ?? '') &&
      (await accounts.mustEnrollMfa(app.db, request.user))
    ) {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.redirect('/account/mfa', 303);
      }
      throw errors.forbidden();
    }
    if (!permission || holds(request.user, permission)) return;
    if (!request.user) {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      throw errors.unauthenticated();
    }
    throw errors.forbidden();
  });
}

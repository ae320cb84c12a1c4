import csrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false only for routes that never use cookies (Bearer-token API writes). */
    csrf?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF tokens on every state-changing request: the secret lives in a signed,
 * HttpOnly cookie; forms carry the token in a hidden `_csrf` field. Checked at
 * preValidation, once the body is parsed (multipart fields too) and before the route's
 * schema validates anything: a forged request gets 403, never a 400 with messages.
 */
export async function registerCsrf(app: FastifyInstance): Promise<void> {
  await app.register(csrf, {
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      signed: true,
      secure: app.config.env === 'production',
    },
  });
  app.addHook('preValidation', (request, reply, done) => {
    if (
      !STATE_CHANGING.has(request.method) ||
      request.routeOptions.config?.csrf === false ||
      // Authenticated by a Bearer API token (platform/auth.ts): no cookies, so no CSRF.
      request.viaApiToken
    ) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every response, built once at start and set in one `onSend`
 * hook (decision 030). They are exactly what @fastify/helmet 13 sent with the options this
 * app used (the same CSP directives, HSTS and `upgrade-insecure-requests` in production
 * only, no Cross-Origin-Embedder-Policy); helmet rebuilt its middleware on every request,
 * which cost more than the rest of a cached page. test/integration/http-caching.test.ts
 * compares every header with the list helmet produced.
 */
export function securityHeaders(production: boolean): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return Object.freeze({
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
}

/** Sets the security headers on every response (pages, API, static files, errors, cache hits). */
export function registerSecurityHeaders(app: FastifyInstance, production: boolean): void {
  const headers = securityHeaders(production);
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(headers);
    done(null, payload);
  });
}

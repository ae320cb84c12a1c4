import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { errors } from '../shared/errors.ts';

/**
 * Rate limits per address, answered with the catalogue's RATE_LIMITED (429) and
 * `Retry-After`: the open API (`/api/…`, API_RATE_LIMIT a minute) and the forms a route
 * marks with `config: { rateLimit: perMinute(n) }` (the login and reset forms). The
 * address is the connection's, or the configured proxies' X-Forwarded-For (TRUST_PROXY);
 * IPv6 addresses count by their /64. The counts are kept in each instance's memory: with
 * several instances an address may make up to that many times the limit (the lockout in
 * the database is shared, see docs/decisions/015-lockout.md).
 */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  const apiMax = app.config.apiRateLimit;
  if (apiMax > 0) {
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/')) {
        route.config = { ...route.config, rateLimit: perMinute(apiMax) };
      }
    });
  }
  await app.register(rateLimit, {
    global: false,
    ipv6Subnet: 64, // the plugin's default, said out loud: one IPv6 network, one address
    errorResponseBuilder: (_request, context) =>
      errors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

/** A route's limit: `max` requests a minute per address; 0 turns it off. */
export function perMinute(max: number): RateLimitOptions | false {
  return max > 0 ? { max, timeWindow: 60_000 } : false;
}

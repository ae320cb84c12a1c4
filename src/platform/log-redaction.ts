/**
 * What the request log may not keep: the secret part of a one-time link. A password reset or
 * invitation link (`/reset/<token>`, `/nb/invite/<token>`), a newsletter confirmation or
 * unsubscribe link, or a `token=` in a query string gives whoever reads the log the power the
 * link gives (ASVS 7.1.1). The log keeps the route's shape and drops the secret.
 */

/** A path segment that is a secret: 20 or more URL-safe characters that are not a UUID (a record's id). */
const SECRET_SEGMENT = /^[A-Za-z0-9_~.-]{20,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_PARAMS = /^(token|code|key|secret|password|state)$/i;

export const REDACTED = '[redacted]';

/** The URL with every secret-looking path segment and secret query value replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
  const safePath = path
    .split('/')
    .map((segment) => (SECRET_SEGMENT.test(segment) && !UUID.test(segment) ? REDACTED : segment))
    .join('/');
  if (queryAt < 0) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

interface RequestLike {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number | undefined } | null;
}

/** Fastify's request serializer (method, url, host, address, port) with the URL redacted. */
export function serializeRequest(req: RequestLike) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

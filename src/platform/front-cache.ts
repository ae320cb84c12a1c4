import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { FastifyBaseLogger } from 'fastify';
import {
  currentDay,
  preferredEncoding,
  type PageCacheFront,
  type VariantRequest,
} from './page-cache.ts';

/**
 * The front of the page cache (decision 045): a hit answered before Fastify. A cached page
 * that Fastify has answered once as a hit (every hook run, every header set) is kept as it
 * went on the wire (page-cache.ts, `Replay`); the next requests for it are answered here,
 * from the raw request, with the same status, headers and bytes, while the `public` data
 * generation and the day are still those it was sent at. So a hit no longer pays for
 * routing, the hook chains, the reply object and two log lines, which cost 85 % of it
 * (issue 16): it costs the key, one generation read shared by the requests of the same turn,
 * and one log line.
 *
 * Everything that is not certainly such a hit goes to Fastify unchanged: another method than
 * GET, a session cookie or an Authorization header, a conditional request (Fastify answers
 * 304), no replay for the page in the accepted encoding, a changed generation or day, a
 * database that does not answer, an app not ready.
 */

/** Kept in step with platform/auth.ts and page-cache.ts. */
const SESSION_COOKIE = /(?:^|;\s*)vanort_session=/;
/** The incoming request id kept, as Fastify's genReqId keeps it (app.ts). */
const REQUEST_ID = /^[\w-]{8,64}$/;

export interface FrontOptions {
  front: PageCacheFront;
  /** The `public` data generation, as committed (shared by the requests of one turn). */
  generation: () => Promise<number>;
  /** False while the database is not ready: Fastify answers 503. */
  ready: () => boolean;
  /** Fastify's `rewriteUrl` (the language prefix): the URL the routes see. */
  rewrite: (req: IncomingMessage) => string;
  /** True when the key needs the Host header but the proxy may have set another (TRUST_PROXY). */
  hostUntrusted: boolean;
  /** The client's address as Fastify's `request.ip` gives it (TRUST_PROXY), for the log. */
  clientAddress: (req: IncomingMessage) => string;
  log: FastifyBaseLogger;
  /** Counts the response for /metrics, as the Fastify path does. */
  observe: (route: string, method: string, status: number, seconds: number) => void;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps Fastify's request handler: a request the front can answer is answered here, any
 * other goes to `next`.
 */
export function frontCache(options: FrontOptions, next: RequestHandler): RequestHandler {
  const { front, log } = options;
  const logged = ['trace', 'debug', 'info'].includes(log.level);
  return (req, res) => {
    const key = options.ready() ? keyOf(req, options) : null;
    const entry = key === null ? undefined : front.cache.peek(key);
    if (key === null || !entry?.replay) return next(req, res);
    const started = performance.now();
    options.generation().then(
      (generation) => {
        const hit = front.cache.get(key, generation);
        const body = hit?.body;
        const encoding =
          body && body.length >= 1024
            ? (preferredEncoding(req.headers['accept-encoding']) ?? 'identity')
            : 'identity';
        const replay = hit?.replay?.[encoding];
        if (!replay || replay.day !== currentDay()) return next(req, res);
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.writeHead(200, [...replay.headers, 'x-request-id', id]);
        res.end(replay.body);
        const seconds = (performance.now() - started) / 1000;
        options.observe(replay.route, 'GET', 200, seconds);
        if (logged)
          log.info(
            {
              requestId: id,
              req: {
                method: 'GET',
                url: req.url,
                host: req.headers.host,
                ip: options.clientAddress(req),
                socket: req.socket,
              },
              res: { statusCode: 200 },
              responseTime: seconds * 1000,
              cache: 'front',
            },
            'request completed',
          );
      },
      // The database does not answer: Fastify's route reports that itself.
      () => next(req, res),
    );
  };
}

/** The page's key, or null when the request is not a plain anonymous GET of a page. */
function keyOf(req: IncomingMessage, options: FrontOptions): string | null {
  if (req.method !== 'GET') return null;
  const { headers } = req;
  if (
    headers.authorization !== undefined ||
    headers['if-none-match'] !== undefined ||
    headers['if-modified-since'] !== undefined
  )
    return null;
  if (headers.cookie !== undefined && SESSION_COOKIE.test(headers.cookie)) return null;
  if (options.hostUntrusted) return null;
  const url = options.rewrite(req);
  const queryAt = url.indexOf('?');
  const request: VariantRequest = {
    url,
    raw: req,
    headers,
    query: queryAt < 0 ? {} : parseQuery(url.slice(queryAt + 1)),
  };
  return options.front.keyOf(request, headers.host);
}

import type { FastifyInstance } from 'fastify';

/**
 * A short-lived cache of public, anonymous GET responses (micro-caching). Public
 * pages change only when someone records something, and then a few seconds of
 * staleness is harmless; under load the portal then renders each page once per
 * TTL instead of once per request. Routes opt in with `config.pageCache: true`.
 * Requests of logged-in users (a session cookie or a Bearer token) bypass it, and so
 * do requests that switch the language (they set a cookie). Writes in this process call `app.pageCache.clear()`; other instances catch
 * up within the TTL. PAGE_CACHE_TTL_MS=0 turns it off.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: boolean;
  }
  interface FastifyInstance {
    pageCache: PageCache;
  }
  interface FastifyRequest {
    pageCacheKey: string | null;
  }
}

interface Entry {
  expires: number;
  body: string;
  /** The stored response's headers (content type, cache control, security headers). */
  headers: Record<string, string>;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Omit<Entry, 'expires'>, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { ...entry, expires: now + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Kept in step with platform/auth.ts and platform/i18n (not imported, to keep this module small). */
const SESSION_COOKIE_NAME = 'vanort_session';
const LANG_COOKIE_NAME = 'lang';
/** Response headers that belong to one response only and are never replayed. */
const NOT_REPLAYED = new Set(['set-cookie', 'x-request-id', 'date', 'content-length', 'x-cache']);

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Registers the cache. The lookup runs as the very first hook, before the security
 * headers and the cookie, language and session plugins, and replays the headers of the
 * response it stored (security headers included), so a hit costs almost nothing.
 * `localeOf` gives the language from the `lang` query value and cookie the same way the
 * i18n plugin does, or null when the request would change the language cookie.
 */
export function registerPageCache(
  app: FastifyInstance,
  ttlMs: number,
  localeOf: (queryLang: unknown, cookieLang: string | undefined) => string | null,
): void {
  const cache = new PageCache(ttlMs);
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheKey', null);
  if (ttlMs <= 0) return;

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // Only public routes: a protected route must never be answered before its permission check.
    if (request.method !== 'GET' || !config.pageCache || config.permission !== 'public') return;
    const cookieHeader = request.headers.cookie;
    if (request.headers.authorization || cookieValue(cookieHeader, SESSION_COOKIE_NAME)) return;
    const locale = localeOf(
      (request.query as Record<string, unknown> | undefined)?.lang,
      cookieValue(cookieHeader, LANG_COOKIE_NAME),
    );
    if (locale === null) return;
    const key = `${locale}|${request.url}`;
    const hit = cache.get(key);
    if (hit) {
      reply.headers(hit.headers).header('x-cache', 'hit');
      return reply.send(hit.body);
    }
    request.pageCacheKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.pageCacheKey || reply.statusCode !== 200 || typeof payload !== 'string') {
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (!NOT_REPLAYED.has(name) && value !== undefined) headers[name] = String(value);
    }
    cache.set(request.pageCacheKey, { body: payload, headers });
    reply.header('x-cache', 'miss');
    return payload;
  });
}

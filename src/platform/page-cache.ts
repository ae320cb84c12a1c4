import type { FastifyInstance } from 'fastify';

/**
 * A short-lived cache of public, anonymous GET responses (micro-caching). Public
 * pages change only when someone records something, and then a few seconds of
 * staleness is harmless; under load the portal then renders each page once per
 * TTL instead of once per request. Routes opt in with `config.pageCache: true`.
 * Requests of logged-in users (a session cookie or a Bearer token) bypass it. Writes in this process call `app.pageCache.clear()`; other instances catch
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
  contentType: string;
  cacheControl: string | undefined;
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

/** Kept in step with platform/auth.ts (not imported, to keep this module free of accounts). */
const SESSION_COOKIE_NAME = 'vanort_session';

/** Registers the cache hooks; call after the i18n hook so the locale is known. */
export function registerPageCache(app: FastifyInstance, ttlMs: number): void {
  const cache = new PageCache(ttlMs);
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheKey', null);
  if (ttlMs <= 0) return;

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.pageCache) return;
    if (request.cookies[SESSION_COOKIE_NAME] || request.headers.authorization) return;
    const key = `${request.i18n.locale}|${request.url}`;
    const hit = cache.get(key);
    if (hit) {
      reply.header('content-type', hit.contentType).header('x-cache', 'hit');
      if (hit.cacheControl) reply.header('cache-control', hit.cacheControl);
      return reply.send(hit.body);
    }
    request.pageCacheKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.pageCacheKey || reply.statusCode !== 200 || typeof payload !== 'string')
      return payload;
    cache.set(request.pageCacheKey, {
      body: payload,
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      cacheControl: reply.getHeader('cache-control') as string | undefined,
    });
    reply.header('x-cache', 'miss');
    return payload;
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentGeneration } from './read-cache.ts';

/**
 * A cache of public, anonymous GET responses, kept true by the data generations
 * (decision 011). Every entry remembers the generation of the `public` data set it was
 * rendered at (migration 0010: triggers change it in the same transaction as every write
 * to a table a public page reads), and a hit is served only while the generation is still
 * the same. So a cached page is never older than the last committed write, on any number of
 * instances, and no route has to remember the cache. The price of a hit is one tiny query
 * (`select name, value from data_generation`), shared by the requests that arrive in the
 * same turn of the event loop and with the read cache (src/platform/read-cache.ts).
 *
 * Routes opt in with `config.pageCache: true`. Requests of logged-in users (a session
 * cookie or a Bearer token) bypass it, and so do requests redirected to another language's address. PAGE_CACHE_TTL_MS bounds how long an entry is kept in memory (0 turns the
 * cache off).
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
    /** The `public` generation read before the handler ran; the response is stored under it. */
    pageCacheGeneration: number;
  }
}

interface Entry {
  expires: number;
  /** The `public` generation read before the page was rendered. */
  generation: number;
  body: string;
  /** The stored response's headers (content type, cache control, security headers). */
  headers: Record<string, string>;
}

/**
 * What the entries may hold together (decision 031). The key holds the query string, so a
 * visitor can ask for a thousand variants of the largest page: the count alone does not
 * bound the memory.
 */
const MAX_BYTES = 32 * 1024 * 1024;

/** An entry's memory, roughly: two bytes a character of the body and the headers. */
function sizeOf(entry: { body: string; headers: Record<string, string> }): number {
  let size = 2 * entry.body.length + 64;
  for (const [name, value] of Object.entries(entry.headers))
    size += 2 * (name.length + value.length);
  return size;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** The newest generation seen; every entry of another one is useless, they never come back. */
  private generation: number | undefined;
  private stored = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.stored -= sizeOf(entry);
    this.entries.delete(key);
  }

  /** The entry for `key` if it was rendered at `generation` and is younger than the TTL. */
  get(key: string, generation: number, now = Date.now()): Entry | undefined {
    if (generation !== this.generation) {
      // Generations are random values, not a sequence: once data changed, no entry of the
      // old generation can be served again.
      this.entries.clear();
      this.stored = 0;
      this.generation = generation;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now || entry.generation !== generation) {
      this.remove(key);
      return undefined;
    }
    return entry;
  }

  /**
   * Stores a response rendered after `generation` was read. A write that committed while it
   * rendered has changed the generation since: then the response is not kept (the next
   * request renders again).
   */
  set(
    key: string,
    generation: number,
    entry: Omit<Entry, 'expires' | 'generation'>,
    now = Date.now(),
  ): void {
    if (generation !== this.generation) return;
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.remove(key);
    // The oldest entries go first, until both the count and the bytes fit.
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.maxEntries || this.stored + size > this.maxBytes)
    ) {
      this.remove(this.entries.keys().next().value!);
    }
    this.entries.set(key, { ...entry, generation, expires: now + this.ttlMs });
    this.stored += size;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What the entries hold, roughly, in bytes. */
  get bytes(): number {
    return this.stored;
  }
}

/** Kept in step with platform/auth.ts (not imported, to keep this module small). */
const SESSION_COOKIE_NAME = 'vanort_session';
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
 * response it stored (security headers included), so a hit costs almost nothing beyond
 * reading the generation. `variantOf` gives the key of a request's page (its language,
 * what it offers, its URL), or null when the request is not answered with a page.
 */
export function registerPageCache(
  app: FastifyInstance,
  ttlMs: number,
  variantOf: (request: FastifyRequest) => string | null,
): void {
  const cache = new PageCache(ttlMs);
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheKey', null);
  app.decorateRequest('pageCacheGeneration', 0);
  if (ttlMs <= 0) return;

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // Only public routes: a protected route must never be answered before its permission check.
    if (request.method !== 'GET' || !config.pageCache || config.permission !== 'public') return;
    const cookieHeader = request.headers.cookie;
    if (request.headers.authorization || cookieValue(cookieHeader, SESSION_COOKIE_NAME)) return;
    const variant = variantOf(request);
    if (variant === null) return;
    // Without PUBLIC_URL, absolute links are built from the Host header: keep each host's
    // page apart, so a forged Host never reaches the next visitor.
    const key = app.config.publicUrl ? variant : `${request.host}|${variant}`;
    let generation: number;
    try {
      generation = await currentGeneration(app.db.kysely, 'public');
    } catch {
      return; // The database does not answer: the route reports that itself, uncached.
    }
    const hit = cache.get(key, generation);
    if (hit) {
      reply.headers(hit.headers).header('x-cache', 'hit');
      return reply.send(hit.body);
    }
    // Read before rendering: a write that commits meanwhile changes the generation, so the
    // page stored under this one is rendered again by the next request.
    request.pageCacheKey = key;
    request.pageCacheGeneration = generation;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.pageCacheKey || reply.statusCode !== 200 || typeof payload !== 'string') {
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (!NOT_REPLAYED.has(name) && value !== undefined) headers[name] = String(value);
    }
    cache.set(request.pageCacheKey, request.pageCacheGeneration, { body: payload, headers });
    reply.header('x-cache', 'miss');
    return payload;
  });
}

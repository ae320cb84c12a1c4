import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
    /** The validators of an anonymous public page (decision 030), null for any other response. */
    pageValidators: Validators | null;
    /** The `public` generation read before the handler ran; the response is stored under it. */
    pageCacheGeneration: number;
    /** A hit answered by Fastify: its response is learnt for the front (front-cache.ts). */
    pageCacheHit: { entry: Entry; encoding: Encoding | 'identity'; body: Buffer } | null;
  }
}

/**
 * A hit as it went on the wire, kept to be sent again by the front of the cache
 * (src/platform/front-cache.ts) without Fastify: the status 200, every header but the
 * per-response ones (date, request id), the bytes, the route (for /metrics) and the day the
 * ETag names.
 */
export interface Replay {
  day: string;
  /** Header names and values, flat (`[name, value, name, value, …]`), as `writeHead` takes them. */
  headers: string[];
  body: Buffer;
  route: string;
}

interface Entry {
  expires: number;
  /** The `public` generation read before the page was rendered. */
  generation: number;
  /**
   * The body as UTF-8 bytes, encoded once when stored: a hit sends these bytes as they are
   * (a string would be encoded again on every hit, 52 KB of garbage per API list; decision 043).
   */
  body: Buffer;
  /** The stored response's headers (content type, cache control, security headers). */
  headers: Record<string, string>;
  /** The body compressed, made on the first hit that asks for each encoding (not per hit). */
  encoded?: Partial<Record<Encoding, Buffer>>;
  /** The hits Fastify answered, by encoding, for the front to send again. */
  replay?: Partial<Record<Encoding | 'identity', Replay>>;
}

export type Encoding = 'br' | 'gzip';

/** HTTP validators of a public page, all derived from the data generation (decision 030). */
interface Validators {
  etag: string;
  lastModified: string;
}

/**
 * A shared cache (a reverse proxy) may keep a public page but must ask again every time;
 * the question costs one generation read and is answered 304 while nothing changed.
 */
export const PUBLIC_REVALIDATE = 'public, max-age=0, must-revalidate';
/** A page for a signed-in person: never kept by anyone (it names them, may hold personal data). */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * What the entries may hold together (decision 031). The key holds the query string, so a
 * visitor can ask for a thousand variants of the largest page: the count alone does not
 * bound the memory.
 */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * An entry's memory, roughly: the body's bytes, two bytes a character of the headers, and
 * the bytes of each compressed copy made of it.
 */
function sizeOf(entry: Pick<Entry, 'body' | 'headers' | 'encoded'>): number {
  let size = entry.body.length + 64;
  for (const [name, value] of Object.entries(entry.headers))
    size += 2 * (name.length + value.length);
  for (const copy of Object.values(entry.encoded ?? {})) size += copy.length;
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
    response: { body: string | Buffer; headers: Record<string, string> },
    now = Date.now(),
  ): void {
    if (generation !== this.generation) return;
    const entry = { body: Buffer.from(response.body), headers: response.headers };
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.remove(key);
    this.makeRoom(size, 1);
    this.entries.set(key, { ...entry, generation, expires: now + this.ttlMs });
    this.stored += size;
  }

  /**
   * The body of the entry stored under `key` in `encoding`, compressed on the first request
   * that asks for it and kept with the entry; its bytes count against the budget like the
   * body's (older entries make room). A copy that cannot fit is sent but not kept.
   */
  encoded(key: string, entry: Entry, encoding: Encoding): Buffer {
    const kept = entry.encoded?.[encoding];
    if (kept) return kept;
    const body = encode(entry.body, encoding);
    if (this.entries.get(key) !== entry || sizeOf(entry) + body.length > this.maxBytes) return body;
    // Older entries make room; this one stays (it moves to the newest place meanwhile).
    this.entries.delete(key);
    this.makeRoom(body.length, 0);
    this.entries.set(key, entry);
    entry.encoded = { ...entry.encoded, [encoding]: body };
    this.stored += body.length;
    return body;
  }

  /** Removes the oldest entries until `bytes` more fit and `slots` more entries are allowed. */
  private makeRoom(bytes: number, slots: number): void {
    while (
      this.entries.size > 0 &&
      (this.entries.size + slots > this.maxEntries || this.stored + bytes > this.maxBytes)
    ) {
      this.remove(this.entries.keys().next().value!);
    }
  }

  /** The entry under `key` whatever its generation (the front's quick look before it reads one). */
  peek(key: string): Entry | undefined {
    return this.entries.get(key);
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
const NOT_REPLAYED = new Set([
  'set-cookie',
  'x-request-id',
  'date',
  'content-length',
  'x-cache',
  'etag',
  'last-modified',
  'content-encoding',
]);

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * An identifier of the running code and its assets: a page's bytes depend on them as much
 * as on the data, so a deploy must change every ETag. Every instance running the same build
 * computes the same value (file contents, not times).
 */
export function releaseId(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(js|ts|tsx|json|css|svg)$/.test(f) && !/\.test\./.test(f))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(`${dir}/${file}`));
  return hash.digest('hex').slice(0, 16);
}

/** The day in Gothenburg: pages say "upcoming" and "this year", so a new day is a new page. */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' });
let day = { text: '', until: 0 };
/** Today in Gothenburg, formatted at most once a second (a format per request cost 2 %). */
export function currentDay(now = Date.now()): string {
  if (now >= day.until) day = { text: dayFormat.format(now), until: now + 1000 };
  return day.text;
}

/** The encoding a client accepts that we prefer (Brotli, then gzip), honouring `q=0`. */
export function preferredEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip' || name === '*') gzip = true;
  }
  return gzip ? 'gzip' : null;
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  // Made once per cached entry, so the best compression is worth its milliseconds.
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(body, { level: 9 });
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = String(reply.getHeader('vary') ?? '');
  const have = new Set(
    current
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  );
  const add = names.filter((n) => !have.has(n.toLowerCase()));
  if (add.length) reply.header('vary', [current, ...add].filter(Boolean).join(', '));
}

/** What a page's cache key is read from (a Fastify request, or what the front builds). */
export type VariantRequest = Pick<FastifyRequest, 'url' | 'query' | 'headers' | 'raw'>;

/** What the front of the cache needs from it (src/platform/front-cache.ts). */
export interface PageCacheFront {
  cache: PageCache;
  /** The key of a request's page, as the Fastify path computes it; null: not a cached page. */
  keyOf: (request: VariantRequest, host: string | undefined) => string | null;
}

/** Response headers a replay never repeats: they belong to one response. */
const NOT_REPLAYED_ON_THE_WIRE = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);

/**
 * Registers the cache and the HTTP validators. The lookup runs as the very first hook,
 * before the cookie, language and session plugins, and replays the headers of the
 * response it stored, so a hit costs almost nothing beyond reading the generation. The same
 * generation gives every anonymous public page an `ETag` (the generation, the day, the page's
 * variant and the release) and a `Last-Modified` (when this instance first saw the
 * generation), so a browser or proxy asking again gets `304 Not Modified` without the page
 * being rendered, and never after a write (decision 030). `variantOf` gives the key of a
 * request's page (its language, what it offers, its URL), or null when the request is not
 * answered with a page. A hit that Fastify answered is kept as it went on the wire, so that
 * the front (front-cache.ts) sends the next ones before Fastify (decision 045).
 */
export function registerPageCache(
  app: FastifyInstance,
  ttlMs: number,
  variantOf: (request: VariantRequest) => string | null,
  release = '',
): PageCacheFront {
  const cache = new PageCache(ttlMs);
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheKey', null);
  app.decorateRequest('pageCacheGeneration', 0);
  app.decorateRequest('pageValidators', null);
  app.decorateRequest('pageCacheHit', null);

  /** When this instance first saw each recent generation (HTTP dates have whole seconds). */
  const firstSeen = new Map<number, string>();
  const lastModifiedOf = (generation: number): string => {
    let date = firstSeen.get(generation);
    if (date === undefined) {
      date = new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
      if (firstSeen.size >= 16) firstSeen.clear();
      firstSeen.set(generation, date);
    }
    return date;
  };
  const tagMemo = new Map<string, string>();
  const tagOf = (text: string): string => {
    let tag = tagMemo.get(text);
    if (tag === undefined) {
      tag = createHash('sha256').update(text).digest('base64url').slice(0, 22);
      if (tagMemo.size >= 5000) tagMemo.clear();
      tagMemo.set(text, tag);
    }
    return tag;
  };
  // Without PUBLIC_URL, absolute links are built from the Host header: keep each host's
  // page apart, so a forged Host never reaches the next visitor.
  const keyOf = (request: VariantRequest, host: string | undefined): string | null => {
    const variant = variantOf(request);
    if (variant === null) return null;
    return app.config.publicUrl ? variant : `${host ?? ''}|${variant}`;
  };

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // Only public routes: a protected route must never be answered before its permission check.
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (!config.pageCache || config.permission !== 'public') return;
    const cookieHeader = request.headers.cookie;
    if (request.headers.authorization || cookieValue(cookieHeader, SESSION_COOKIE_NAME)) return;
    const key = keyOf(request, request.host);
    if (key === null) return;
    let generation: number;
    try {
      generation = await currentGeneration(app.db.kysely, 'public');
    } catch {
      return; // The database does not answer: the route reports that itself, uncached.
    }
    const validators = {
      etag: `W/"${generation.toString(36)}-${tagOf(`${release}|${currentDay()}|${app.state.demo}|${key}`)}"`,
      lastModified: lastModifiedOf(generation),
    };
    request.pageValidators = validators;
    if (matches(request.headers['if-none-match'], validators.etag)) {
      addVary(reply, 'accept-encoding', 'Accept-Language', 'Cookie');
      reply
        .code(304)
        .header('etag', validators.etag)
        .header(
          'last-modified',
          cache.peek(key)?.headers['last-modified'] ?? validators.lastModified,
        )
        .header('cache-control', PUBLIC_REVALIDATE)
        .header('x-cache', 'revalidated');
      return reply.send();
    }
    if (ttlMs <= 0 || request.method !== 'GET') return;
    // Only If-Modified-Since: the route answers it (a feed's Last-Modified is its latest news).
    if (request.headers['if-modified-since'] !== undefined) return;
    const hit = cache.get(key, generation);
    if (hit) {
      reply.headers(hit.headers).header('x-cache', 'hit');
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (encoding && hit.body.length >= 1024) {
        const body = cache.encoded(key, hit, encoding);
        if (hit.encoded?.[encoding] === body) request.pageCacheHit = { entry: hit, encoding, body };
        reply.header('content-encoding', encoding);
        return reply.send(body);
      }
      request.pageCacheHit = { entry: hit, encoding: 'identity', body: hit.body };
      return reply.send(hit.body);
    }
    // Read before rendering: a write that commits meanwhile changes the generation, so the
    // page stored under this one is rendered again by the next request.
    request.pageCacheKey = key;
    request.pageCacheGeneration = generation;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const validators = request.pageValidators;
    if (!validators || reply.statusCode === 304) return payload;
    if (reply.statusCode !== 200 || reply.getHeader('set-cookie') !== undefined) {
      // Not the page the validators name (an error, a redirect) or one carrying a cookie for
      // this visitor: no validator, and no shared cache may keep it.
      if (reply.getHeader('set-cookie') !== undefined)
        reply.header('cache-control', PRIVATE_NO_STORE);
      return payload;
    }
    const cacheControl = reply.getHeader('cache-control');
    if (cacheControl === undefined || cacheControl === 'no-cache') {
      reply.header('cache-control', PUBLIC_REVALIDATE);
    }
    reply.header('etag', validators.etag);
    // A route that knows when its data last changed says so (the feeds); else the generation's.
    if (reply.getHeader('last-modified') === undefined)
      reply.header('last-modified', validators.lastModified);
    addVary(reply, 'accept-encoding', 'Accept-Language', 'Cookie');
    if (!request.pageCacheKey || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (!NOT_REPLAYED.has(name) && value !== undefined) headers[name] = String(value);
    }
    cache.set(request.pageCacheKey, request.pageCacheGeneration, { body: payload, headers });
    reply.header('x-cache', 'miss');
    return payload;
  });

  // A hit Fastify answered, as it went out (after every onSend hook): the front sends the
  // same again until the generation or the day changes.
  app.addHook('onResponse', (request, reply, done) => {
    const hit = request.pageCacheHit;
    if (hit && reply.statusCode === 200 && !reply.raw.getHeader('set-cookie')) {
      const headers: string[] = [];
      // Fastify passes its headers to writeHead (not setHeader): read both.
      const sent = { ...reply.raw.getHeaders(), ...reply.getHeaders() };
      for (const [name, value] of Object.entries(sent)) {
        if (value === undefined || NOT_REPLAYED_ON_THE_WIRE.has(name)) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
      }
      hit.entry.replay = {
        ...hit.entry.replay,
        [hit.encoding]: {
          day: currentDay(),
          headers,
          body: hit.body,
          route: request.routeOptions.url ?? request.url,
        },
      };
    }
    done();
  });

  return { cache, keyOf };
}

import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { i18nFor, type I18n } from './i18n.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';
import {
  isDownload,
  isLocalizable,
  localizePath,
  preferredLocale,
  splitLocaleUrl,
} from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    i18n: I18n;
    /**
     * On the Swedish start page only: the language the reader's `Accept-Language` prefers,
     * when it is another of the five (the page offers a link to it; never a redirect).
     */
    offeredLocale: Locale | null;
  }
}

/**
 * What the language of a request is read from: the (rewritten) address, its query, its
 * headers and the raw request. A Fastify request is one; so is what the front of the page
 * cache (src/platform/front-cache.ts) builds from a raw request, so both key a page alike.
 */
export type LocaleRequest = Pick<FastifyRequest, 'url' | 'query' | 'headers' | 'raw'>;

/** The language each request's address named (set by `rewriteLocaleUrl`, before routing). */
const addressLocale = new WeakMap<IncomingMessage, Locale>();

/**
 * Fastify's `rewriteUrl`: strips the language prefix (`/da/meetings` → `/meetings`) so the
 * routes serve every language, and remembers the language for the request.
 */
export function rewriteLocaleUrl(raw: IncomingMessage): string {
  const { locale, url } = splitLocaleUrl(raw.url ?? '/');
  if (locale) addressLocale.set(raw, locale);
  return url;
}

/** The language of a page request: its address prefix, or Swedish. */
export function pageLocale(request: LocaleRequest): Locale {
  return addressLocale.get(request.raw) ?? DEFAULT_LOCALE;
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');
const queryLang = (request: LocaleRequest): unknown =>
  (request.query as Record<string, unknown> | undefined)?.lang;

/**
 * The language of an API request: `?lang=` (one of the five), then `Accept-Language`, then
 * Swedish; of a file download: `?lang=`, else Swedish. An unknown `?lang=` is ignored.
 */
function apiLocale(request: LocaleRequest): Locale {
  const lang = queryLang(request);
  if (isLocale(lang)) return lang;
  return (
    (isApi(request.url) ? preferredLocale(request.headers['accept-language']) : null) ??
    DEFAULT_LOCALE
  );
}

/**
 * The language an API request named with `?lang=`, or null. Read from the address, since
 * a route's query schema leaves `lang` out of the parsed query: links to further slices
 * (`next`) keep it.
 */
export function requestedLocale(request: FastifyRequest): Locale | null {
  const query = request.url.indexOf('?');
  if (query < 0) return null;
  const lang = new URLSearchParams(request.url.slice(query + 1)).getAll('lang');
  return lang.length === 1 && isLocale(lang[0]) ? lang[0] : null;
}

function offeredLocale(request: LocaleRequest): Locale | null {
  if (addressLocale.has(request.raw) || request.url !== '/') return null;
  const preferred = preferredLocale(request.headers['accept-language']);
  return preferred && preferred !== DEFAULT_LOCALE ? preferred : null;
}

/**
 * What a cached page varies by besides its address: its language and, on the start page,
 * the language offered to the reader; null when the request is redirected (`?lang=`).
 * An API answer varies by the language `?lang=` or `Accept-Language` chose.
 */
export function pageCacheVariant(request: LocaleRequest): string | null {
  if (isApi(request.url)) return `${apiLocale(request)}|${request.url}`;
  // A download's route may read the address's language too (the feeds: `/en/news.atom`).
  if (isDownload(request.url)) return `${apiLocale(request)}|${pageLocale(request)}|${request.url}`;
  if (isLocale(queryLang(request))) return null;
  return `${pageLocale(request)}|${offeredLocale(request) ?? ''}|${request.url}`;
}

/**
 * The language of a request. Pages: the address (`/da/…`), else Swedish; an old link with
 * `?lang=xx` is sent on to that language's address (an unknown value is ignored). The API:
 * `?lang=`, then `Accept-Language`, then Swedish; a file download (`.ics`, `.csv`): `?lang=`
 * (its links on a page carry it), else Swedish. Redirects a page sends keep its language.
 */
export function registerI18n(app: FastifyInstance): void {
  app.decorateRequest('i18n', null as unknown as I18n);
  app.decorateRequest('offeredLocale', null);
  app.addHook('onRequest', async (request, reply) => {
    if (isApi(request.url) || isDownload(request.url)) {
      // A download's link names its language; the API also reads Accept-Language.
      const locale = apiLocale(request);
      request.i18n = i18nFor(locale);
      reply.header('content-language', locale).header('vary', 'Accept-Language');
      return;
    }
    const locale = pageLocale(request);
    request.i18n = i18nFor(locale);
    if (!isLocalizable(request.url)) return;
    const lang = queryLang(request);
    if (isLocale(lang) && (request.method === 'GET' || request.method === 'HEAD')) {
      const url = new URL(request.url, 'http://localhost');
      url.searchParams.delete('lang');
      return reply.redirect(localizePath(url.pathname + url.search, lang), 301);
    }
    request.offeredLocale = offeredLocale(request);
    reply.header('content-language', locale);
    if (request.url === '/') reply.header('vary', 'Accept-Language');
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const location = reply.getHeader('location');
    const locale = request.i18n?.locale ?? DEFAULT_LOCALE;
    if (typeof location === 'string' && locale !== DEFAULT_LOCALE && !isApi(request.url)) {
      reply.header('location', localizePath(location, locale));
    }
    done(null, payload);
  });
}

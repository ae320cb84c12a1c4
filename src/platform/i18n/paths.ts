import Negotiator from 'negotiator';
import { ALL_LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

/**
 * Language in the address: Swedish at the root, the others under `/en/`, `/da/`, `/nb/` and
 * `/fi/`, so every page in every language has its own URL (cacheable, linkable, in the
 * sitemap). The routes know nothing of it: `rewriteUrl` strips the prefix before routing and
 * remembers the language, and a rendered page's own links get the prefix back.
 */

/** The address prefix of a language ('' for Swedish). */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

const PREFIXED = new RegExp(
  `^/(${ALL_LOCALES.filter((l) => l !== DEFAULT_LOCALE).join('|')})(?=/|\\?|$)`,
);

/** Splits a request URL into its language (null: no prefix) and the URL the routes see. */
export function splitLocaleUrl(url: string): { locale: Locale | null; url: string } {
  const match = PREFIXED.exec(url);
  if (!match || !isLocale(match[1])) return { locale: null, url };
  const rest = url.slice(match[0].length);
  return { locale: match[1], url: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
}

/**
 * Whether a path is a page that exists in every language: not the API, static files,
 * or a file download (a last segment with an extension, e.g. `/meetings.ics`).
 */
export function isLocalizable(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  if (/^\/(static|api)(\/|$)/.test(path)) return false;
  const pathname = path.split(/[?#]/, 1)[0]!;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** A site path in a language: `/meetings` → `/da/meetings`, `/` → `/da/`. */
export function localizePath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !isLocalizable(path) || PREFIXED.test(path)) return path;
  return `${localePrefix(locale)}${path}`;
}

/** A file download (`/meetings.ics`, `…/export.csv`): its language goes in `?lang=`. */
export function isDownload(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !isLocalizable(path) &&
    !/^\/(static|api)(\/|$)/.test(path)
  );
}

/** A link in a language: a page at the language's address, a download with `?lang=`. */
export function localizeLink(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  if (!isDownload(path) || /[?&]lang=/.test(path)) return localizePath(path, locale);
  const hash = path.indexOf('#');
  const [base, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes('?') ? '&amp;' : '?'}lang=${locale}${fragment}`;
}

/**
 * Gives a rendered page's own links (`href`, `action`) the page's language. A link that
 * carries `hreflang` before its address (the language switch, the alternates) names its
 * language's address itself and is left as it is.
 */
export function localizeHtml(html: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return html;
  return html.replace(
    /(<(?:a|form|link)\b[^>]*?)\s(href|action)="(\/[^"]*)"/g,
    (whole, start: string, attribute: string, path: string) =>
      start.includes(' hreflang=')
        ? whole
        : `${start} ${attribute}="${localizeLink(path, locale)}"`,
  );
}

/** Accept-Language tags for each language (Norwegian: bokmål, or just "Norwegian"). */
const ACCEPTED: Record<string, Locale> = {
  ...Object.fromEntries(ALL_LOCALES.map((l) => [l, l])),
  no: 'nb',
  nn: 'nb',
};

/** The reader's preferred language among the five by `Accept-Language`, or null. */
export function preferredLocale(acceptLanguage: string | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages(
    Object.keys(ACCEPTED),
  )[0];
  return best ? (ACCEPTED[best.toLowerCase()] ?? null) : null;
}

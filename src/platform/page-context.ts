import type { User } from './identity.ts';
import { i18nFor, type I18n } from './i18n/i18n.ts';
import type { Locale } from './i18n/locales.ts';

/** A form's problems by field name, each a translated message; `form` is a problem of the whole form. */
export type FieldErrors = Record<string, string>;

/** What every page view needs besides its own data. */
export interface PageContext {
  i18n: I18n;
  /** Path of the current page without query and without the language prefix. */
  path: string;
  /** The current page's address as the routes see it (no language prefix), with its query. */
  url: string;
  /** The language the reader's browser prefers, offered on the Swedish start page. */
  offeredLocale: Locale | null;
  /** True when the database holds demo data: every page says so. */
  demo: boolean;
  /** Cache-busting token for static assets. */
  assetVersion: string;
  /** The logged-in user, or null. */
  user: User | null;
  /** A CSRF token for the forms on the page (the header's logout form among them). */
  csrfToken: string | null;
  /** A one-time message from the previous request (after a redirect). */
  flash: string | null;
  /** Problems of the form this page re-renders (set by the form helper): the layout shows the summary. */
  formErrors: FieldErrors;
}

/**
 * A page context made outside a request (a document, a job, a test): the language given,
 * nobody signed in, no form, at `path`; `fields` sets any of the rest.
 */
export function contextOutsideRequest(
  locale: Locale = 'sv',
  path = '/',
  fields: Partial<Omit<PageContext, 'i18n' | 'path'>> = {},
): PageContext {
  return {
    i18n: i18nFor(locale),
    path,
    url: path,
    offeredLocale: null,
    demo: false,
    assetVersion: '',
    user: null,
    csrfToken: null,
    flash: null,
    formErrors: {},
    ...fields,
  };
}

import { lookup, type MessageKey } from './catalogue.ts';
import { LOCALES, type Locale } from './locales.ts';
import { intlCache } from '../../shared/intl.ts';

export type { MessageKey, Messages } from './catalogue.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  /** BCP 47 tag for Intl formatting, e.g. sv-SE. */
  intl: string;
  t: Translate;
  /** The language a message was actually rendered in (for the `lang` attribute of fallbacks). */
  langOf: (key: MessageKey) => Locale;
  formatNumber: (n: number) => string;
}

const cache = new Map<Locale, I18n>();

export function i18nFor(locale: Locale): I18n {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numberFormat = intlCache.integerFormat(LOCALES[locale].intl);
  const value: I18n = {
    locale,
    intl: LOCALES[locale].intl,
    t: (key, params) => {
      // A missing key falls back to Swedish; a key no catalogue has shows as itself.
      const template = lookup(locale, key) ?? lookup('sv', key) ?? key;
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : match,
      );
    },
    langOf: (key) => (lookup(locale, key) !== undefined ? locale : 'sv'),
    formatNumber: (n) => numberFormat.format(n),
  };
  cache.set(locale, value);
  return value;
}

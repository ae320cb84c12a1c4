import { en } from './messages.en.ts';
import { sv, type MessageKey, type Messages } from './messages.sv.ts';
import { LOCALES, type Locale } from './locales.ts';
import { intlCache } from '../../shared/intl.ts';

export type { MessageKey } from './messages.sv.ts';

/** Catalogs per locale; a missing catalog or key falls back to Swedish. */
const catalogs: Partial<Record<Locale, Partial<Messages>>> = { sv, en };

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
  const catalog = catalogs[locale] ?? {};
  const numberFormat = intlCache.integerFormat(LOCALES[locale].intl);
  const value: I18n = {
    locale,
    intl: LOCALES[locale].intl,
    t: (key, params) => {
      const template = catalog[key] ?? sv[key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : match,
      );
    },
    langOf: (key) => (catalog[key] !== undefined ? locale : 'sv'),
    formatNumber: (n) => numberFormat.format(n),
  };
  cache.set(locale, value);
  return value;
}

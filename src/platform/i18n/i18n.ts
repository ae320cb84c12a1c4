import { IntlMessageFormat } from 'intl-messageformat';
import {
  compiled,
  PARSE_OPTIONS,
  type ArgKey,
  type MessageArgs,
  type MessageKey,
  type PlainKey,
} from './catalogue.ts';
import { LOCALES, type Locale } from './locales.ts';
import { intlCache } from '../../shared/intl.ts';

export type { ArgKey, MessageArgs, MessageKey, PlainKey } from './catalogue.ts';

/**
 * Translates a key. Messages with arguments (ICU: `{name}`, `{count, plural, …}`) must be
 * given them, checked by the type system from the Swedish catalogue.
 */
export interface Translate {
  (key: PlainKey): string;
  <K extends ArgKey>(key: K, args: MessageArgs<K>): string;
}

/** Arguments as the formatter takes them (values the type system has already checked). */
type Values = Record<string, string | number | Date>;

export interface I18n {
  locale: Locale;
  /** BCP 47 tag for Intl formatting, e.g. sv-SE. */
  intl: string;
  t: Translate;
  /** Translates a key chosen at run time, e.g. from a stored problem (arguments optional). */
  tDynamic: (key: string, args?: Values) => string;
  /** The language a message was actually rendered in (for the `lang` attribute of fallbacks). */
  langOf: (key: MessageKey) => Locale;
  formatNumber: (n: number) => string;
  /** A list the way the language writes it: "Aarhus, Bergen och Turku" / "Aarhus, Bergen og Turku". */
  formatList: (items: readonly string[]) => string;
}

const cache = new Map<Locale, I18n>();

/**
 * One translator per language, made once: each message's formatter is built on first use
 * from the message parsed at start, and kept.
 */
export function i18nFor(locale: Locale): I18n {
  const cached = cache.get(locale);
  if (cached) return cached;
  const intl = LOCALES[locale].intl;
  const numberFormat = intlCache.integerFormat(intl);
  const listFormat = new Intl.ListFormat(intl, { style: 'long', type: 'conjunction' });
  const formatters = new Map<string, IntlMessageFormat>();

  const translate = (key: string, args?: Values): string => {
    // A missing key falls back to Swedish; a key no catalogue has shows as itself.
    const own = compiled(locale, key);
    const message = own ?? compiled('sv', key);
    if (!message) return key;
    if (!message.ast) return message.text;
    const cacheKey = own ? key : `sv:${key}`;
    let formatter = formatters.get(cacheKey);
    if (!formatter) {
      formatter = new IntlMessageFormat(
        message.ast,
        own ? intl : LOCALES.sv.intl,
        undefined,
        PARSE_OPTIONS,
      );
      formatters.set(cacheKey, formatter);
    }
    try {
      return String(formatter.format(args ?? {}));
    } catch {
      // A missing argument at run time (only possible for a dynamic key) shows the text.
      return message.text;
    }
  };

  const value: I18n = {
    locale,
    intl,
    t: translate,
    tDynamic: translate,
    langOf: (key) => (compiled(locale, key) !== undefined ? locale : 'sv'),
    formatNumber: (n) => numberFormat.format(n),
    formatList: (items) => listFormat.format(items),
  };
  cache.set(locale, value);
  return value;
}

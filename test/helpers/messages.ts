import { lookup, type MessageKey } from '../../src/platform/i18n/catalogue.ts';
import type { Locale } from '../../src/platform/i18n/locales.ts';

/**
 * A language's catalogue texts by key, as written (ICU source); the keys are type-checked
 * and a missing message throws.
 */
export function messagesOf(locale: Locale): Readonly<Record<MessageKey, string>> {
  return new Proxy({} as Record<MessageKey, string>, {
    get: (_, key) => {
      const text = lookup(locale, String(key));
      if (text === undefined) throw new Error(`No ${locale} message ${String(key)}`);
      return text;
    },
  });
}

/**
 * A catalogue text with its plain `{name}` arguments filled in, e.g.
 * `fill(messagesOf('da')['meeting.title'], { year: 2027, city: 'Göteborg' })`. Plurals and
 * selects are not worked out here: a test writes the expected words out, so it checks them.
 */
export function fill(text: string, args: Readonly<Record<string, string | number>>): string {
  if (/\{\w+,\s*(plural|select|selectordinal)/.test(text))
    throw new Error(`fill: write the plural or select out in the test: ${text}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = args[name];
    if (value === undefined) throw new Error(`fill: no argument ${name} for ${text}`);
    return String(value);
  });
}

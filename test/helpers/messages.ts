import { lookup } from '../../src/platform/i18n/catalogue.ts';
import type { Locale } from '../../src/platform/i18n/locales.ts';

/** A language's catalogue texts by key, as written (ICU source); a missing key throws. */
export function messagesOf(locale: Locale): Readonly<Record<string, string>> {
  return new Proxy(
    {},
    {
      get: (_, key) => {
        const text = lookup(locale, String(key));
        if (text === undefined) throw new Error(`No ${locale} message ${String(key)}`);
        return text;
      },
    },
  );
}

import type { Locale } from './locales.ts';
import { en as platformEn } from './messages.en.ts';
import { sv as platformSv } from './messages.sv.ts';

/** A message catalogue's type: its keys, each a string. */
export type Messages<T> = Record<keyof T, string>;

/**
 * Every message key: the platform's own (messages.sv.ts) and each module's, which the
 * module adds by declaration merging in its `*.messages.ts`:
 *
 *   declare module '../../platform/i18n/catalogue.ts' {
 *     interface MessageCatalogue extends Messages<typeof meetingsSv> {}
 *   }
 *
 * so `t(key)` is type-checked everywhere while the platform imports no module.
 */
export interface MessageCatalogue extends Messages<typeof platformSv> {}

export type MessageKey = Extract<keyof MessageCatalogue, string>;

/** One language's messages of one module (Swedish, the source, has every key). */
export interface Catalogue {
  locale: Locale;
  messages: Readonly<Record<string, string>>;
}

const tables = new Map<Locale, Record<string, string>>([
  ['sv', { ...platformSv }],
  ['en', { ...platformEn }],
]);

/**
 * Adds modules' catalogues (src/modules/registry.ts does, once, as it is imported). A key
 * defined twice is a mistake: it throws, naming the key.
 */
export function installCatalogues(catalogues: readonly Catalogue[]): void {
  for (const { locale, messages } of catalogues) {
    const table = tables.get(locale) ?? {};
    for (const [key, text] of Object.entries(messages)) {
      if (Object.hasOwn(table, key) && table[key] !== text) {
        throw new Error(`Message key ${key} (${locale}) is defined twice`);
      }
      table[key] = text;
    }
    tables.set(locale, table);
  }
}

/** A message in a language, or undefined when the catalogue lacks it. */
export function lookup(locale: Locale, key: string): string | undefined {
  return tables.get(locale)?.[key];
}

/** Every key of a language's catalogue (for the catalogue checks). */
export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(tables.get(locale) ?? {});
}

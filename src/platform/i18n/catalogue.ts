import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ALL_LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

/**
 * Every message key and its arguments. The keys come from the Swedish catalogues (the
 * source): `npm run i18n:types` writes a `messages/keys.ts` beside each catalogue that adds
 * them to this interface by declaration merging (`CatalogueOf`): every key of its `sv.json`,
 * with the argument types of the messages that take any, e.g.
 *
 *   'delegation.col.members': { count: number };   // an ICU message with an argument
 *   'nav.meetings': undefined;                        // a message without arguments
 *
 * so `t(key, args)` is type-checked everywhere while the platform imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageCatalogue {}

export type MessageKey = Extract<keyof MessageCatalogue, string>;
/** A catalogue's keys (from its Swedish JSON) with the arguments of those that take any. */
export type CatalogueOf<Json, Args> = {
  [K in Extract<keyof Json, string>]: K extends keyof Args ? Args[K] : undefined;
};
/** The keys of messages without arguments. */
export type PlainKey = {
  [K in MessageKey]: MessageCatalogue[K] extends undefined ? K : never;
}[MessageKey];
/** The keys of messages with arguments. */
export type ArgKey = Exclude<MessageKey, PlainKey>;
export type MessageArgs<K extends MessageKey> = MessageCatalogue[K];

/** One language's messages of one module, as ICU MessageFormat strings. */
export interface Catalogue {
  locale: Locale;
  messages: Readonly<Record<string, string>>;
  /** The file it came from, for error messages and the catalogue check. */
  source?: string;
}

/** A message parsed once, when its catalogue is installed (never per request). */
export interface CompiledMessage {
  text: string;
  /** The parsed message; null when it is plain text (no argument, plural or select). */
  ast: MessageFormatElement[] | null;
}

/** Options every catalogue is parsed with: `<` and `>` are text, not tags. */
export const PARSE_OPTIONS = { ignoreTag: true } as const;

const tables = new Map<Locale, Map<string, CompiledMessage>>(
  ALL_LOCALES.map((l) => [l, new Map()]),
);

/** Parses a message; throws with the key and file when it is not valid ICU MessageFormat. */
export function compileMessage(text: string, where: string): CompiledMessage {
  // Most messages are plain text: without a brace there is no argument, plural or select,
  // and the parser would only confirm it (a third of start-up went to parsing them all;
  // decision 043).
  if (!/[{}]/.test(text)) return { text, ast: null };
  let ast: MessageFormatElement[];
  try {
    ast = parse(text, PARSE_OPTIONS);
  } catch (error) {
    throw new Error(`${where}: not a valid ICU message (${(error as Error).message})`, {
      cause: error,
    });
  }
  const plain = ast.every((e) => e.type === TYPE.literal);
  return { text, ast: plain ? null : ast };
}

/**
 * Reads a module's catalogues: `<dir>/<locale>.json` for each language that has a file
 * (flat JSON, key → ICU message; the format Weblate and Crowdin read as "JSON with ICU").
 */
export function loadCatalogues(dir: URL): Catalogue[] {
  const path = fileURLToPath(dir);
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter(isLocale)
    .map((locale) => {
      const source = `${path}/${locale}.json`;
      return {
        locale,
        source,
        messages: JSON.parse(readFileSync(source, 'utf8')) as Record<string, string>,
      };
    });
}

/**
 * Adds modules' catalogues (src/modules/registry.ts does, once, as it is imported), parsing
 * every message. A key defined twice with different texts is a mistake: it throws.
 */
export function installCatalogues(catalogues: readonly Catalogue[]): void {
  for (const { locale, messages, source } of catalogues) {
    const table = tables.get(locale)!;
    for (const [key, text] of Object.entries(messages)) {
      const existing = table.get(key);
      if (existing && existing.text !== text) {
        throw new Error(`Message key ${key} (${locale}) is defined twice`);
      }
      // An empty translation is a missing one: the reader gets the Swedish text instead.
      if (text === '') continue;
      try {
        table.set(key, compileMessage(text, `${source ?? locale}: ${key}`));
      } catch (error) {
        // The source language must be valid; a broken translation falls back to Swedish
        // (`npm run i18n:check` and the catalogue test report it).
        if (locale === DEFAULT_LOCALE) throw error;
      }
    }
  }
}

/** A compiled message in a language, or undefined when the catalogue lacks it. */
export function compiled(locale: Locale, key: string): CompiledMessage | undefined {
  return tables.get(locale)?.get(key);
}

/** A message's source text in a language, or undefined when the catalogue lacks it. */
export function lookup(locale: Locale, key: string): string | undefined {
  return tables.get(locale)?.get(key)?.text;
}

/** Every key of a language's catalogue (for the catalogue checks). */
export function catalogueKeys(locale: Locale): string[] {
  return [...(tables.get(locale)?.keys() ?? [])];
}

installCatalogues(loadCatalogues(new URL('./messages/', import.meta.url)));

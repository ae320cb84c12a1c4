import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PARSE_OPTIONS } from './catalogue.ts';
import { ALL_LOCALES, DEFAULT_LOCALE, type Locale } from './locales.ts';

/**
 * The catalogue tooling behind `npm run i18n:types` and `npm run i18n:check`: it reads the
 * JSON catalogues from disk (never at request time) and compares each language with Swedish.
 */

/** Every folder that holds catalogues: the platform's and each module's `messages/`. */
export function catalogueDirs(root = process.cwd()): string[] {
  const dirs = [join(root, 'src/platform/i18n/messages')];
  const modules = join(root, 'src/modules');
  for (const name of readdirSync(modules).sort()) {
    const dir = join(modules, name, 'messages');
    if (existsSync(dir)) dirs.push(dir);
  }
  return dirs;
}

export function readCatalogue(dir: string, locale: Locale): Record<string, string> | null {
  const file = join(dir, `${locale}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** An argument's type as the type system sees it. */
export type ArgType = 'text' | 'number' | 'date' | 'choice';

/** The arguments a message takes, by name (throws when the message does not parse). */
export function messageArgs(text: string): Map<string, ArgType> {
  const args = new Map<string, ArgType>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      switch (e.type) {
        case TYPE.argument:
          if (!args.has(e.value)) args.set(e.value, 'text');
          break;
        case TYPE.number:
        case TYPE.plural:
          args.set(e.value, 'number');
          break;
        case TYPE.date:
        case TYPE.time:
          args.set(e.value, 'date');
          break;
        case TYPE.select:
          args.set(e.value, 'choice');
          break;
        default:
          break;
      }
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(text, PARSE_OPTIONS));
  return args;
}

const TS_TYPE: Record<ArgType, string> = {
  text: 'string | number',
  number: 'number',
  date: 'Date | number',
  choice: 'string',
};

/**
 * The `keys.ts` of a catalogue folder: every key of its Swedish file (taken by the type system
 * from the JSON itself) and, for the messages that take arguments, their types: each set of
 * argument types once, with the keys of the messages that take it.
 */
export function renderKeysFile(dir: string, root = process.cwd()): string {
  const sv = readCatalogue(dir, DEFAULT_LOCALE) ?? {};
  const relative_ = relative(dir, join(root, 'src/platform/i18n/catalogue.ts'));
  const target = relative_.startsWith('.') ? relative_ : `./${relative_}`;
  const keysByArgs = new Map<string, string[]>();
  for (const [key, text] of Object.entries(sv)) {
    const args = messageArgs(text);
    if (args.size === 0) continue;
    const members = [...args].map(([name, t]) => `${name}: ${TS_TYPE[t]}`).join('; ');
    const keys = keysByArgs.get(members) ?? [];
    keysByArgs.set(members, [...keys, JSON.stringify(key)]);
  }
  const groups = [...keysByArgs].map(
    ([members, keys]) => `Record<${keys.join(' | ')}, { ${members} }>`,
  );
  return [
    `// Generated from sv.json by \`npm run i18n:types\`: do not edit.`,
    `import type { CatalogueOf } from '${target}';`,
    `import type messages from './sv.json';`,
    '',
    '/** The messages that take arguments: the keys that take each set of argument types. */',
    `type Args = ${groups.join(' &\n  ') || 'Record<never, never>'};`,
    '',
    `declare module '${target}' {`,
    '  interface MessageCatalogue extends CatalogueOf<typeof messages, Args> {}',
    '}',
    '',
  ].join('\n');
}

export interface CatalogueState {
  dir: string;
  locale: Locale;
  keys: number;
  translated: number;
  missing: string[];
  empty: string[];
  extra: string[];
  /** Keys whose arguments differ from the Swedish message's. */
  argsDiffer: string[];
  /** Keys whose message does not parse. */
  broken: string[];
  /** Keys whose text is the same as another language's (sv or en) though it should not be. */
  untranslated: string[];
}

/**
 * Texts that are the same in several languages on purpose (names, codes, formats); the
 * untranslated check skips them. Kept short: anything else equal to the Swedish or English
 * text is reported.
 */
const SAME_ON_PURPOSE =
  /^[\s\d\p{P}\p{S}{}A-Z]*$|^(OK|API|E-post|PDF|CSV|Excel|iCalendar|Vänortsportalen)$/u;

/** Translations that are rightly spelt as in Swedish (checked by a translator), by language. */
const SAME_AS_SOURCE: Partial<Record<Locale, readonly string[]>> = {
  da: ['workspace.cities.field.contactName', 'delegation.field.affiliation'],
};

export function catalogueState(dir: string, locale: Locale): CatalogueState {
  const sv = readCatalogue(dir, DEFAULT_LOCALE) ?? {};
  const own = readCatalogue(dir, locale) ?? {};
  const en = locale === 'en' || locale === 'sv' ? null : readCatalogue(dir, 'en');
  const state: CatalogueState = {
    dir,
    locale,
    keys: Object.keys(sv).length,
    translated: 0,
    missing: [],
    empty: [],
    extra: Object.keys(own).filter((k) => !Object.hasOwn(sv, k)),
    argsDiffer: [],
    broken: [],
    untranslated: [],
  };
  for (const [key, source] of Object.entries(sv)) {
    if (!Object.hasOwn(own, key)) {
      state.missing.push(key);
      continue;
    }
    const text = own[key]!;
    if (text.trim() === '') {
      state.empty.push(key);
      continue;
    }
    let args: Map<string, ArgType>;
    try {
      args = messageArgs(text);
    } catch {
      state.broken.push(key);
      continue;
    }
    const expected = messageArgs(source);
    const same = args.size === expected.size && [...expected].every(([n, t]) => args.get(n) === t);
    if (!same) state.argsDiffer.push(key);
    else state.translated++;
    if (
      locale !== DEFAULT_LOCALE &&
      !SAME_ON_PURPOSE.test(text) &&
      !SAME_AS_SOURCE[locale]?.includes(key) &&
      (text === source || (en && text === en[key])) &&
      (text.replace(/\{[^{}]*\}/g, '').match(/\p{L}{2,}/gu) ?? []).length >= 3
    ) {
      state.untranslated.push(key);
    }
  }
  return state;
}

export function allStates(root = process.cwd()): CatalogueState[] {
  return catalogueDirs(root).flatMap((dir) => ALL_LOCALES.map((l) => catalogueState(dir, l)));
}

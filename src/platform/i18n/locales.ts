/**
 * The chain's languages. Swedish is the source language; the others fall back to
 * Swedish key by key (and content marks its own `lang` when it falls back).
 * Danish, Norwegian bokmål and Finnish are prepared but not yet offered in the
 * language switch: flip `enabled` once their message catalogs are complete.
 */
export const LOCALES = {
  sv: { name: 'Svenska', intl: 'sv-SE', enabled: true },
  en: { name: 'English', intl: 'en-GB', enabled: true },
  da: { name: 'Dansk', intl: 'da-DK', enabled: false },
  nb: { name: 'Norsk bokmål', intl: 'nb-NO', enabled: false },
  fi: { name: 'Suomi', intl: 'fi-FI', enabled: false },
} as const;

export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = 'sv';
export const ALL_LOCALES = Object.keys(LOCALES) as Locale[];
export const ENABLED_LOCALES = ALL_LOCALES.filter((l) => LOCALES[l].enabled);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

export function isEnabledLocale(value: unknown): value is Locale {
  return isLocale(value) && LOCALES[value].enabled;
}

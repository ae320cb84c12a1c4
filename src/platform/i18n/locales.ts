/**
 * The chain's languages. Swedish is the source language; the others fall back to
 * Swedish key by key (and content marks its own `lang` when it falls back).
 * A language is offered (switch, addresses, sitemap) when `enabled`; its catalogues must
 * then be complete (test/integration/i18n-catalogues.test.ts).
 */
export const LOCALES = {
  sv: { name: 'Svenska', intl: 'sv-SE', enabled: true },
  en: { name: 'English', intl: 'en-GB', enabled: true },
  da: { name: 'Dansk', intl: 'da-DK', enabled: true },
  nb: { name: 'Norsk bokmål', intl: 'nb-NO', enabled: true },
  fi: { name: 'Suomi', intl: 'fi-FI', enabled: true },
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

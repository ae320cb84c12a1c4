import { intlCache } from './intl.ts';

/** The current instant as ISO 8601 UTC text, the storage form of instants. */
export const nowIso = (): string => new Date().toISOString();

export const TIME_ZONE = 'Europe/Stockholm';

/** The current year in Gothenburg. */
export function currentYear(now: Date = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' }).format(now),
  );
}

function plainDateToUtcNoon(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** Formats a plain date (YYYY-MM-DD) in the given locale, e.g. "14 november 2019". */
export function formatPlainDate(value: string, locale: string): string {
  return intlCache.longDate(locale).format(plainDateToUtcNoon(value));
}

/** Formats a span of plain dates compactly: "14–15 november 2019". */
export function formatDateRange(start: string, end: string | null, locale: string): string {
  if (!end || end === start) return formatPlainDate(start, locale);
  return intlCache.longDate(locale).formatRange(plainDateToUtcNoon(start), plainDateToUtcNoon(end));
}

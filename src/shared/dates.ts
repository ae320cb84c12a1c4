import { intlCache } from './intl.ts';

/** The current instant as ISO 8601 UTC text, the storage form of instants. */
export const nowIso = (): string => new Date().toISOString();

export const TIME_ZONE = 'Europe/Stockholm';

/** Made once: creating an Intl.DateTimeFormat per call cost 12 % of a signed-in page (issue 16). */
const yearFormat = new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' });
const offsetFormat = new Intl.DateTimeFormat('en', {
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
});

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The plain date (YYYY-MM-DD) in Gothenburg at an instant (now by default). */
export function gothenburgDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** A plain date (YYYY-MM-DD) moved by whole days (negative: back). */
export function addDays(date: string, days: number): string {
  const d = plainDateToUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The current year in Gothenburg. */
export function currentYear(now: Date = new Date()): number {
  return Number(yearFormat.format(now));
}

function plainDateToUtcNoon(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** Formats a plain date (YYYY-MM-DD) in the given locale, e.g. "14 november 2019". */
export function formatPlainDate(value: string, locale: string): string {
  return intlCache.longDate(locale).format(plainDateToUtcNoon(value));
}

/** Formats a plain date with its weekday, e.g. "tisdag 15 juni 2027". */
export function formatPlainDay(value: string, locale: string): string {
  return intlCache.weekdayDate(locale).format(plainDateToUtcNoon(value));
}

/**
 * Every plain date from `start` to `end`, both included (at most `max` of them; none when
 * `end` is before `start`).
 */
export function plainDatesBetween(start: string, end: string, max = 31): string[] {
  const days: string[] = [];
  const day = plainDateToUtcNoon(start);
  for (let i = 0; i < max; i++) {
    const value = day.toISOString().slice(0, 10);
    if (value > end) break;
    days.push(value);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** formatRange is slow in ICU (a list page of 25 periods spent 10 % of its time there). */
const rangeMemo = new Map<string, string>();

/** Formats a span of plain dates compactly: "14–15 november 2019". */
export function formatDateRange(start: string, end: string | null, locale: string): string {
  if (!end || end === start) return formatPlainDate(start, locale);
  const key = `${locale} ${start} ${end}`;
  let text = rangeMemo.get(key);
  if (text === undefined) {
    text = intlCache
      .longDate(locale)
      .formatRange(plainDateToUtcNoon(start), plainDateToUtcNoon(end));
    if (rangeMemo.size >= 10_000) rangeMemo.clear();
    rangeMemo.set(key, text);
  }
  return text;
}

/** Formats an instant (ISO UTC) as date and time in Gothenburg, e.g. "26 nov. 2026 14:40". */
export function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return intlCache.dateTime(locale).format(date);
}

/** Whether a text is a real plain date YYYY-MM-DD. */
export function isPlainDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = plainDateToUtcNoon(value);
  return d.toISOString().slice(0, 10) === value;
}

/** The offset of Gothenburg's time from UTC at an instant, in minutes (60 or 120). */
function stockholmOffsetMinutes(at: Date): number {
  const part = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a day begins in Gothenburg, as ISO UTC (e.g. 2026-11-26 -> 2026-11-25T23:00:00.000Z). */
export function stockholmDayStart(date: string): string {
  const noon = plainDateToUtcNoon(date);
  const midnightUtc = Date.UTC(noon.getUTCFullYear(), noon.getUTCMonth(), noon.getUTCDate());
  return new Date(midnightUtc - stockholmOffsetMinutes(noon) * 60_000).toISOString();
}

/** The last millisecond of a day in Gothenburg, as ISO UTC. */
export function stockholmDayEnd(date: string): string {
  const next = plainDateToUtcNoon(date);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(Date.parse(stockholmDayStart(next.toISOString().slice(0, 10))) - 1).toISOString();
}

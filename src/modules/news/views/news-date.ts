import { TIME_ZONE, formatInstant, formatPlainDate } from '../../../shared/dates.ts';

/** Made once (luxon's zone conversion per news item was 7 % of a rendered city page). */
const dayParts = new Intl.DateTimeFormat('en', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day an instant falls on in Gothenburg, in the reader's language ("6 december 2026"). */
export function newsDate(iso: string, intl: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = dayParts.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return formatPlainDate(`${get('year')}-${get('month')}-${get('day')}`, intl);
}

/** Date and time in Gothenburg ("7 dec. 2026 09:00"). */
export const newsDateTime = (iso: string, intl: string): string => formatInstant(iso, intl);

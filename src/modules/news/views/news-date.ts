import { DateTime } from 'luxon';
import { TIME_ZONE, formatInstant, formatPlainDate } from '../../../shared/dates.ts';

/** The day an instant falls on in Gothenburg, in the reader's language ("6 december 2026"). */
export function newsDate(iso: string, intl: string): string {
  const day = DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).toISODate();
  return day ? formatPlainDate(day, intl) : iso;
}

/** Date and time in Gothenburg ("7 dec. 2026 09:00"). */
export const newsDateTime = (iso: string, intl: string): string => formatInstant(iso, intl);

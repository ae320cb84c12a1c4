import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../shared/dates.ts';

/** The plain date (YYYY-MM-DD) it is in Gothenburg at an instant. */
export function gothenburgDate(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(TIME_ZONE).toISODate() ?? now.toISOString().slice(0, 10);
}

/** A plain date moved by months and days (month ends clamp: 31 March − 1 month = 28/29 Feb). */
export function addToPlainDate(date: string, change: { months?: number; days?: number }): string {
  const moved = DateTime.fromISO(date, { zone: 'utc' }).plus({
    months: change.months ?? 0,
    days: change.days ?? 0,
  });
  return moved.toISODate() ?? date;
}

import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../shared/dates.ts';
import { localized } from '../cities/index.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Meeting } from './meeting.service.ts';
import type { ProgrammeItem } from './programme.service.ts';

const day = (date: string) => DateTime.fromISO(date, { zone: TIME_ZONE });
const instant = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * An event's SEQUENCE (RFC 5545 3.8.7.4): it must grow with every change a calendar client
 * should take over. The seconds between registering and the last change grow with each
 * change, and fit the 32-bit integer a client expects for some 68 years.
 */
export const sequenceOf = (record: { createdAt: string; updatedAt: string }): number =>
  Math.max(0, Math.floor((Date.parse(record.updatedAt) - Date.parse(record.createdAt)) / 1000));

export interface CalendarTexts {
  calendarName: string;
  meetingTitle: (meeting: Meeting) => string;
}

/**
 * An iCalendar document (Europe/Stockholm, with its VTIMEZONE): each meeting with dates as
 * an all-day event over its days, and with `programme` the programme items as timed events
 * in Gothenburg's wall time. Cancelled meetings and years without dates are left out.
 */
export function meetingCalendar(
  meetings: readonly Meeting[],
  texts: CalendarTexts,
  locale: Locale,
  publicUrl: string,
  programme: readonly ProgrammeItem[] = [],
): string {
  const cal = ical({
    name: texts.calendarName,
    prodId: {
      company: 'Goteborgs Stad',
      product: 'Vanortsportalen',
      language: locale.toUpperCase(),
    },
  });
  // The VTIMEZONE comes from the events' own TZID. No calendar-wide time zone: with one,
  // ical-generator writes DTSTAMP and LAST-MODIFIED in local time, and RFC 5545 wants UTC.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const now = DateTime.utc();
  for (const m of meetings) {
    if (m.status === 'cancelled' || !m.startDate) continue;
    cal.createEvent({
      id: `meeting-${m.id}@vanortsportalen`,
      start: day(m.startDate),
      end: day(m.endDate ?? m.startDate).plus({ days: 1 }),
      allDay: true,
      timezone: TIME_ZONE,
      stamp: now,
      lastModified: instant(m.updatedAt),
      sequence: sequenceOf(m),
      summary: texts.meetingTitle(m),
      description: m.theme ?? undefined,
      location: [m.venue, localized(m.host, locale).name].filter(Boolean).join(', '),
      url: `${publicUrl}/meetings/${m.id}`,
    });
    for (const item of programme) {
      cal.createEvent({
        id: `programme-${item.id}@vanortsportalen`,
        start: DateTime.fromISO(`${item.day}T${item.startsAt}`, { zone: TIME_ZONE }),
        end: DateTime.fromISO(`${item.day}T${item.endsAt}`, { zone: TIME_ZONE }),
        timezone: TIME_ZONE,
        stamp: now,
        lastModified: instant(item.updatedAt),
        sequence: sequenceOf(item),
        summary: item.title,
        description: item.description ?? undefined,
        location: item.location ?? undefined,
      });
    }
  }
  return cal.toString();
}

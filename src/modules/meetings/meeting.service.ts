import type { Db } from '../../db/database.ts';
import { currentYear } from '../../shared/dates.ts';
import type { Chain, City } from '../cities/city.service.ts';
import * as repo from './meeting.repository.ts';
import { forecastNextTurn, type RotationMeeting } from './rotation.ts';

export type MeetingStatus = RotationMeeting['status'];

export interface Meeting {
  id: string;
  year: number;
  host: City;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  theme: string | null;
  status: MeetingStatus;
}

export interface NextMeeting {
  year: number;
  host: City;
  /** A registered meeting, or a forecast from the rotation when none is registered. */
  meeting: Meeting | null;
}

export async function listMeetings(db: Db, chain: Chain): Promise<Meeting[]> {
  const rows = await repo.listMeetingsOfChain(db.kysely, chain.id);
  const byId = new Map(chain.members.map((m) => [m.city.id, m.city]));
  return rows.flatMap((r) => {
    const host = byId.get(r.host_city_id);
    return host
      ? [
          {
            id: r.id,
            year: r.year,
            host,
            startDate: r.start_date,
            endDate: r.end_date,
            venue: r.venue,
            theme: r.theme,
            status: r.status as MeetingStatus,
          },
        ]
      : [];
  });
}

/** The latest meeting that was held, if any. */
export function lastHeld(meetings: readonly Meeting[]): Meeting | null {
  return meetings.filter((m) => m.status === 'held').sort((a, b) => b.year - a.year)[0] ?? null;
}

/**
 * The next meeting from `year` on: a registered planned or confirmed one, else the
 * rotation's forecast.
 */
export function nextMeeting(
  chain: Chain,
  meetings: readonly Meeting[],
  year: number = currentYear(),
): NextMeeting | null {
  const registered = meetings
    .filter((m) => m.year >= year && (m.status === 'planned' || m.status === 'confirmed'))
    .sort((a, b) => a.year - b.year)[0];
  if (registered) return { year: registered.year, host: registered.host, meeting: registered };
  const turn = forecastNextTurn(
    chain.members.map((m) => ({ cityId: m.city.id, position: m.position })),
    chain.intervalYears,
    meetings.map((m) => ({ year: m.year, hostCityId: m.host.id, status: m.status })),
    year,
  );
  const host = turn && chain.members.find((m) => m.city.id === turn.hostCityId)?.city;
  return turn && host ? { year: turn.year, host, meeting: null } : null;
}

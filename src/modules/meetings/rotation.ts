/**
 * The host rotation of a twin-city chain (policy P2, P3), as a pure function.
 * This first version answers one question for the public pages: which member hosts
 * the next meeting, and when, if the rotation simply continues from the latest
 * meeting that was held or fixed. The meetings issue extends it to postponements,
 * swaps, skipped turns and membership changes.
 */

export interface RotationMember {
  cityId: string;
  position: number;
}

export interface RotationMeeting {
  year: number;
  hostCityId: string;
  status: 'forecast' | 'planned' | 'confirmed' | 'held' | 'postponed' | 'cancelled';
}

export interface ForecastTurn {
  year: number;
  hostCityId: string;
}

/**
 * The first turn in or after `fromYear` that no registered meeting covers, continuing
 * the rotation order from the latest held, planned or confirmed meeting.
 */
export function forecastNextTurn(
  members: readonly RotationMember[],
  intervalYears: number,
  meetings: readonly RotationMeeting[],
  fromYear: number,
): ForecastTurn | null {
  if (members.length === 0 || intervalYears < 1) return null;
  const order = [...members].sort((a, b) => a.position - b.position);
  const anchor = [...meetings]
    .filter((m) => m.status === 'held' || m.status === 'planned' || m.status === 'confirmed')
    .sort((a, b) => b.year - a.year)[0];
  if (!anchor) return null;
  let index = order.findIndex((m) => m.cityId === anchor.hostCityId);
  if (index < 0) return null;
  let year = anchor.year;
  do {
    index = (index + 1) % order.length;
    year += intervalYears;
  } while (year < fromYear);
  const host = order[index];
  return host ? { year, hostCityId: host.cityId } : null;
}

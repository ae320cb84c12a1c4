/**
 * The host rotation of a twin-city chain (policy P2, P3), as pure functions: no I/O,
 * no clock. The rules (docs/decisions/005-rotation-rules.md):
 *
 * - Registered meetings are facts. A meeting with status `forecast` is ignored.
 * - Forecasts continue from the latest registered meeting whose host is a current member
 *   (the anchor): the next member in order, `interval` years later.
 * - A postponed meeting is registered in its new year (with `originalYear`): the following
 *   turns move with it, the order stays.
 * - A cancelled meeting consumes its turn: the next host follows, `interval` years later.
 * - A skip (year Y, city C): when the forecast turn in year Y is C's, it passes to the next
 *   member in order in the same year; the rotation continues from that member.
 * - A swap (year Y, cities A and B): from year Y on, A and B exchange their places in the
 *   order (every member still hosts once per cycle).
 * - Members added or removed by a council decision change the order (the chain's current
 *   members are the input), and with it the cycle: members × interval years.
 */

/** Statuses a person may set in a form; `forecast` is the rotation engine's word only. */
export const EDITABLE_STATUSES = [
  'planned',
  'confirmed',
  'held',
  'postponed',
  'cancelled',
] as const;
export const MEETING_STATUSES = ['forecast', ...EDITABLE_STATUSES] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface RotationMember {
  cityId: string;
  position: number;
}

export interface RotationMeeting {
  id?: string;
  year: number;
  hostCityId: string;
  status: MeetingStatus;
  /** The year first planned for, when postponed. */
  originalYear?: number | null;
}

export interface RotationAdjustment {
  kind: 'swap' | 'skip';
  year: number;
  cityId: string;
  otherCityId?: string | null;
}

export interface RotationInput {
  members: readonly RotationMember[];
  intervalYears: number;
  meetings: readonly RotationMeeting[];
  adjustments?: readonly RotationAdjustment[];
}

export interface Turn {
  year: number;
  hostCityId: string;
  status: MeetingStatus;
  /** The registered meeting, when the turn is one. */
  meetingId: string | null;
}

export interface ForecastTurn {
  year: number;
  hostCityId: string;
}

/** Safety bound: a forecast never runs further than this many turns. */
const MAX_STEPS = 10_000;

const registered = (meetings: readonly RotationMeeting[]) =>
  meetings.filter((m) => m.status !== 'forecast').sort((a, b) => a.year - b.year);

/** The order of hosts in force in `year`: the members with every swap up to `year` applied. */
export function orderInYear(
  members: readonly RotationMember[],
  adjustments: readonly RotationAdjustment[],
  year: number,
): string[] {
  const order = [...members].sort((a, b) => a.position - b.position).map((m) => m.cityId);
  const swaps = adjustments
    .filter((a) => a.kind === 'swap' && a.year <= year && a.otherCityId)
    .sort((a, b) => a.year - b.year);
  for (const swap of swaps) {
    const i = order.indexOf(swap.cityId);
    const j = order.indexOf(swap.otherCityId!);
    if (i >= 0 && j >= 0) [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * The sequence of turns from `fromYear` on, `count` of them: the registered meetings in
 * and after that year, then the forecast. Years before the first registered meeting are
 * not reconstructed (the record starts with the meetings registered).
 */
export function rotationTurns(input: RotationInput, fromYear: number, count: number): Turn[] {
  const { members, intervalYears } = input;
  const adjustments = input.adjustments ?? [];
  const meetings = registered(input.meetings);
  const turns: Turn[] = meetings
    .filter((m) => m.year >= fromYear)
    .map((m) => ({
      year: m.year,
      hostCityId: m.hostCityId,
      status: m.status,
      meetingId: m.id ?? null,
    }));
  if (turns.length >= count) return turns.slice(0, count);
  if (members.length === 0 || intervalYears < 1) return turns;
  const memberIds = new Set(members.map((m) => m.cityId));
  const anchor = [...meetings].reverse().find((m) => memberIds.has(m.hostCityId));
  if (!anchor) return turns;

  let year = anchor.year;
  let host = anchor.hostCityId;
  for (let step = 0; step < MAX_STEPS && turns.length < count; step++) {
    year += intervalYears;
    const order = orderInYear(members, adjustments, year);
    // The slot after the previous host, in the order in force this year.
    const previousOrder = orderInYear(members, adjustments, year - intervalYears);
    const slot = previousOrder.indexOf(host);
    host = order[(slot + 1) % order.length]!;
    const skip = adjustments.some((a) => a.kind === 'skip' && a.year === year && a.cityId === host);
    if (skip && order.length > 1) host = order[(order.indexOf(host) + 1) % order.length]!;
    if (year >= fromYear)
      turns.push({ year, hostCityId: host, status: 'forecast', meetingId: null });
  }
  return turns;
}

/**
 * The first forecast turn in or after `fromYear` (a turn no registered meeting covers),
 * or null without members, interval or a registered meeting to continue from.
 */
export function forecastNextTurn(
  members: readonly RotationMember[],
  intervalYears: number,
  meetings: readonly RotationMeeting[],
  fromYear: number,
  adjustments: readonly RotationAdjustment[] = [],
): ForecastTurn | null {
  const last = registered(meetings).at(-1);
  const from = Math.max(fromYear, last ? last.year + 1 : fromYear);
  const turn = rotationTurns({ members, intervalYears, meetings, adjustments }, from, 1)[0];
  return turn ? { year: turn.year, hostCityId: turn.hostCityId } : null;
}

/** The next turn (registered but not yet held, or forecast) of a city in or after `fromYear`. */
export function nextTurnOf(input: RotationInput, cityId: string, fromYear: number): Turn | null {
  const cycle = Math.max(1, input.members.length) * Math.max(1, input.intervalYears);
  const turns = rotationTurns(input, fromYear, input.meetings.length + 3 * cycle + 2);
  return (
    turns.find(
      (t) =>
        t.hostCityId === cityId &&
        (t.status === 'forecast' ||
          t.status === 'planned' ||
          t.status === 'confirmed' ||
          t.status === 'postponed'),
    ) ?? null
  );
}

export interface P3Check {
  /** What policy P3 asks: the home city hosts every eighth year. */
  requiredYears: number;
  /** members × interval under the current chain. */
  cycleYears: number;
  /** Years between the home city's next two forecast turns (null when it has none). */
  forecastYears: number | null;
  ok: boolean;
}

export const P3_YEARS = 8;

/** Whether the home city hosts every eighth year under the current chain (policy P3). */
export function checkP3(input: RotationInput, homeCityId: string, fromYear: number): P3Check {
  const cycleYears = input.members.length * input.intervalYears;
  const horizon = input.meetings.length + 3 * Math.max(1, input.members.length) + 2;
  const homeTurns = rotationTurns(input, fromYear, horizon).filter(
    (t) => t.status === 'forecast' && t.hostCityId === homeCityId,
  );
  const forecastYears = homeTurns.length >= 2 ? homeTurns[1]!.year - homeTurns[0]!.year : null;
  return {
    requiredYears: P3_YEARS,
    cycleYears,
    forecastYears,
    ok: cycleYears === P3_YEARS && (forecastYears === null || forecastYears === P3_YEARS),
  };
}

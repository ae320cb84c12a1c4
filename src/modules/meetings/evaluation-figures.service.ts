import type { Executor } from '../../db/database.ts';
import * as repo from './evaluation-figures.repository.ts';
import { checkP3, type P3Check } from './rotation.ts';
import { rotationInputOf } from './rotation.service.ts';

// What the evaluation (issue 15) reads of the meetings: the period's meetings with their
// counts, the actions open for more than a cycle, the cities active in meetings, and the
// P3 check of the rotation. Everything through the caller's executor (one transaction).

/**
 * The groups a delegate's title falls in, for the composition by role: the title is free
 * text in five languages ("Kommunfullmäktiges förste vice ordförande", "Varaordfører",
 * "Rådmand"), so it is matched to a handful of groups; names and every other field stay out.
 */
export const ROLE_GROUPS = ['chair', 'deputy', 'member', 'official', 'other', 'none'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

const DEPUTY = /vice|vara|næst|nestleder|deputy|apulais/i;
const CHAIR =
  /ordförande|ordfører|ordførar|formand|borgmester|borgermester|puheenjohtaja|pormestari|chair|mayor|president|kommunalråd|byrådsleder/i;
const MEMBER =
  /ledamot|ledamöter|medlem|rådmand|rådman|byråd|representant|valtuutettu|jäsen|councillor|member|politi/i;
const OFFICIAL =
  /tjänste|handläggare|strateg|koordinator|samordnare|sekreterare|direktör|chef|director|officer|manager|adviser|advisor|rådgiver|rådgivar|konsulent|koordinaattori|asiantuntija|johtaja|sihteeri|päällikkö|specialist|kanslist|tolk|interpreter/i;

/** The group of a delegate's title (null or blank: `none`). */
export function roleGroupOf(title: string | null): RoleGroup {
  const t = title?.trim() ?? '';
  if (!t) return 'none';
  if (CHAIR.test(t)) return DEPUTY.test(t) ? 'deputy' : 'chair';
  if (MEMBER.test(t)) return 'member';
  if (OFFICIAL.test(t)) return 'official';
  return 'other';
}

export interface PeriodMeeting {
  id: string;
  year: number;
  hostCityId: string;
  theme: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
  programmeItems: number;
  seminars: number;
  delegates: number;
  delegatesByCity: { cityId: string; count: number }[];
  delegatesByRole: { role: RoleGroup; count: number }[];
  outcomes: number;
  followUps: number;
  followUpsClosed: number;
}

const n = (v: unknown) => Number(v ?? 0);

/** The chain's held, confirmed and planned meetings whose day falls in the period, with their counts. */
export async function meetingsOfPeriod(
  db: Executor,
  chainId: string,
  period: { start: string; end: string },
): Promise<PeriodMeeting[]> {
  const meetings = await repo.listMeetingsInPeriod(db, chainId, period.start, period.end);
  const ids = meetings.map((m) => m.id);
  const [programme, seminars, byCity, byTitle, outcomes] = await Promise.all([
    repo.countProgrammeItems(db, ids),
    repo.countSeminarsByMeeting(db, ids),
    repo.countDelegatesByCity(db, ids),
    repo.countDelegatesByTitle(db, ids),
    repo.countOutcomesByMeeting(db, ids),
  ]);
  const countOf = (rows: readonly { meeting_id: string; count: unknown }[], id: string) =>
    n(rows.find((r) => r.meeting_id === id)?.count);
  return meetings.map((m) => {
    const cities = byCity
      .filter((r) => r.meeting_id === m.id)
      .map((r) => ({ cityId: r.city_id, count: n(r.count) }))
      .sort((a, b) => b.count - a.count || a.cityId.localeCompare(b.cityId));
    const roles = new Map<RoleGroup, number>();
    for (const r of byTitle.filter((row) => row.meeting_id === m.id)) {
      const group = roleGroupOf(r.title);
      roles.set(group, (roles.get(group) ?? 0) + n(r.count));
    }
    const o = outcomes.find((r) => r.meeting_id === m.id);
    return {
      id: m.id,
      year: m.year,
      hostCityId: m.host_city_id,
      theme: m.theme,
      status: m.status,
      startDate: m.start_date,
      endDate: m.end_date,
      programmeItems: countOf(programme, m.id),
      seminars: countOf(seminars, m.id),
      delegates: cities.reduce((s, c) => s + c.count, 0),
      delegatesByCity: cities,
      delegatesByRole: ROLE_GROUPS.flatMap((role) =>
        roles.has(role) ? [{ role, count: roles.get(role)! }] : [],
      ),
      outcomes: n(o?.count),
      followUps: n(o?.actions),
      followUpsClosed: n(o?.closed),
    };
  });
}

export interface LongOpenAction {
  id: string;
  meetingId: string;
  year: number;
  text: string;
  /** The due date, or the meeting's day when the action had none. */
  since: string;
}

/**
 * Actions of the chain's meetings still open on `asOf` whose due date (or meeting) lies
 * `years` or more before it: open for more than one cycle.
 */
export async function longOpenActions(
  db: Executor,
  chainId: string,
  asOf: string,
  before: string,
): Promise<LongOpenAction[]> {
  const rows = await repo.listLongOpenActions(db, chainId, before, asOf);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    year: r.year,
    text: r.text,
    since: String(r.since),
  }));
}

/** The cities that hosted or sent a delegation to a held meeting of the chain in the window. */
export function citiesActiveInMeetings(db: Executor, chainId: string, from: string, to: string) {
  return repo.citiesActiveInMeetings(db, chainId, from, to);
}

/**
 * Whether the rotation still gives the home city every eighth year (P3), as the rotation
 * overview checks it, from `fromYear` on.
 */
export async function rotationP3(
  db: Executor,
  chain: { id: string; intervalYears: number; members: { cityId: string; position: number }[] },
  homeCityId: string,
  fromYear: number,
): Promise<P3Check> {
  const input = await rotationInputOf(db, chain);
  return checkP3(input, homeCityId, fromYear);
}

export interface MeetingDays {
  id: string;
  chainId: string;
  year: number;
  hostCityId: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  /** The last day of the previous held meeting the same city hosted, if any. */
  previousHostedEnd: string | null;
}

/** A meeting's days and the end of the host's previous hosted meeting (the evaluation's period). */
export async function meetingForEvaluation(db: Executor, id: string): Promise<MeetingDays | null> {
  const m = await repo.findMeetingDays(db, id);
  if (!m) return null;
  const day = m.end_date ?? m.start_date ?? `${m.year}-12-31`;
  return {
    id: m.id,
    chainId: m.chain_id,
    year: m.year,
    hostCityId: m.host_city_id,
    status: m.status,
    startDate: m.start_date,
    endDate: m.end_date,
    previousHostedEnd: await repo.previousHostedEnd(db, m.chain_id, m.host_city_id, day),
  };
}

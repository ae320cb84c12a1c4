import type { Transaction } from 'kysely';
import type { Database, Db, Executor } from '../../db/database.ts';
import { publishEvent } from '../../platform/domain-events.ts';
import type { Actor } from '../../platform/identity.ts';
import { currentYear, isPlainDate, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { problemList } from '../../shared/validation.ts';
import { createAudited, diff, recordAudit } from '../audit/index.ts';
import type { Chain, City } from '../cities/index.ts';
import { createHostPlanIfDue } from './host-plan.service.ts';
import {
  chainCities,
  editableMeeting,
  isOne,
  meetingNotFound,
  partNotFound,
  trimmedOrNull,
  type Editor,
} from './meeting.helpers.ts';
import {
  readsInternalDocuments,
  toMeetingDocument,
  type MeetingDocument,
  isPublicDocument,
} from './meeting-document.service.ts';
import { canEditMeeting, canReadSecretDocuments, type MeetingUser } from './meeting.policy.ts';
import * as repo from './meeting.repository.ts';
import { toOutcome, type Outcome } from './outcome.service.ts';
import { toProgrammeItem, type ProgrammeItem } from './programme.service.ts';
import {
  EDITABLE_STATUSES,
  forecastNextTurn,
  MEETING_STATUSES,
  type MeetingStatus,
} from './rotation.ts';
import { toSeminar, type Seminar } from './seminar.service.ts';

// The meeting itself: its status, the list of a chain's meetings, the next one, one
// meeting with all its parts, scheduling and changing it, removing a part of it.
// Programme, seminars, documents, outcomes and the rotation have their own services.

export { EDITABLE_STATUSES, MEETING_STATUSES, type MeetingStatus };
export type { Editor };

export const FIRST_YEAR = 1946;
export const LAST_YEAR = 2200;

export interface Meeting {
  id: string;
  year: number;
  host: City;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  theme: string | null;
  status: MeetingStatus;
  statusReason: string | null;
  originalYear: number | null;
  /** When it was registered and last changed (ISO instants; the calendar's SEQUENCE). */
  createdAt: string;
  updatedAt: string;
}

export interface NextMeeting {
  year: number;
  host: City;
  /** A registered meeting, or a forecast from the rotation when none is registered. */
  meeting: Meeting | null;
}

export interface DelegationListing {
  city: City;
  members: { name: string; title: string | null; affiliation: string | null }[];
}

export interface MeetingDetail {
  meeting: Meeting;
  programme: ProgrammeItem[];
  seminars: Seminar[];
  documents: MeetingDocument[];
  outcomes: Outcome[];
  /** Open actions of earlier meetings: on this meeting's agenda until closed. */
  followUps: Outcome[];
  delegations: DelegationListing[];
}
function toMeeting(r: repo.MeetingRow, byId: Map<string, City>): Meeting | null {
  const host = byId.get(r.host_city_id);
  if (!host) return null;
  return {
    id: r.id,
    year: r.year,
    host,
    startDate: r.start_date,
    endDate: r.end_date,
    venue: r.venue,
    theme: r.theme,
    status: r.status as MeetingStatus,
    statusReason: r.status_reason,
    originalYear: r.original_year,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listMeetings(
  db: Db,
  chain: Chain,
  cities: readonly City[] = [],
): Promise<Meeting[]> {
  const rows = await repo.listMeetingsOfChain(db.kysely, chain.id);
  const byId = chainCities(chain, cities);
  return rows.flatMap((r) => toMeeting(r, byId) ?? []);
}

/** The latest meeting that was held, if any. */
export function lastHeld(meetings: readonly Meeting[]): Meeting | null {
  return meetings.filter((m) => m.status === 'held').sort((a, b) => b.year - a.year)[0] ?? null;
}

/**
 * The next meeting from `year` on: a registered planned, confirmed or postponed one, else
 * the rotation's forecast.
 */
export function nextMeeting(
  chain: Chain,
  meetings: readonly Meeting[],
  year: number = currentYear(),
): NextMeeting | null {
  const registered = meetings
    .filter(
      (m) =>
        m.year >= year &&
        (m.status === 'planned' || m.status === 'confirmed' || m.status === 'postponed'),
    )
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

// ---------------------------------------------------------------- reading one meeting

export async function getMeeting(db: Db, chain: Chain, id: string): Promise<Meeting> {
  const row = await repo.findMeeting(db.kysely, id);
  const meeting = row && row.chain_id === chain.id ? toMeeting(row, chainCities(chain)) : null;
  if (!meeting) throw meetingNotFound(id);
  return meeting;
}

/**
 * One meeting with all its parts, as `reader` (null: a visitor) may see it: its internal
 * documents only for those who may open them (decision 016).
 */
export async function getMeetingDetail(
  db: Db,
  chain: Chain,
  id: string,
  reader: MeetingUser | null,
  cities: readonly City[] = [],
): Promise<MeetingDetail> {
  const meeting = await getMeeting(db, chain, id);
  const byId = chainCities(chain, cities);
  const [programme, seminars, documents, outcomes, followUps, members, internal] =
    await Promise.all([
      repo.listProgramme(db.kysely, id),
      repo.listSeminars(db.kysely, id),
      repo.listDocuments(db.kysely, id),
      repo.listOutcomes(db.kysely, id),
      repo.listOpenActionsBefore(db.kysely, chain.id, meeting.year),
      repo.listPublicDelegationMembers(db.kysely, id),
      readsInternalDocuments(db.kysely, reader, { id, hostCityId: meeting.host.id }),
    ]);
  const delegations = new Map<string, DelegationListing>();
  for (const m of members) {
    const city = byId.get(m.city_id);
    if (!city || m.status !== 'confirmed') continue;
    const listing = delegations.get(city.id) ?? { city, members: [] };
    listing.members.push({ name: m.name, title: m.title, affiliation: m.affiliation });
    delegations.set(city.id, listing);
  }
  return {
    meeting,
    programme: programme.map(toProgrammeItem),
    seminars: seminars.map(toSeminar),
    documents: documents
      .filter(
        (d) => isPublicDocument(d) || (internal && (!d.secret || canReadSecretDocuments(reader))),
      )
      .map(toMeetingDocument),
    outcomes: outcomes.map((o) => toOutcome(o, meeting.year, byId)),
    followUps: followUps.map((o) => toOutcome(o, o.year, byId)),
    delegations: [...delegations.values()],
  };
}

export interface MeetingInput {
  year: string;
  host: string; // city slug
  startDate: string;
  endDate: string;
  venue: string;
  theme: string;
  status: string;
  statusReason: string;
}
/** Field by field, what is wrong with a meeting (message keys, translated by the pages). */
function meetingProblems(
  input: MeetingInput,
  chain: Chain,
  others: readonly repo.MeetingRow[],
  existing: repo.MeetingRow | null,
  user: MeetingUser,
): FieldProblem[] {
  const { problems, add } = problemList();
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year.trim()) : Number.NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    add('year', 'meeting.yearInvalid');
  const host = chain.members.find((m) => m.city.slug === input.host)?.city;
  if (!input.host) add('host', 'meeting.hostRequired');
  else if (!host) add('host', 'meeting.hostNotInChain');
  else if (!canEditMeeting(user, host.id)) add('host', 'meeting.hostNotYours');

  const start = input.startDate.trim();
  const end = input.endDate.trim();
  if (start && !isPlainDate(start)) add('startDate', 'meeting.dateInvalid');
  if (end && !isPlainDate(end)) add('endDate', 'meeting.dateInvalid');
  if (start && !end) add('endDate', 'meeting.endRequired');
  if (end && !start) add('startDate', 'meeting.startRequired');
  if (isPlainDate(start) && isPlainDate(end)) {
    if (end < start) add('endDate', 'meeting.endBeforeStart');
    if (
      Number.isInteger(year) &&
      (Number(start.slice(0, 4)) !== year || Number(end.slice(0, 4)) !== year)
    )
      add('startDate', 'meeting.datesOutsideYear');
    const overlapping = others.find(
      (o) => o.start_date && o.end_date && o.start_date <= end && start <= o.end_date,
    );
    if (overlapping) add('startDate', 'meeting.datesOverlap');
  }
  if (Number.isInteger(year) && others.some((o) => o.year === year))
    add('year', 'meeting.yearTaken');

  if (input.venue.length > 300) add('venue', 'meeting.textTooLong');
  if (input.theme.length > 300) add('theme', 'meeting.textTooLong');
  if (!isOne(EDITABLE_STATUSES, input.status)) add('status', 'meeting.statusRequired');
  const reason = input.statusReason.trim();
  if ((input.status === 'postponed' || input.status === 'cancelled') && !reason)
    add('statusReason', 'meeting.reasonRequired');
  if (reason.length > 2000) add('statusReason', 'meeting.textTooLong');
  if (input.status === 'postponed') {
    if (!existing) add('status', 'meeting.postponeOnlyExisting');
    else if (Number.isInteger(year)) {
      // A new postponement moves the meeting to a later year; a postponed one stays after
      // the year it was first planned for.
      const after =
        existing.status === 'postponed' ? (existing.original_year ?? existing.year) : existing.year;
      if (year <= after) add('year', 'meeting.postponeLaterYear');
    }
  }
  return problems;
}

/** Registers a meeting of the chain (a coordinator, or the partner contact of the host city). */
export async function scheduleMeeting(
  db: Db,
  chain: Chain,
  editor: Editor,
  input: MeetingInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    const others = await repo.listMeetingsOfChain(trx, chain.id);
    const problems = meetingProblems(input, chain, others, null, editor.user);
    if (problems.length) throw errors.validation(problems);
    const row = await createAudited(
      trx,
      editor.actor,
      { entity: 'meeting', action: 'schedule' },
      repo.insertMeeting,
      {
        chain_id: chain.id,
        year: Number(input.year.trim()),
        ...meetingColumns(chain, input),
        status_reason: input.status === 'cancelled' ? trimmedOrNull(input.statusReason) : null,
        original_year: null,
        updated_by: editor.actor.userId,
      },
      (row) => ({ ...row, updated_by: undefined, chain_id: undefined }),
    );
    await createHostPlanIfDue(trx, row.id, editor.actor);
    if (row.status === 'held') await publishHeld(trx, row, editor.actor);
    return row.id;
  });
}

/** The columns a meeting takes from its form as they are (its host by slug among the chain's). */
const meetingColumns = (chain: Chain, input: MeetingInput) => ({
  host_city_id: chain.members.find((m) => m.city.slug === input.host)!.city.id,
  start_date: trimmedOrNull(input.startDate),
  end_date: trimmedOrNull(input.endDate),
  venue: trimmedOrNull(input.venue),
  theme: trimmedOrNull(input.theme),
  status: input.status,
});

/** Changes a meeting; postponing moves it to a later year and keeps the original year. */
export async function updateMeeting(
  db: Db,
  chain: Chain,
  editor: Editor,
  id: string,
  input: MeetingInput,
  /** The version (`updatedAt`) the edit form was opened at; a save over a newer one is refused. */
  expectedVersion?: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findMeeting(trx, id);
    if (!existing || existing.chain_id !== chain.id) throw meetingNotFound(id);
    if (!canEditMeeting(editor.user, existing.host_city_id)) throw errors.forbidden();
    if (expectedVersion !== undefined && expectedVersion !== existing.updated_at)
      throw errors.editConflict('meeting', id, existing.updated_at);
    const others = (await repo.listMeetingsOfChain(trx, chain.id)).filter((o) => o.id !== id);
    const problems = meetingProblems(input, chain, others, existing, editor.user);
    if (problems.length) throw errors.validation(problems);
    const year = Number(input.year.trim());
    const postponing = input.status === 'postponed';
    const changes = {
      year,
      ...meetingColumns(chain, input),
      status_reason:
        postponing || input.status === 'cancelled' ? trimmedOrNull(input.statusReason) : null,
      original_year: postponing
        ? (existing.original_year ?? existing.year)
        : existing.original_year,
      updated_by: editor.actor.userId,
    };
    // Only over the version read above: a save committed in between (PostgreSQL) changes nothing.
    const changed = await repo.updateMeeting(
      trx,
      id,
      { ...changes, updated_at: nowIso() },
      existing.updated_at,
    );
    if (changed === 0) throw errors.editConflict('meeting', id, existing.updated_at);
    const before: Record<string, unknown> = { ...existing };
    delete before.updated_by;
    delete before.chain_id;
    delete before.id;
    await recordAudit(trx, editor.actor, {
      entity: 'meeting',
      entityId: id,
      action: postponing && existing.status !== 'postponed' ? 'postpone' : 'update',
      changes: diff(before, { ...changes, updated_by: undefined }),
    });
    await createHostPlanIfDue(trx, id, editor.actor);
    if (changes.status === 'held' && existing.status !== 'held')
      await publishHeld(trx, { ...existing, ...changes }, editor.actor);
  });
}

/** Tells the other modules that a meeting was held (the evaluation module acts on it, P10). */
async function publishHeld(
  trx: Transaction<Database>,
  m: {
    id: string;
    chain_id: string;
    host_city_id: string;
    year: number;
    start_date: string | null;
    end_date: string | null;
  },
  actor: Actor,
): Promise<void> {
  await publishEvent(trx, {
    type: 'meeting.held',
    meetingId: m.id,
    chainId: m.chain_id,
    hostCityId: m.host_city_id,
    year: m.year,
    endDate: m.end_date ?? m.start_date,
    actor,
  });
}
/** Removes a programme item, seminar or document from a meeting (audited with its title). */
export async function removePart(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  kind: repo.PartKind,
  partId: string,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const part = await repo.findPartTitle(trx, kind, meetingId, partId);
    if (!part) throw partNotFound(partId);
    await repo.deletePart(trx, kind, partId);
    await recordAudit(trx, editor.actor, {
      entity: repo.PART_TABLES[kind],
      entityId: partId,
      action: 'delete',
      changes: {
        meeting_id: { before: meetingId, after: null },
        title: { before: part.title, after: null },
      },
    });
  });
}

/** The ids of a chain's meetings by year (for other modules' demo data and links). */
export async function meetingIdsByYear(
  db: Executor,
  chainId: string,
): Promise<Map<number, string>> {
  const rows = await repo.listMeetingsOfChain(db, chainId);
  return new Map(rows.map((r) => [r.year, r.id]));
}

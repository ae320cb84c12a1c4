import { createHash } from 'node:crypto';
import { createHostPlanIfDue } from './host-plan.service.ts';
import type { Db, Executor } from '../../db/database.ts';
import { currentYear, isPlainDate, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Chain, City } from '../cities/city.service.ts';
import { canAdjustRotation, canEditMeeting, type MeetingUser } from './meeting.policy.ts';
import * as repo from './meeting.repository.ts';
import {
  checkP3,
  forecastNextTurn,
  MEETING_STATUSES,
  nextTurnOf,
  rotationTurns,
  type MeetingStatus,
  type P3Check,
  type RotationAdjustment,
  type RotationInput,
} from './rotation.ts';

export { MEETING_STATUSES, type MeetingStatus };

/** Statuses a person may set in a form; `forecast` is the rotation engine's word only. */
export const EDITABLE_STATUSES = [
  'planned',
  'confirmed',
  'held',
  'postponed',
  'cancelled',
] as const;
export const PROGRAMME_KINDS = ['plenary', 'seminar', 'study_visit', 'social'] as const;
export const DOCUMENT_KINDS = ['agenda', 'minutes', 'presentation', 'other'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;
export const OUTCOME_KINDS = ['decision', 'information', 'action'] as const;
export const MAX_MEETING_DOCUMENT_BYTES = 25 * 1024 * 1024;
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
}

export interface NextMeeting {
  year: number;
  host: City;
  /** A registered meeting, or a forecast from the rotation when none is registered. */
  meeting: Meeting | null;
}

export interface ProgrammeItem {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  kind: (typeof PROGRAMME_KINDS)[number];
  title: string;
  location: string | null;
  description: string | null;
}

export interface Seminar {
  id: string;
  title: string;
  topicArea: string | null;
  speakers: string | null;
  description: string | null;
}

export interface MeetingDocument {
  id: string;
  kind: (typeof DOCUMENT_KINDS)[number];
  title: string;
  filename: string;
  contentType: string;
  size: number;
  visibility: (typeof VISIBILITIES)[number];
}

export interface Outcome {
  id: string;
  meetingId: string;
  /** The year of the meeting it came from. */
  year: number;
  kind: (typeof OUTCOME_KINDS)[number];
  text: string;
  responsibleCity: City | null;
  dueOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
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

const meetingNotFound = (id: string) => errors.meetingNotFound(id);

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
  };
}

const chainCities = (chain: Chain, cities: readonly City[] = []) =>
  new Map([...cities, ...chain.members.map((m) => m.city)].map((c) => [c.id, c]));

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

/** The rotation engine's input for a chain: its members, interval, meetings and adjustments. */
export async function rotationInput(db: Db, chain: Chain): Promise<RotationInput> {
  const [rows, adjustments] = await Promise.all([
    repo.listMeetingsOfChain(db.kysely, chain.id),
    repo.listAdjustments(db.kysely, chain.id),
  ]);
  return {
    members: chain.members.map((m) => ({ cityId: m.city.id, position: m.position })),
    intervalYears: chain.intervalYears,
    meetings: rows.map((r) => ({
      id: r.id,
      year: r.year,
      hostCityId: r.host_city_id,
      status: r.status as MeetingStatus,
      originalYear: r.original_year,
    })),
    adjustments: adjustments.map((a): RotationAdjustment => ({
      kind: a.kind as 'swap' | 'skip',
      year: a.year,
      cityId: a.city_id,
      otherCityId: a.other_city_id,
    })),
  };
}

export interface RotationEntry {
  year: number;
  host: City;
  status: MeetingStatus;
  meetingId: string | null;
}

export interface RotationOverview {
  turns: RotationEntry[];
  /** The home city's next turn (registered or forecast) from the current year. */
  homeNext: RotationEntry | null;
  p3: P3Check | null;
}

/** The rotation from `from` for `count` turns, with the home city's next turn and the P3 check. */
export async function rotationOverview(
  db: Db,
  chain: Chain,
  from: number,
  count: number,
  thisYear: number = currentYear(),
): Promise<RotationOverview> {
  const input = await rotationInput(db, chain);
  const byId = chainCities(chain);
  const entry = (t: {
    year: number;
    hostCityId: string;
    status: MeetingStatus;
    meetingId: string | null;
  }) => {
    const host = byId.get(t.hostCityId);
    return host ? { year: t.year, host, status: t.status, meetingId: t.meetingId } : null;
  };
  const turns = rotationTurns(input, from, count).flatMap((t) => entry(t) ?? []);
  const home = chain.members.find((m) => m.city.kind === 'home')?.city;
  const next = home ? nextTurnOf(input, home.id, thisYear) : null;
  return {
    turns,
    homeNext: next ? entry(next) : null,
    p3: home ? checkP3(input, home.id, thisYear) : null,
  };
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

export async function getMeetingDetail(
  db: Db,
  chain: Chain,
  id: string,
  cities: readonly City[] = [],
): Promise<MeetingDetail> {
  const meeting = await getMeeting(db, chain, id);
  const byId = chainCities(chain, cities);
  const [programme, seminars, documents, outcomes, followUps, members] = await Promise.all([
    repo.listProgramme(db.kysely, id),
    repo.listSeminars(db.kysely, id),
    repo.listDocuments(db.kysely, id),
    repo.listOutcomes(db.kysely, id),
    repo.listOpenActionsBefore(db.kysely, chain.id, meeting.year),
    repo.listPublicDelegationMembers(db.kysely, id),
  ]);
  const toOutcome = (o: (typeof outcomes)[number], year: number): Outcome => ({
    id: o.id,
    meetingId: o.meeting_id,
    year,
    kind: o.kind as Outcome['kind'],
    text: o.text,
    responsibleCity: o.responsible_city_id ? (byId.get(o.responsible_city_id) ?? null) : null,
    dueOn: o.due_on,
    closedOn: o.closed_on,
    closingNote: o.closing_note,
  });
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
    programme: programme.map((p) => ({
      id: p.id,
      day: p.day,
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      kind: p.kind as ProgrammeItem['kind'],
      title: p.title,
      location: p.location,
      description: p.description,
    })),
    seminars: seminars.map((s) => ({
      id: s.id,
      title: s.title,
      topicArea: s.topic_area,
      speakers: s.speakers,
      description: s.description,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as MeetingDocument['kind'],
      title: d.title,
      filename: d.filename,
      contentType: d.content_type,
      size: d.size,
      visibility: d.visibility as MeetingDocument['visibility'],
    })),
    outcomes: outcomes.map((o) => toOutcome(o, meeting.year)),
    followUps: followUps.map((o) => toOutcome(o, o.year)),
    delegations: [...delegations.values()],
  };
}

/** A document with its bytes; internal documents only for logged-in users. */
export async function getMeetingDocument(
  db: Db,
  meetingId: string,
  documentId: string,
  loggedIn: boolean,
) {
  const row = await repo.findDocumentWithData(db.kysely, meetingId, documentId);
  if (!row || (row.visibility !== 'public' && !loggedIn)) throw errors.documentNotFound(documentId);
  return row;
}

// ---------------------------------------------------------------- scheduling and editing

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

export interface Editor {
  actor: Actor;
  user: MeetingUser;
}

const isOne = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

/** Field by field, what is wrong with a meeting (message keys, translated by the pages). */
function meetingProblems(
  input: MeetingInput,
  chain: Chain,
  others: readonly repo.MeetingRow[],
  existing: repo.MeetingRow | null,
  user: MeetingUser,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => {
    if (!problems.some((p) => p.path === path)) problems.push({ path, message });
  };
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

const trimmedOrNull = (v: string) => v.trim() || null;

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
    const now = nowIso();
    const row = {
      id: newId(),
      chain_id: chain.id,
      year: Number(input.year.trim()),
      host_city_id: chain.members.find((m) => m.city.slug === input.host)!.city.id,
      start_date: trimmedOrNull(input.startDate),
      end_date: trimmedOrNull(input.endDate),
      venue: trimmedOrNull(input.venue),
      theme: trimmedOrNull(input.theme),
      status: input.status,
      status_reason: input.status === 'cancelled' ? trimmedOrNull(input.statusReason) : null,
      original_year: null,
      updated_by: editor.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertMeeting(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting',
      entityId: row.id,
      action: 'schedule',
      changes: diff(null, { ...row, updated_by: undefined, chain_id: undefined }),
    });
    await createHostPlanIfDue(trx, row.id, editor.actor);
    return row.id;
  });
}

/** Changes a meeting; postponing moves it to a later year and keeps the original year. */
export async function updateMeeting(
  db: Db,
  chain: Chain,
  editor: Editor,
  id: string,
  input: MeetingInput,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findMeeting(trx, id);
    if (!existing || existing.chain_id !== chain.id) throw meetingNotFound(id);
    if (!canEditMeeting(editor.user, existing.host_city_id)) throw errors.forbidden();
    const others = (await repo.listMeetingsOfChain(trx, chain.id)).filter((o) => o.id !== id);
    const problems = meetingProblems(input, chain, others, existing, editor.user);
    if (problems.length) throw errors.validation(problems);
    const year = Number(input.year.trim());
    const postponing = input.status === 'postponed';
    const changes = {
      year,
      host_city_id: chain.members.find((m) => m.city.slug === input.host)!.city.id,
      start_date: trimmedOrNull(input.startDate),
      end_date: trimmedOrNull(input.endDate),
      venue: trimmedOrNull(input.venue),
      theme: trimmedOrNull(input.theme),
      status: input.status,
      status_reason:
        postponing || input.status === 'cancelled' ? trimmedOrNull(input.statusReason) : null,
      original_year: postponing
        ? (existing.original_year ?? existing.year)
        : existing.original_year,
      updated_by: editor.actor.userId,
    };
    await repo.updateMeeting(trx, id, { ...changes, updated_at: nowIso() });
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
  });
}

/** The meeting, for a change to its parts: it exists and the editor may change it. */
async function editableMeeting(trx: Executor, chain: Chain, editor: Editor, id: string) {
  const meeting = await repo.findMeeting(trx, id);
  if (!meeting || meeting.chain_id !== chain.id) throw meetingNotFound(id);
  if (!canEditMeeting(editor.user, meeting.host_city_id)) throw errors.forbidden();
  return meeting;
}

// ---------------------------------------------------------------- programme and seminars

export interface ProgrammeInput {
  day: string;
  startsAt: string;
  endsAt: string;
  kind: string;
  title: string;
  location: string;
  description: string;
}

const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/** A programme item's columns from the form, or a validation error field by field. */
function programmeFields(meeting: repo.MeetingRow, input: ProgrammeInput) {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const day = input.day.trim();
  if (!meeting.start_date || !meeting.end_date) add('day', 'programme.meetingHasNoDates');
  else if (!isPlainDate(day)) add('day', 'programme.dayInvalid');
  else if (day < meeting.start_date || day > meeting.end_date) add('day', 'programme.dayOutside');
  const startsAt = input.startsAt.trim();
  const endsAt = input.endsAt.trim();
  if (!isTime(startsAt)) add('startsAt', 'programme.timeInvalid');
  if (!isTime(endsAt)) add('endsAt', 'programme.timeInvalid');
  else if (isTime(startsAt) && endsAt <= startsAt) add('endsAt', 'programme.endNotAfterStart');
  if (!isOne(PROGRAMME_KINDS, input.kind)) add('kind', 'programme.kindRequired');
  const title = input.title.trim();
  if (!title || title.length > 300) add('title', 'programme.titleRequired');
  if (input.location.length > 300) add('location', 'meeting.textTooLong');
  if (input.description.length > 5000) add('description', 'meeting.textTooLong');
  if (problems.length) throw errors.validation(problems);
  return {
    day,
    starts_at: startsAt,
    ends_at: endsAt,
    kind: input.kind,
    title,
    location: trimmedOrNull(input.location),
    description: trimmedOrNull(input.description),
  };
}

const partNotFound = errors.meetingPartNotFound;

export async function addProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: ProgrammeInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const fields = programmeFields(meeting, input);
    const now = nowIso();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      ...fields,
      created_at: now,
      updated_at: now,
    };
    await repo.insertProgrammeItem(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_programme_item',
      entityId: row.id,
      action: 'create',
      changes: diff(null, row),
    });
    return row.id;
  });
}

/** Corrects a programme item of a meeting in place (the same checks as adding one). */
export async function changeProgrammeItem(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  itemId: string,
  input: ProgrammeInput,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const existing = await repo.findProgrammeItem(trx, meetingId, itemId);
    if (!existing) throw partNotFound(itemId);
    const changes = programmeFields(meeting, input);
    await repo.updateProgrammeItem(trx, itemId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_programme_item',
      entityId: itemId,
      action: 'update',
      changes: diff({ ...existing, id: undefined, meeting_id: undefined }, changes),
    });
  });
}

export interface SeminarInput {
  title: string;
  topicArea: string;
  speakers: string;
  description: string;
}

/** A seminar's columns from the form, or a validation error field by field. */
function seminarFields(input: SeminarInput) {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (!title || title.length > 300)
    problems.push({ path: 'title', message: 'seminar.titleRequired' });
  if (input.topicArea.length > 200)
    problems.push({ path: 'topicArea', message: 'meeting.textTooLong' });
  if (input.speakers.length > 2000)
    problems.push({ path: 'speakers', message: 'meeting.textTooLong' });
  if (input.description.length > 5000)
    problems.push({ path: 'description', message: 'meeting.textTooLong' });
  if (problems.length) throw errors.validation(problems);
  return {
    title,
    topic_area: trimmedOrNull(input.topicArea),
    speakers: trimmedOrNull(input.speakers),
    description: trimmedOrNull(input.description),
  };
}

export async function addSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: SeminarInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const fields = seminarFields(input);
    const now = nowIso();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      programme_item_id: null,
      ...fields,
      created_at: now,
      updated_at: now,
    };
    await repo.insertSeminar(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_seminar',
      entityId: row.id,
      action: 'create',
      changes: diff(null, row),
    });
    return row.id;
  });
}

/** Corrects a seminar of a meeting in place (the same checks as adding one). */
export async function changeSeminar(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  seminarId: string,
  input: SeminarInput,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const existing = await repo.findSeminar(trx, meetingId, seminarId);
    if (!existing) throw partNotFound(seminarId);
    const changes = seminarFields(input);
    await repo.updateSeminar(trx, seminarId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_seminar',
      entityId: seminarId,
      action: 'update',
      changes: diff({ ...existing, id: undefined, meeting_id: undefined }, changes),
    });
  });
}

// ---------------------------------------------------------------- documents

/** Accepted document types: by extension, checked against the file's first bytes. */
const ZIP = 'PK\x03\x04';
const OLE2 = '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1';
export const DOCUMENT_TYPES: Record<string, { contentType: string; magic: string; odf?: boolean }> =
  {
    pdf: { contentType: 'application/pdf', magic: '%PDF-' },
    docx: {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      magic: ZIP,
    },
    xlsx: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      magic: ZIP,
    },
    pptx: {
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      magic: ZIP,
    },
    odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: ZIP, odf: true },
    ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP, odf: true },
    odp: { contentType: 'application/vnd.oasis.opendocument.presentation', magic: ZIP, odf: true },
    doc: { contentType: 'application/msword', magic: OLE2 },
    xls: { contentType: 'application/vnd.ms-excel', magic: OLE2 },
    ppt: { contentType: 'application/vnd.ms-powerpoint', magic: OLE2 },
  };

/** The type of an uploaded file from its name and first bytes, or null when they disagree. */
export function documentType(
  filename: string,
  data: Buffer,
): { ext: string; contentType: string } | null {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = DOCUMENT_TYPES[ext];
  if (!type || data.length < 8) return null;
  if (data.subarray(0, type.magic.length).toString('latin1') !== type.magic) return null;
  // An OpenDocument file names its own type in the stored "mimetype" entry at the start.
  if (type.odf && !data.subarray(0, 200).toString('latin1').includes(type.contentType)) return null;
  return { ext, contentType: type.contentType };
}

export interface DocumentInput {
  kind: string;
  title: string;
  visibility: string;
  file?: { filename: string; data: Buffer; truncated?: boolean } | undefined;
}

/** What is wrong with a document's kind, title and visibility, field by field. */
function documentProblems(input: { kind: string; title: string; visibility: string }) {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isOne(DOCUMENT_KINDS, input.kind)) add('kind', 'document.kindRequired');
  const title = input.title.trim();
  if (!title || title.length > 300) add('title', 'document.titleRequired');
  if (!isOne(VISIBILITIES, input.visibility)) add('visibility', 'document.visibilityRequired');
  return { problems, title };
}

export async function addDocument(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: DocumentInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const { problems, title } = documentProblems(input);
    const add = (path: string, message: string) => problems.push({ path, message });
    const file = input.file;
    let type: ReturnType<typeof documentType> = null;
    if (!file || (file.data.length === 0 && !file.filename)) add('file', 'document.fileRequired');
    else if (file.truncated || file.data.length > MAX_MEETING_DOCUMENT_BYTES)
      add('file', 'document.tooLarge');
    else if (!(type = documentType(file.filename, file.data))) add('file', 'document.wrongType');
    if (problems.length || !file || !type) throw errors.validation(problems);
    const row = {
      id: newId(),
      meeting_id: meetingId,
      kind: input.kind,
      title,
      filename:
        file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || `dokument.${type.ext}`,
      content_type: type.contentType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      visibility: input.visibility,
      created_by: editor.actor.userId,
      created_at: nowIso(),
    };
    await repo.insertDocument(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_document',
      entityId: row.id,
      action: 'upload',
      changes: diff(null, { ...row, data: undefined, created_by: undefined }),
    });
    return row.id;
  });
}

export type DocumentChange = Omit<DocumentInput, 'file'>;

/** Corrects a document's kind, title and visibility; the file stays as it is. */
export async function changeDocument(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  documentId: string,
  input: DocumentChange,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const existing = await repo.findDocument(trx, meetingId, documentId);
    if (!existing) throw partNotFound(documentId);
    const { problems, title } = documentProblems(input);
    if (problems.length) throw errors.validation(problems);
    const changes = { kind: input.kind, title, visibility: input.visibility };
    await repo.updateDocument(trx, documentId, changes);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_document',
      entityId: documentId,
      action: 'update',
      changes: diff(
        { kind: existing.kind, title: existing.title, visibility: existing.visibility },
        changes,
      ),
    });
  });
}

// ---------------------------------------------------------------- outcomes and follow-up

export interface OutcomeInput {
  kind: string;
  text: string;
  responsibleCity: string; // slug, or empty
  dueOn: string;
}

export async function recordOutcome(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: OutcomeInput,
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    await editableMeeting(trx, chain, editor, meetingId);
    const problems: FieldProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path, message });
    if (!isOne(OUTCOME_KINDS, input.kind)) add('kind', 'outcome.kindRequired');
    const text = input.text.trim();
    if (!text || text.length > 2000) add('text', 'outcome.textRequired');
    const city = chain.members.find((m) => m.city.slug === input.responsibleCity)?.city;
    if (input.responsibleCity && !city) add('responsibleCity', 'outcome.cityNotInChain');
    else if (input.kind === 'action' && !city) add('responsibleCity', 'outcome.cityRequired');
    const due = input.dueOn.trim();
    if (due && !isPlainDate(due)) add('dueOn', 'meeting.dateInvalid');
    if (problems.length) throw errors.validation(problems);
    const now = nowIso();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      kind: input.kind,
      text,
      responsible_city_id: city?.id ?? null,
      due_on: due || null,
      closed_on: null,
      closed_in_meeting_id: null,
      closing_note: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertOutcome(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_outcome',
      entityId: row.id,
      action: 'record',
      changes: diff(null, row),
    });
    return row.id;
  });
}

/**
 * Closes an open action, from the page of its own meeting or of a later one (where it is
 * a follow-up item), with a note saying how it was done.
 */
export async function closeAction(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  outcomeId: string,
  note: string,
  today: string = nowIso().slice(0, 10),
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const outcome = await repo.findOutcome(trx, outcomeId);
    const origin = outcome ? await repo.findMeeting(trx, outcome.meeting_id) : undefined;
    if (
      !outcome ||
      !origin ||
      origin.chain_id !== chain.id ||
      origin.year > meeting.year ||
      outcome.kind !== 'action'
    )
      throw errors.outcomeNotFound(outcomeId);
    const problems: FieldProblem[] = [];
    if (outcome.closed_on) problems.push({ path: 'closingNote', message: 'outcome.alreadyClosed' });
    const text = note.trim();
    if (!text || text.length > 2000)
      problems.push({ path: 'closingNote', message: 'outcome.closingNoteRequired' });
    if (problems.length) throw errors.validation(problems);
    const changes = {
      closed_on: today,
      closed_in_meeting_id: meetingId,
      closing_note: text,
    };
    await repo.updateOutcome(trx, outcomeId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_outcome',
      entityId: outcomeId,
      action: 'close',
      changes: diff({ closed_on: null, closed_in_meeting_id: null, closing_note: null }, changes),
    });
  });
}

// ---------------------------------------------------------------- rotation adjustments

export const ADJUSTMENT_KINDS = ['swap', 'skip'] as const;

export interface Adjustment {
  id: string;
  kind: (typeof ADJUSTMENT_KINDS)[number];
  year: number;
  city: City;
  otherCity: City | null;
  reason: string;
}

export async function listAdjustments(db: Db, chain: Chain, cities: readonly City[] = []) {
  const byId = chainCities(chain, cities);
  const rows = await repo.listAdjustments(db.kysely, chain.id);
  return rows.flatMap((r): Adjustment[] => {
    const city = byId.get(r.city_id);
    if (!city) return [];
    return [
      {
        id: r.id,
        kind: r.kind as Adjustment['kind'],
        year: r.year,
        city,
        otherCity: r.other_city_id ? (byId.get(r.other_city_id) ?? null) : null,
        reason: r.reason,
      },
    ];
  });
}

export interface AdjustmentInput {
  kind: string;
  year: string;
  city: string; // slug
  otherCity: string; // slug, for a swap
  reason: string;
}

/**
 * Records a change of the rotation order (coordinators): a swap of two hosts from a year
 * on, or a host that skips its turn in a year. Only forecast turns change: registered
 * meetings stay as they are.
 */
export async function adjustRotation(
  db: Db,
  chain: Chain,
  editor: Editor,
  input: AdjustmentInput,
): Promise<string> {
  if (!canAdjustRotation(editor.user)) throw errors.forbidden();
  return db.kysely.transaction().execute(async (trx) => {
    const problems: FieldProblem[] = [];
    const add = (path: string, message: string) => problems.push({ path, message });
    if (!isOne(ADJUSTMENT_KINDS, input.kind)) add('kind', 'adjustment.kindRequired');
    const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year.trim()) : Number.NaN;
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
      add('year', 'meeting.yearInvalid');
    else if ((await repo.listMeetingsOfChain(trx, chain.id)).some((m) => m.year >= year))
      add('year', 'adjustment.yearRegistered');
    const member = (slug: string) => chain.members.find((m) => m.city.slug === slug)?.city;
    const city = member(input.city);
    if (!city) add('city', 'meeting.hostNotInChain');
    const other = input.kind === 'swap' ? member(input.otherCity) : undefined;
    if (input.kind === 'swap') {
      if (!other) add('otherCity', 'adjustment.otherRequired');
      else if (other.id === city?.id) add('otherCity', 'adjustment.sameCity');
    }
    const reason = input.reason.trim();
    if (!reason || reason.length > 2000) add('reason', 'adjustment.reasonRequired');
    if (problems.length || !city) throw errors.validation(problems);
    const row = {
      id: newId(),
      chain_id: chain.id,
      kind: input.kind,
      year,
      city_id: city.id,
      other_city_id: other?.id ?? null,
      reason,
      created_by: editor.actor.userId,
      created_at: nowIso(),
    };
    await repo.insertAdjustment(trx, row);
    await recordAudit(trx, editor.actor, {
      entity: 'rotation_adjustment',
      entityId: row.id,
      action: row.kind,
      changes: diff(null, { ...row, created_by: undefined }),
    });
    return row.id;
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

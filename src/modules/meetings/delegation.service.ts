import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { AppError, errors } from '../../shared/errors.ts';
import type { User } from '../accounts/index.ts';
import { createAudited, diff, recordAudit, type Actor } from '../audit/index.ts';
import { getChain, listCities, type City } from '../cities/index.ts';
import { gothenburgDate } from './delegation.dates.ts';
import {
  delegationRefusal,
  delegationScopeOf,
  isOrganiser,
  type DelegationAction,
  type DelegationRefusal,
  type DelegationScope,
} from './delegation.policy.ts';
import * as repo from './delegation.repository.ts';
import { zodProblems } from '../../shared/validation.ts';
import { confirmForm, memberForm, type MemberInput } from './delegation.schema.ts';
import { citiesErrors } from '../cities/index.ts';
import { meetingsErrors } from './errors.ts';

export type DelegationStatus = 'none' | 'draft' | 'nominated' | 'confirmed';

export interface MemberLogistics {
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  travel: string | null;
  phone: string | null;
}

export interface DelegationMember {
  id: string;
  name: string;
  title: string | null;
  affiliation: string | null;
  /** Null when the viewer may not see private logistics. */
  logistics: MemberLogistics | null;
  /** When the retention job erased the logistics, if it did. */
  logisticsErasedAt: string | null;
}

export interface MeetingSummary {
  id: string;
  year: number;
  hostCityId: string;
  startDate: string | null;
  endDate: string | null;
  status: string;
  venue: string | null;
}

export interface DelegationView {
  meeting: MeetingSummary;
  city: City;
  host: City | null;
  status: DelegationStatus;
  presidiumDecisionOn: string | null;
  confirmedAt: string | null;
  members: DelegationMember[];
  /** What the viewer may do. */
  canManage: boolean;
  canSeeLogistics: boolean;
  /** Why the viewer may not manage it (shown as a note), or null. */
  manageRefusal: DelegationRefusal | null;
}

/** A refused delegation action: 403 with the reason as a message key for the page. */
export class DelegationForbidden extends AppError {
  constructor(public readonly reason: DelegationRefusal) {
    super('DELEGATION_FORBIDDEN', undefined, { reason });
  }
}

export const meetingNotFound = meetingsErrors.meetingNotFound;
const memberNotFound = meetingsErrors.delegationMemberNotFound;

const toMeeting = (r: repo.MeetingRow): MeetingSummary => ({
  id: r.id,
  year: r.year,
  hostCityId: r.host_city_id,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  venue: r.venue,
});

/** What is shown of a delegate (a member or a participant): the logistics only `withLogistics`. */
function delegate(
  r: Omit<repo.MemberRow, 'id' | 'delegation_id' | 'position'>,
  withLogistics: boolean,
): Omit<DelegationMember, 'id'> {
  return {
    name: r.name,
    title: r.title,
    affiliation: r.affiliation,
    logistics: withLogistics
      ? {
          dietaryNeeds: r.dietary_needs,
          accessNeeds: r.access_needs,
          travel: r.travel,
          phone: r.phone,
        }
      : null,
    logisticsErasedAt: r.logistics_erased_at,
  };
}

function toMember(r: repo.MemberRow, withLogistics: boolean): DelegationMember {
  return { id: r.id, ...delegate(r, withLogistics) };
}

interface Target {
  meeting: MeetingSummary;
  city: City;
  host: City | null;
  scope: DelegationScope;
}

/** Where a delegation is: its meeting's id and its city's slug (the path of its page). */
export interface DelegationAt {
  id: string;
  citySlug: string;
}

/** Where one member of a delegation is. */
export interface MemberAt extends DelegationAt {
  memberId: string;
}

/**
 * The meeting and a chain member city (404 for either unknown), if `user` may `action` the
 * delegation (else 403 with the reason).
 */
async function target(
  db: Db,
  user: User,
  action: DelegationAction,
  at: DelegationAt,
): Promise<Target> {
  const row = await repo.findMeeting(db.kysely, at.id);
  if (!row) throw meetingNotFound(at.id);
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  const city = chain?.members.find((m) => m.city.slug === at.citySlug)?.city;
  if (!city) throw citiesErrors.cityNotFound(at.citySlug);
  const host = cities.find((c) => c.id === row.host_city_id) ?? null;
  const scope = { cityId: city.id, cityKind: city.kind, hostCityId: row.host_city_id };
  const refusal = delegationRefusal(user, action, scope);
  if (refusal) throw new DelegationForbidden(refusal);
  return { meeting: toMeeting(row), city, host, scope };
}

/** One delegation as the user may see it. */
export async function getDelegation(db: Db, user: User, at: DelegationAt): Promise<DelegationView> {
  const t = await target(db, user, 'read', at);
  const canSeeLogistics = delegationRefusal(user, 'readLogistics', t.scope) === null;
  const manageRefusal = delegationRefusal(user, 'manage', t.scope);
  const row = await repo.findDelegation(db.kysely, t.meeting.id, t.city.id);
  const members = row ? await repo.listMembers(db.kysely, row.id) : [];
  return {
    meeting: t.meeting,
    city: t.city,
    host: t.host,
    status: (row?.status as DelegationStatus | undefined) ?? 'none',
    presidiumDecisionOn: row?.presidium_decision_on ?? null,
    confirmedAt: row?.confirmed_at ?? null,
    members: members.map((m) => toMember(m, canSeeLogistics)),
    canManage: manageRefusal === null,
    canSeeLogistics,
    manageRefusal,
  };
}

export interface DelegationOverviewRow {
  meeting: MeetingSummary;
  host: City | null;
  delegations: { city: City; status: DelegationStatus; members: number }[];
}

/** Meetings with each city's delegation status, for the cities in the user's scope. */
export async function delegationOverview(db: Db, user: User): Promise<DelegationOverviewRow[]> {
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  // Gothenburg first, then the twin cities in rotation order.
  const members = (chain?.members.map((m) => m.city) ?? []).sort(
    (a, b) => Number(b.kind === 'home') - Number(a.kind === 'home'),
  );
  const home = members.find((c) => c.kind === 'home') ?? null;
  const scope = delegationScopeOf(user, home?.id ?? null);
  const shown = scope === null ? members : members.filter((c) => scope.includes(c.id));
  const meetings = (await repo.listMeetings(db.kysely)).filter((m) => m.status !== 'forecast');
  const delegations = await repo.listDelegationsOfMeetings(
    db.kysely,
    meetings.map((m) => m.id),
  );
  return meetings.map((m) => ({
    meeting: toMeeting(m),
    host: cities.find((c) => c.id === m.host_city_id) ?? null,
    delegations: shown.map((city) => {
      const d = delegations.find((x) => x.meeting_id === m.id && x.city_id === city.id);
      return {
        city,
        status: (d?.status as DelegationStatus | undefined) ?? 'none',
        members: Number(d?.members ?? 0),
      };
    }),
  }));
}

/**
 * The delegation row to change, created (as nominated) on the first member. A change to a
 * confirmed delegation sends it back to nominated: the confirmation covered the list as it
 * was, so the presidium (or partner contact) confirms the new list again.
 */
async function delegationForChange(
  trx: Executor,
  actor: Actor,
  t: Target,
): Promise<repo.DelegationRow> {
  const existing = await repo.findDelegation(trx, t.meeting.id, t.city.id);
  if (!existing)
    return createAudited(
      trx,
      actor,
      { entity: 'delegation', action: 'nominate' },
      repo.insertDelegation,
      {
        meeting_id: t.meeting.id,
        city_id: t.city.id,
        status: 'nominated',
        presidium_decision_on: null,
        note: null,
        confirmed_by: null,
        confirmed_at: null,
      },
      (row) => ({ meeting_id: row.meeting_id, city_id: row.city_id, status: 'nominated' }),
    );
  if (existing.status === 'confirmed') {
    const reset = {
      status: 'nominated',
      presidium_decision_on: null,
      confirmed_by: null,
      confirmed_at: null,
    };
    await repo.updateDelegation(trx, existing.id, { ...reset, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      entity: 'delegation',
      entityId: existing.id,
      action: 'unconfirm',
      changes: diff(
        {
          status: existing.status,
          presidium_decision_on: existing.presidium_decision_on,
          confirmed_by: existing.confirmed_by,
          confirmed_at: existing.confirmed_at,
        },
        reset,
      ),
    });
    return { ...existing, ...reset };
  }
  return existing;
}

function parseMember(values: Record<string, string>): MemberInput {
  const parsed = memberForm.safeParse(values);
  if (!parsed.success) throw errors.validation(zodProblems(parsed.error));
  return parsed.data;
}

const memberColumns = (m: MemberInput) => ({
  name: m.name,
  title: m.title,
  affiliation: m.affiliation,
  dietary_needs: m.dietaryNeeds,
  access_needs: m.accessNeeds,
  travel: m.travel,
  phone: m.phone,
});

/** Adds a member (policy first, then the form), in one transaction with its audit event. */
export async function addMember(
  db: Db,
  user: User,
  actor: Actor,
  at: DelegationAt,
  values: Record<string, string>,
): Promise<void> {
  const t = await target(db, user, 'manage', at);
  const input = parseMember(values);
  await db.kysely.transaction().execute(async (trx) => {
    const delegation = await delegationForChange(trx, actor, t);
    await createAudited(
      trx,
      actor,
      { entity: 'delegation_member', action: 'add' },
      repo.insertMember,
      {
        delegation_id: delegation.id,
        position: await repo.nextMemberPosition(trx, delegation.id),
        ...memberColumns(input),
        logistics_erased_at: null,
      },
      () => ({ delegation_id: delegation.id, ...redacted(memberColumns(input)) }),
    );
  });
}

/** Logistics are personal data: the audit trail notes that they changed, not their values. */
function redacted(columns: ReturnType<typeof memberColumns>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...columns };
  for (const key of LOGISTICS) out[key] = columns[key] === null ? null : '(set)';
  return out;
}

const LOGISTICS = ['dietary_needs', 'access_needs', 'travel', 'phone'] as const;

/** The diff of a member change; a changed logistics value shows as "(changed)", never itself. */
function logisticsAware(
  before: ReturnType<typeof memberColumns>,
  after: ReturnType<typeof memberColumns>,
) {
  const changes = diff(redacted(before), redacted(after));
  for (const key of LOGISTICS) {
    if (before[key] !== null && after[key] !== null && before[key] !== after[key])
      changes[key] = { before: '(set)', after: '(changed)' };
  }
  return changes;
}

/**
 * A change to one member of a delegation `user` may manage (404 for a member not in it):
 * `prepare` checks what it can before the transaction (the form) and gives the change, which
 * runs in one transaction with the delegation's own (see delegationForChange).
 */
async function changeMember(
  db: Db,
  user: User,
  actor: Actor,
  at: MemberAt,
  prepare: (existing: repo.MemberRow) => (trx: Executor) => Promise<void>,
): Promise<void> {
  const t = await target(db, user, 'manage', at);
  const delegation = await repo.findDelegation(db.kysely, t.meeting.id, t.city.id);
  const existing = delegation
    ? await repo.findMember(db.kysely, delegation.id, at.memberId)
    : undefined;
  if (!existing) throw memberNotFound(at.memberId);
  const change = prepare(existing);
  await db.kysely.transaction().execute(async (trx) => {
    await delegationForChange(trx, actor, t);
    await change(trx);
  });
}

/** Changes a member's fields. */
export async function updateMember(
  db: Db,
  user: User,
  actor: Actor,
  at: MemberAt,
  values: Record<string, string>,
): Promise<void> {
  await changeMember(db, user, actor, at, (existing) => {
    const input = parseMember(values);
    return async (trx) => {
      const before = memberColumns({
        name: existing.name,
        title: existing.title,
        affiliation: existing.affiliation,
        dietaryNeeds: existing.dietary_needs,
        accessNeeds: existing.access_needs,
        travel: existing.travel,
        phone: existing.phone,
      });
      await repo.updateMember(trx, existing.id, { ...memberColumns(input), updated_at: nowIso() });
      await recordAudit(trx, actor, {
        entity: 'delegation_member',
        entityId: existing.id,
        action: 'update',
        changes: logisticsAware(before, memberColumns(input)),
      });
    };
  });
}

/** Removes a member from the delegation. */
export async function removeMember(db: Db, user: User, actor: Actor, at: MemberAt): Promise<void> {
  await changeMember(db, user, actor, at, (existing) => async (trx) => {
    await repo.deleteMember(trx, existing.id);
    await recordAudit(trx, actor, {
      entity: 'delegation_member',
      entityId: existing.id,
      action: 'remove',
      changes: diff({ name: existing.name }, null),
    });
  });
}

/**
 * Confirms the delegation. Gothenburg's needs the date of the presidium's decision (P4),
 * a plain date not in the future; a twin city's partner contact confirms without one.
 */
export async function confirmDelegation(
  db: Db,
  user: User,
  actor: Actor,
  at: DelegationAt,
  values: { decisionDate: string },
  now: Date = new Date(),
): Promise<void> {
  const t = await target(db, user, 'manage', at);
  const home = t.city.kind === 'home';
  const parsed = confirmForm(gothenburgDate(now), home).safeParse(values);
  if (!parsed.success) throw errors.validation(zodProblems(parsed.error));
  await db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findDelegation(trx, t.meeting.id, t.city.id);
    const members = existing ? await repo.listMembers(trx, existing.id) : [];
    if (!existing || members.length === 0)
      throw errors.validation([{ path: 'form', message: 'delegation.error.noMembers' }]);
    const after = {
      status: 'confirmed',
      presidium_decision_on: home ? parsed.data.decisionDate : parsed.data.decisionDate || null,
      confirmed_by: actor.userId,
      confirmed_at: nowIso(),
    };
    await repo.updateDelegation(trx, existing.id, { ...after, updated_at: after.confirmed_at });
    await recordAudit(trx, actor, {
      entity: 'delegation',
      entityId: existing.id,
      action: 'confirm',
      changes: diff(
        { status: existing.status, presidium_decision_on: existing.presidium_decision_on },
        { status: after.status, presidium_decision_on: after.presidium_decision_on },
      ),
    });
  });
}

export interface Participant {
  city: City;
  delegationStatus: DelegationStatus;
  name: string;
  title: string | null;
  affiliation: string | null;
  logistics: MemberLogistics | null;
  logisticsErasedAt: string | null;
}

/**
 * The participant list of a meeting, city by city in chain order. Public fields for every
 * holder of the delegations permission; with `logistics`, only for the organisers.
 */
export async function participantList(
  db: Db,
  user: User,
  meetingId: string,
  logistics: boolean,
): Promise<{ meeting: MeetingSummary; host: City | null; participants: Participant[] }> {
  const row = await repo.findMeeting(db.kysely, meetingId);
  if (!row) throw meetingNotFound(meetingId);
  if (logistics && !isOrganiser(user, row.host_city_id))
    throw new DelegationForbidden('delegation.forbidden.logistics');
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  const order = chain?.members.map((m) => m.city.id) ?? [];
  // Gothenburg first, then the twin cities in rotation order.
  const rank = (city: City) => (city.kind === 'home' ? -1 : order.indexOf(city.id));
  const rows = await repo.listParticipants(db.kysely, meetingId);
  const participants = rows
    .map((r) => ({ r, city: cities.find((c) => c.id === r.city_id) }))
    .filter((x): x is { r: typeof x.r; city: City } => x.city !== undefined)
    .sort((a, b) => rank(a.city) - rank(b.city) || a.r.position - b.r.position)
    .map(({ r, city }) => ({
      city,
      delegationStatus: r.status as DelegationStatus,
      ...delegate(r, logistics),
    }));
  return {
    meeting: toMeeting(row),
    host: cities.find((c) => c.id === row.host_city_id) ?? null,
    participants,
  };
}

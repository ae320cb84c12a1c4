import type { Db, Executor } from '../../db/database.ts';
import { currentYear, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { insertAudited } from '../audit/index.ts';
import type { Chain, City } from '../cities/index.ts';
import { chainCities, isOne, type Editor } from './meeting.helpers.ts';
import { canAdjustRotation } from './meeting.policy.ts';
import * as repo from './meeting.repository.ts';
import { FIRST_YEAR, LAST_YEAR } from './meeting.service.ts';
import {
  checkP3,
  nextTurnOf,
  rotationTurns,
  type MeetingStatus,
  type P3Check,
  type RotationAdjustment,
  type RotationInput,
} from './rotation.ts';

// The host rotation of a chain as stored (the engine itself is pure: rotation.ts): the
// overview of turns with the P3 check, and the coordinators' adjustments of the order.

/** The rotation engine's input for a chain: its members, interval, meetings and adjustments. */
export async function rotationInput(db: Db, chain: Chain): Promise<RotationInput> {
  return rotationInputOf(db.kysely, {
    id: chain.id,
    intervalYears: chain.intervalYears,
    members: chain.members.map((m) => ({ cityId: m.city.id, position: m.position })),
  });
}

/** The same, read through any executor (the evaluation reads it inside its transaction). */
export async function rotationInputOf(
  db: Executor,
  chain: { id: string; intervalYears: number; members: RotationInput['members'] },
): Promise<RotationInput> {
  const [rows, adjustments] = await Promise.all([
    repo.listMeetingsOfChain(db, chain.id),
    repo.listAdjustments(db, chain.id),
  ]);
  return {
    members: chain.members,
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
    await insertAudited(
      trx,
      editor.actor,
      { entity: 'rotation_adjustment', action: row.kind },
      repo.insertAdjustment,
      row,
      { ...row, created_by: undefined },
    );
    return row.id;
  });
}

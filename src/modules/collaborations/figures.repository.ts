import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { counted, countedRow, countWhere, sumOrZero } from '../../db/aggregates.ts';
import type { Database, Executor } from '../../db/database.ts';
import type { CollaborationTable, ExchangeTable } from './collaboration.table.ts';

// The yearly overview's figures (issue 14, point 3): public records only, counted in SQL.
// Collaborations are read by the public index (visibility, published_at, starts_on) and
// the link tables by their (city, collaboration) and (area, collaboration) indexes;
// exchanges by (occurred_on, id) or (city_id, occurred_on).

/** The window of a year: its first day, its last, and the day it is counted up to. */
export interface YearWindow {
  /** `YYYY-01-01` */
  from: string;
  /** `YYYY-12-31` */
  to: string;
  /** The last day counted: `to`, or today in the current year. */
  asOf: string;
  /** Only records with this city (a twin city's overview). */
  cityId?: string | undefined;
}

type CollabQuery = SelectQueryBuilder<Database & { c: CollaborationTable }, 'c', object>;

/**
 * The public collaborations that ran in the year: public and published, not cancelled,
 * started on or before the day counted up to, and not ended before the year began.
 */
function collaborationsOfYear(db: Executor, w: YearWindow): CollabQuery {
  let q = db
    .selectFrom('collaboration as c')
    .where('c.visibility', '=', 'public')
    .where('c.published_at', 'is not', null)
    .where('c.status', '<>', 'cancelled')
    .where('c.starts_on', '<=', w.asOf)
    .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', w.from)]));
  if (w.cityId) {
    const cityId = w.cityId;
    q = q.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('collaboration_city as own')
        .select('own.collaboration_id')
        .where('own.city_id', '=', cityId),
    );
  }
  return q;
}

/** Totals: how many ran, how many began in the year, how many ended by the day counted, by how many organisations. */
export async function collaborationTotals(db: Executor, w: YearWindow) {
  const row = await collaborationsOfYear(db, w)
    .select((eb) => [
      eb.fn.countAll().as('total'),
      countWhere(eb, eb('c.starts_on', '>=', w.from)).as('started'),
      countWhere(eb, eb.and([eb('c.ends_on', 'is not', null), eb('c.ends_on', '<=', w.asOf)])).as(
        'finished',
      ),
      eb.fn.count('c.organisation_id').distinct().as('organisations'),
    ])
    .executeTakeFirstOrThrow();
  return countedRow(row);
}

/** Collaborations per area (a collaboration with two areas counts in both). */
export async function collaborationsByArea(db: Executor, w: YearWindow) {
  const rows = await collaborationsOfYear(db, w)
    .innerJoin('collaboration_area as ca', 'ca.collaboration_id', 'c.id')
    .innerJoin('area', 'area.id', 'ca.area_id')
    .select(['area.id', 'area.name_sv', 'area.name_en', 'area.position'])
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy(['area.id', 'area.name_sv', 'area.name_en', 'area.position'])
    .orderBy('count', 'desc')
    .orderBy('area.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    count: counted(r.count),
  }));
}

/** Collaborations per owner organisation, most first. */
export async function collaborationsByOrganisation(db: Executor, w: YearWindow) {
  const rows = await collaborationsOfYear(db, w)
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.name'])
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy(['o.id', 'o.name'])
    .orderBy('count', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, count: counted(r.count) }));
}

/** Collaborations per partner city (a collaboration with two cities counts in both). */
export async function collaborationsByCity(db: Executor, w: YearWindow) {
  const rows = await collaborationsOfYear(db, { ...w, cityId: undefined })
    .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
    .select('cc.city_id')
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy('cc.city_id')
    .execute();
  return rows.map((r) => ({ cityId: r.city_id, count: counted(r.count) }));
}

type ExchangeExpressions = ExpressionBuilder<
  Database & { e: ExchangeTable; c: CollaborationTable },
  'e' | 'c'
>;

/** The public exchanges of the year (the exchange register's public scope). */
function exchangesOfYear(db: Executor, w: YearWindow) {
  let q = db
    .selectFrom('exchange as e')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id')
    .where('e.occurred_on', '>=', w.from)
    .where('e.occurred_on', '<=', w.to)
    .where((eb: ExchangeExpressions) =>
      eb.and([
        eb('e.visibility', '=', 'public'),
        eb('e.published_at', 'is not', null),
        eb.or([
          eb('e.collaboration_id', 'is', null),
          eb.and([eb('c.visibility', '=', 'public'), eb('c.published_at', 'is not', null)]),
        ]),
      ]),
    );
  if (w.cityId) q = q.where('e.city_id', '=', w.cityId);
  return q;
}

/** Exchanges of the year: how many, their participants, by how many organisations. */
export async function exchangeTotals(db: Executor, w: YearWindow) {
  const row = await exchangesOfYear(db, w)
    .select((eb) => [
      eb.fn.countAll().as('total'),
      sumOrZero(eb, eb.ref('e.participants')).as('participants'),
      eb.fn.count('e.organisation_id').distinct().as('organisations'),
    ])
    .executeTakeFirstOrThrow();
  return countedRow(row);
}

/** Exchanges and participants per value of one of the exchange's columns. */
function exchangesPer<C extends 'e.city_id' | 'e.direction'>(
  db: Executor,
  w: YearWindow,
  column: C,
) {
  return exchangesOfYear(db, w)
    .select(column)
    .select((eb) => [
      eb.fn.countAll().as('count'),
      sumOrZero(eb, eb.ref('e.participants')).as('participants'),
    ])
    .groupBy(column)
    .execute();
}

/** Exchanges and participants per city. */
export async function exchangesByCity(db: Executor, w: YearWindow) {
  const rows = await exchangesPer(db, { ...w, cityId: undefined }, 'e.city_id');
  return rows.map((r) => ({
    cityId: r.city_id,
    count: counted(r.count),
    participants: counted(r.participants),
  }));
}

/** Exchanges and participants per direction (visit to, visit from, digital). */
export async function exchangesByDirection(db: Executor, w: YearWindow) {
  const rows = await exchangesPer(db, w, 'e.direction');
  return rows.map((r) => ({
    direction: r.direction,
    count: counted(r.count),
    participants: counted(r.participants),
  }));
}

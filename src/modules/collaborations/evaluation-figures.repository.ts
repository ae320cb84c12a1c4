import { counted, countedRow, countWhere, sumOrZero } from '../../db/aggregates.ts';
import type { Executor } from '../../db/database.ts';

// The evaluation's reads of collaborations, exchanges and campaigns (issue 15, point 2).
// Unlike the yearly overview these count every record, public or internal: the evaluation
// is an internal report (its view says so). Everything is counted in SQL.

export interface Window {
  /** Plain dates, both included. */
  start: string;
  end: string;
}

/**
 * The collaborations of a period: not cancelled, begun on or before its last day and not
 * ended before its first.
 */
function collaborationsOf(db: Executor, w: Window) {
  return db
    .selectFrom('collaboration as c')
    .where('c.status', '<>', 'cancelled')
    .where('c.starts_on', '<=', w.end)
    .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', w.start)]));
}

/** How many ran, began in the period, ran through the whole of it, ended in it. */
export async function collaborationTotals(db: Executor, w: Window) {
  const row = await collaborationsOf(db, w)
    .select((eb) => [
      eb.fn.countAll().as('total'),
      countWhere(eb, eb('c.starts_on', '>=', w.start)).as('started'),
      countWhere(
        eb,
        eb.and([
          eb('c.starts_on', '<', w.start),
          eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>', w.end)]),
        ]),
      ).as('ongoing'),
      countWhere(eb, eb.and([eb('c.ends_on', 'is not', null), eb('c.ends_on', '<=', w.end)])).as(
        'finished',
      ),
    ])
    .executeTakeFirstOrThrow();
  return countedRow(row);
}

/** Per partner city (a collaboration with two cities counts in both). */
export async function collaborationsByCity(db: Executor, w: Window) {
  const rows = await collaborationsOf(db, w)
    .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
    .select('cc.city_id as key')
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy('cc.city_id')
    .execute();
  return rows.map((r) => ({ key: r.key, count: counted(r.count) }));
}

/** Per area, with its Swedish name (a collaboration with two areas counts in both). */
export async function collaborationsByArea(db: Executor, w: Window) {
  const rows = await collaborationsOf(db, w)
    .innerJoin('collaboration_area as ca', 'ca.collaboration_id', 'c.id')
    .innerJoin('area', 'area.id', 'ca.area_id')
    .select(['area.slug as key', 'area.name_sv as label'])
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy(['area.slug', 'area.name_sv'])
    .execute();
  return rows.map((r) => ({ key: r.key, label: r.label, count: counted(r.count) }));
}

/** Per owner organisation, with its name. */
export async function collaborationsByOrganisation(db: Executor, w: Window) {
  const rows = await collaborationsOf(db, w)
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['o.slug as key', 'o.name as label'])
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy(['o.slug', 'o.name'])
    .execute();
  return rows.map((r) => ({ key: r.key, label: r.label, count: counted(r.count) }));
}

/** Per value of a column: kind or status. */
export async function collaborationsBy(db: Executor, w: Window, column: 'kind' | 'status') {
  const ref = column === 'kind' ? 'c.kind' : 'c.status';
  const rows = await collaborationsOf(db, w)
    .select(`${ref} as key`)
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy(ref)
    .execute();
  return rows.map((r) => ({ key: String(r.key), count: counted(r.count) }));
}

/** Every exchange of the period (public or internal), by the day it took place. */
function exchangesOf(db: Executor, w: Window) {
  return db
    .selectFrom('exchange as e')
    .where('e.occurred_on', '>=', w.start)
    .where('e.occurred_on', '<=', w.end);
}

/** Exchanges and participants per (city, direction): one pass over the period's exchanges. */
export async function exchangesByCityAndDirection(db: Executor, w: Window) {
  const rows = await exchangesOf(db, w)
    .select(['e.city_id', 'e.direction'])
    .select((eb) => [
      eb.fn.countAll().as('count'),
      sumOrZero(eb, eb.ref('e.participants')).as('participants'),
    ])
    .groupBy(['e.city_id', 'e.direction'])
    .execute();
  return rows.map((r) => ({
    cityId: r.city_id,
    direction: r.direction,
    count: counted(r.count),
    participants: counted(r.participants),
  }));
}

/** The campaigns whose reporting period overlaps the window, oldest first. */
export function listCampaignsOverlapping(db: Executor, w: Window) {
  return db
    .selectFrom('campaign')
    .select(['id', 'title', 'deadline', 'status', 'period_from', 'period_to'])
    .where('period_from', '<=', w.end)
    .where('period_to', '>=', w.start)
    .orderBy('period_from')
    .orderBy('id')
    .execute();
}

/** The organisations each campaign asked, and whether they answered (one row per pair). */
export async function listCampaignAnswers(db: Executor, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('campaign_organisation as co')
    .innerJoin('organisation as o', 'o.id', 'co.organisation_id')
    .select(['co.campaign_id', 'o.name'])
    .select((eb) =>
      eb.case().when('co.answer', 'is not', null).then(1).else(0).end().as('answered'),
    )
    .where('co.campaign_id', 'in', campaignIds)
    .orderBy('o.name')
    .execute();
}

/**
 * The active organisations that were asked by at least one campaign whose deadline passed
 * by `asOf` and answered none of them, with how many campaigns asked them.
 */
export async function listNeverAnswering(db: Executor, asOf: string) {
  const rows = await db
    .selectFrom('campaign_organisation as co')
    .innerJoin('campaign as cp', 'cp.id', 'co.campaign_id')
    .innerJoin('organisation as o', 'o.id', 'co.organisation_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .select((eb) => eb.fn.countAll().as('asked'))
    .where('cp.deadline', '<=', asOf)
    .where('o.active', '=', 1)
    .groupBy(['o.id', 'o.slug', 'o.name'])
    .having((eb) => eb(countWhere(eb, eb('co.answer', 'is not', null)), '=', 0))
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, asked: counted(r.asked) }));
}

/** The cities with a collaboration running or an exchange taking place in the window. */
export async function citiesActiveInRecords(db: Executor, w: Window): Promise<string[]> {
  const [collabs, exchanges] = await Promise.all([
    collaborationsOf(db, w)
      .innerJoin('collaboration_city as cc', 'cc.collaboration_id', 'c.id')
      .select('cc.city_id')
      .distinct()
      .execute(),
    exchangesOf(db, w).select('e.city_id').distinct().execute(),
  ]);
  return [...new Set([...collabs, ...exchanges].map((r) => r.city_id))];
}

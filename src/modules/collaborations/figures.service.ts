import type { Db } from '../../db/database.ts';
import * as repo from './figures.repository.ts';

export type { YearWindow } from './figures.repository.ts';

/** A count under a name: an area (with its names), an organisation or a city (by id). */
export interface AreaCount {
  id: string;
  nameSv: string;
  nameEn: string;
  count: number;
}

/** The public collaborations of a year (the yearly overview; issue 14). */
export interface CollaborationFigures {
  /** Public collaborations that ran in the year (up to today in the current year). */
  total: number;
  /** Of them, begun in the year. */
  started: number;
  /** Of them, ended in the year (up to today). */
  finished: number;
  /** Of them, still running at the end of the year (or today). */
  ongoing: number;
  /** How many organisations (administrations and companies) owned them. */
  organisations: number;
  byArea: AreaCount[];
  byOrganisation: { id: string; name: string; count: number }[];
  /** Per partner city, whatever the window's city (the overview's comparison). */
  byCity: { cityId: string; count: number }[];
}

/** The public exchanges of a year. */
export interface ExchangeFigures {
  total: number;
  participants: number;
  organisations: number;
  byCity: { cityId: string; count: number; participants: number }[];
  byDirection: { direction: string; count: number; participants: number }[];
}

/**
 * The figures of the public collaborations of a year, aggregated in the database (never a
 * row per collaboration in memory). Internal and unpublished collaborations never count.
 */
export async function collaborationFigures(
  db: Db,
  window: repo.YearWindow,
): Promise<CollaborationFigures> {
  const [totals, byArea, byOrganisation, byCity] = await Promise.all([
    repo.collaborationTotals(db.kysely, window),
    repo.collaborationsByArea(db.kysely, window),
    repo.collaborationsByOrganisation(db.kysely, window),
    repo.collaborationsByCity(db.kysely, window),
  ]);
  return {
    ...totals,
    ongoing: totals.total - totals.finished,
    byArea,
    byOrganisation,
    byCity,
  };
}

/** The figures of the public exchanges of a year. */
export async function exchangeFigures(db: Db, window: repo.YearWindow): Promise<ExchangeFigures> {
  const [totals, byCity, byDirection] = await Promise.all([
    repo.exchangeTotals(db.kysely, window),
    repo.exchangesByCity(db.kysely, window),
    repo.exchangesByDirection(db.kysely, window),
  ]);
  return { ...totals, byCity, byDirection };
}

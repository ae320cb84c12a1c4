import type { Db } from '../../db/database.ts';
import * as repo from './figures.repository.ts';

/** The council decisions of a year, for the yearly overview. */
export interface DecisionFigures {
  total: number;
  byBody: { body: string; count: number }[];
  /** The decisions themselves, newest first (at most `LISTED`). */
  decisions: {
    id: string;
    body: string;
    meetingDate: string;
    section: string | null;
    title: string;
    outcome: string;
  }[];
}

const LISTED = 20;

/**
 * The decisions taken in the year (by meeting date), only those about `cityId` when given;
 * a decision a correction replaced counts once, as the correction.
 */
export async function decisionFigures(
  db: Db,
  year: number,
  cityId?: string,
): Promise<DecisionFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [byBody, rows] = await Promise.all([
    repo.countDecisionsByBody(db.kysely, from, to, cityId),
    repo.listDecisionsOfPeriod(db.kysely, from, to, cityId, LISTED),
  ]);
  return {
    total: byBody.reduce((sum, b) => sum + b.count, 0),
    byBody,
    decisions: rows.map((r) => ({
      id: r.id,
      body: r.body,
      meetingDate: r.meeting_date,
      section: r.section,
      title: r.title,
      outcome: r.outcome,
    })),
  };
}

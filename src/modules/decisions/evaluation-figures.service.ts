import type { Executor } from '../../db/database.ts';
import * as repo from './evaluation-figures.repository.ts';

/** The most decisions an evaluation lists one by one (the counts cover all of them). */
export const LISTED_DECISIONS = 200;

export interface PeriodDecisions {
  total: number;
  byBody: { body: string; count: number }[];
  /** Oldest first, at most LISTED_DECISIONS. */
  items: { id: string; body: string; meetingDate: string; title: string }[];
}

/** The council decisions taken in the period (by meeting date), for the evaluation. */
export async function decisionsOfPeriod(
  db: Executor,
  period: { start: string; end: string },
): Promise<PeriodDecisions> {
  const [byBody, rows] = await Promise.all([
    repo.countDecisionsByBody(db, period.start, period.end),
    repo.listDecisionsInPeriod(db, period.start, period.end, LISTED_DECISIONS),
  ]);
  return {
    total: byBody.reduce((s, b) => s + b.count, 0),
    byBody,
    items: rows.map((r) => ({
      id: r.id,
      body: r.body,
      meetingDate: r.meeting_date,
      title: r.title,
    })),
  };
}

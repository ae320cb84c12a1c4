import type { Executor } from '../../db/database.ts';
import { countDecisionsByBody as countByBody, decisionsOf } from './figures.repository.ts';

// The evaluation's read of the council decisions (issue 15): those of a period, a
// correction counted once (as itself), by body. A period holds a few dozen at most.

/** How many decisions each body took in the period (about any city). */
export const countDecisionsByBody = (db: Executor, start: string, end: string) =>
  countByBody(db, start, end);

export function listDecisionsInPeriod(db: Executor, start: string, end: string, limit: number) {
  return decisionsOf(db, start, end)
    .select(['d.id', 'd.body', 'd.meeting_date', 'd.title'])
    .orderBy('d.meeting_date')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

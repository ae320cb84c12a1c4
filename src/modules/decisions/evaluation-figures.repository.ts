import type { Executor } from '../../db/database.ts';
import { decisionsOf } from './figures.repository.ts';

// The evaluation's read of the council decisions (issue 15): those of a period, a
// correction counted once (as itself), by body. A period holds a few dozen at most.

export async function countDecisionsByBody(db: Executor, start: string, end: string) {
  const rows = await decisionsOf(db, start, end)
    .select('d.body')
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy('d.body')
    .execute();
  return rows.map((r) => ({ body: r.body, count: Number(r.count) }));
}

export function listDecisionsInPeriod(db: Executor, start: string, end: string, limit: number) {
  return decisionsOf(db, start, end)
    .select(['d.id', 'd.body', 'd.meeting_date', 'd.title'])
    .orderBy('d.meeting_date')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

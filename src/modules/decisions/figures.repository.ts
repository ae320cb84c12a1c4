import type { Executor } from '../../db/database.ts';

/**
 * The council decisions taken in a period (by meeting date, `council_decision_meeting_idx`),
 * optionally only those about one city (through its status history or a proposal), without
 * the decisions a later correction replaced: per body, newest first.
 */
export function decisionsOf(db: Executor, from: string, to: string, cityId?: string) {
  let q = db
    .selectFrom('council_decision as d')
    .where('d.meeting_date', '>=', from)
    .where('d.meeting_date', '<=', to)
    .where('d.id', 'not in', (eb) =>
      eb
        .selectFrom('council_decision as later')
        .select('later.supersedes_id')
        .where('later.supersedes_id', 'is not', null)
        .$narrowType<{ supersedes_id: string }>(),
    );
  if (cityId)
    q = q.where((eb) => {
      /** The decisions a city's rows of `table` name (a status change, a proposal). */
      const about = (table: 'city_status_change' | 'proposal') =>
        eb(
          'd.id',
          'in',
          eb
            .selectFrom(table)
            .select('decision_id')
            .where('city_id', '=', cityId)
            .where('decision_id', 'is not', null)
            .$narrowType<{ decision_id: string }>(),
        );
      return eb.or([about('city_status_change'), about('proposal')]);
    });
  return q;
}

/** How many decisions each body took in the period. */
export async function countDecisionsByBody(
  db: Executor,
  from: string,
  to: string,
  cityId?: string,
) {
  const rows = await decisionsOf(db, from, to, cityId)
    .select('d.body')
    .select((eb) => eb.fn.countAll().as('count'))
    .groupBy('d.body')
    .execute();
  return rows.map((r) => ({ body: r.body, count: Number(r.count) }));
}

/** The period's decisions themselves, newest first (a year holds a handful). */
export function listDecisionsOfPeriod(
  db: Executor,
  from: string,
  to: string,
  cityId: string | undefined,
  limit: number,
) {
  return decisionsOf(db, from, to, cityId)
    .select(['d.id', 'd.body', 'd.meeting_date', 'd.section', 'd.title', 'd.outcome'])
    .orderBy('d.meeting_date', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

import type { Executor } from '../../db/database.ts';

// The workspace start page's reads of the decisions module (decision.home.ts).

/** Proposals in some statuses, oldest first (at most `limit`). */
export function listProposalsIn(db: Executor, statuses: readonly string[], limit: number) {
  return db
    .selectFrom('proposal')
    .select(['id', 'title', 'status', 'city_id', 'sent_at', 'created_at'])
    .where('status', 'in', statuses)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The cities whose activation is backed by a recorded, approved decision (P6). */
export async function citiesActivatedByDecision(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('city_status_change as s')
    .innerJoin('council_decision as d', 'd.id', 's.decision_id')
    .select('s.city_id')
    .distinct()
    .where('s.to_status', '=', 'active')
    .where('d.outcome', '=', 'approved')
    .execute();
  return new Set(rows.map((r) => r.city_id));
}

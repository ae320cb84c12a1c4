import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

// The workspace start page's reads of the decisions module (decision.home.ts).

const proposals = tableAccess('proposal', [
  'id',
  'title',
  'status',
  'city_id',
  'sent_at',
  'created_at',
]);

/** Proposals in some statuses, oldest first (at most `limit`). */
export const listProposalsIn = (db: Executor, statuses: readonly string[], limit: number) =>
  proposals.list(db, { status: ['in', statuses] }, ['created_at', 'id'], { limit });

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

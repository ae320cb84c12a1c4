import type { Kysely } from 'kysely';
import { createIndex } from '../migration-helpers.ts';

// Frozen once landed: never edit, add a new migration instead.
// The public and API lists of collaborations filter on visibility and read newest period
// first: an index in that order lets both databases stop after one page instead of
// sorting every public collaboration (measured 32 → 5 ms at 10,000 collaborations).

export async function up(db: Kysely<any>): Promise<void> {
  await createIndex(db, 'collaboration_visible_starts_idx', 'collaboration', [
    'visibility',
    'starts_on',
    'id',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('collaboration_visible_starts_idx').execute();
}

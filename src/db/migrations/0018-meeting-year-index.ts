import type { Kysely } from 'kysely';
import { createIndex } from '../migration-helpers.ts';

// Frozen once landed: never edit, add a new migration instead.
// The workspace start page asks for the coming meetings of every chain by status and year
// (`meetings/home.repository.ts`); the index on (chain_id, year) cannot serve a read without
// a chain, so the query-plan guard (test/perf) saw a full scan of `meeting`.

export async function up(db: Kysely<any>): Promise<void> {
  await createIndex(db, 'meeting_year_idx', 'meeting', ['year', 'start_date']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('meeting_year_idx').execute();
}

import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The workspace start page asks for the coming meetings of every chain by status and year
// (`meetings/home.repository.ts`); the index on (chain_id, year) cannot serve a read without
// a chain, so the query-plan guard (test/perf) saw a full scan of `meeting`.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('meeting_year_idx')
    .on('meeting')
    .columns(['year', 'start_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('meeting_year_idx').execute();
}

import { sql, type Kysely } from 'kysely';
import { isPostgres, joinPublicGeneration } from '../migration-helpers.ts';

// Frozen once landed: never edit, add a new migration instead.
// A data set `public` in data_generation (migration 0008), changed by triggers in the same
// transaction as every write to a table that a public page or public API route reads. The
// page cache (src/platform/page-cache.ts) stores each response with the generation it was
// rendered at and replays it only while the generation is the same, so a public page is
// never older than the last committed write, on any instance, and no route has to clear it.
// The triggers are new ones beside 0008's (which stay as they are) and reuse its PostgreSQL
// function bump_data_generation(). Tables no public page reads (sessions, audit events, the
// outbox, users, host plans, campaigns, imports, jobs, the search index) are left out: their
// writes, some on every request, would only empty the cache.

/** Every table a public page or public API route reads. */
export const PUBLIC_TABLES = [
  // The registry: cities, their names, the chain; organisations and areas label collaborations.
  'city',
  'city_translation',
  'chain',
  'chain_member',
  'organisation',
  'area',
  // Meetings and their parts, the rotation, delegations and their members.
  'meeting',
  'rotation_adjustment',
  'meeting_programme_item',
  'meeting_seminar',
  'meeting_document',
  'meeting_outcome',
  'delegation',
  'delegation_member',
  // Council decisions, their documents, proposals and the cities' status history.
  'council_decision',
  'decision_document',
  'proposal',
  'city_status_change',
  // Public collaborations and exchanges.
  'collaboration',
  'collaboration_city',
  'collaboration_area',
  'exchange',
  // Settings shown on pages (the example-data label).
  'app_setting',
] as const;

const SET = 'public';

export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('data_generation').values({ name: SET, value: 0 }).execute();
  // On PostgreSQL one bump per statement, as in 0008.
  for (const table of PUBLIC_TABLES) await joinPublicGeneration(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  for (const table of PUBLIC_TABLES) {
    if (postgres)
      await sql`drop trigger ${sql.raw(`${table}_public_generation`)} on ${sql.table(table)}`.execute(
        db,
      );
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_public_generation_${event}`)}`.execute(db);
  }
  await db.deleteFrom('data_generation').where('name', '=', SET).execute();
}

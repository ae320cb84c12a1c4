import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers.ts';

// Frozen once landed: never edit, add a new migration instead.
// A generation number per data set, changed by triggers in the same transaction as every
// write to the tables it covers: to a new random value (below 2^53, exact in JavaScript),
// not value + 1, so a database restored from a backup and written again can never reach
// a generation an instance has already cached results for. Readers compare it with the
// generation a cached result was computed at (src/platform/read-cache.ts), so cached
// results are never older than the last committed write, on every instance, and no code
// path has to remember to clear them.

/** Which data sets each table's writes change. */
const TABLE_SETS: Record<string, readonly string[]> = {
  // Collaboration lists, their counts and the knowledge bank.
  collaboration: ['collaborations'],
  collaboration_city: ['collaborations'],
  collaboration_area: ['collaborations'],
  exchange: ['collaborations'],
  search_document: ['collaborations'],
  // The registry every page reads: cities, the chain, organisations, areas. Slugs of
  // cities, organisations and areas are also filters of the collaboration lists.
  city: ['registry', 'collaborations'],
  city_translation: ['registry'],
  chain: ['registry'],
  chain_member: ['registry'],
  organisation: ['registry', 'collaborations'],
  area: ['registry', 'collaborations'],
};

const SETS = ['collaborations', 'registry'];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('data_generation')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('data_generation')
    .values(SETS.map((name) => ({ name, value: 0 })))
    .execute();

  if (postgres) {
    // One bump per statement: an import of 5,000 rows raises it a few times, not 5,000.
    await sql`create function bump_data_generation() returns trigger
      language plpgsql as $$
      begin
        update data_generation set value = floor(random() * 9007199254740991)::bigint
          where name = any(TG_ARGV);
        return null;
      end $$`.execute(db);
    for (const [table, sets] of Object.entries(TABLE_SETS)) {
      await sql`create trigger ${sql.raw(`${table}_generation`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function
        bump_data_generation(${sql.raw(sets.map((s) => `'${s}'`).join(', '))})`.execute(db);
    }
    return;
  }
  // SQLite has row triggers only.
  for (const [table, sets] of Object.entries(TABLE_SETS)) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql`create trigger ${sql.raw(`${table}_generation_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)} begin
          update data_generation set value = abs(random() % 9007199254740991)
          where name in (${sql.raw(sets.map((s) => `'${s}'`).join(', '))});
        end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  for (const table of Object.keys(TABLE_SETS)) {
    if (postgres)
      await sql`drop trigger ${sql.raw(`${table}_generation`)} on ${sql.table(table)}`.execute(db);
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_generation_${event}`)}`.execute(db);
  }
  if (postgres) await sql`drop function bump_data_generation()`.execute(db);
  await db.schema.dropTable('data_generation').execute();
}

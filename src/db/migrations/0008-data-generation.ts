import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A generation number per data set, raised by triggers in the same transaction as every
// write to the tables it covers. Readers compare it with the generation a cached result
// was computed at (src/platform/read-cache.ts), so cached counts and search results are
// never older than the last committed write, on every instance.

/** The tables whose writes change collaboration lists, counts and the knowledge bank. */
const COLLABORATION_TABLES = [
  'collaboration',
  'collaboration_city',
  'collaboration_area',
  'exchange',
  'search_document',
  'organisation',
  'area',
  'city',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = sql`select ${1}`.compile(db).sql.includes('$1');
  await db.schema
    .createTable('data_generation')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('data_generation').values({ name: 'collaborations', value: 0 }).execute();

  if (postgres) {
    // One bump per statement: an import of 5,000 rows raises it a few times, not 5,000.
    await sql`create function bump_collaborations_generation() returns trigger
      language plpgsql as $$
      begin
        update data_generation set value = value + 1 where name = 'collaborations';
        return null;
      end $$`.execute(db);
    for (const table of COLLABORATION_TABLES) {
      await sql`create trigger ${sql.raw(`${table}_generation`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function bump_collaborations_generation()`.execute(db);
    }
    return;
  }
  // SQLite has row triggers only.
  for (const table of COLLABORATION_TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql`create trigger ${sql.raw(`${table}_generation_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)} begin
          update data_generation set value = value + 1 where name = 'collaborations';
        end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = sql`select ${1}`.compile(db).sql.includes('$1');
  for (const table of COLLABORATION_TABLES) {
    if (postgres)
      await sql`drop trigger ${sql.raw(`${table}_generation`)} on ${sql.table(table)}`.execute(db);
    else
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_generation_${event}`)}`.execute(db);
  }
  if (postgres) await sql`drop function bump_collaborations_generation()`.execute(db);
  await db.schema.dropTable('data_generation').execute();
}

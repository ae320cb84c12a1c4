import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

/*
 * Pieces the migrations share. The migrations have run in production, so what these build
 * must never change: not a name, a column's order, nor (SQLite keeps the DDL as written) the
 * text of a trigger. test/integration/migrations-schema.test.ts compares the schema after
 * every migration, up and down, with the one recorded before they were shared. A new
 * migration may use them; a changed need gets a new helper, never a changed one.
 */

/** PostgreSQL numbers its parameters ($1), SQLite does not (?). */
export function isPostgres(db: Kysely<unknown>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

/** A check constraint's `<column> in ('a', 'b', …)`. */
export const inList = (column: string, values: readonly string[]): RawBuilder<unknown> =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

type Table = CreateTableBuilder<string, string>;

/** The text primary key `id` most tables begin with. */
export const idColumn = (table: Table): Table =>
  table.addColumn('id', 'text', (c) => c.primaryKey());

/** The instant a row was made: text, ISO 8601 UTC, not null. */
export const createdAt = (table: Table): Table =>
  table.addColumn('created_at', 'text', (c) => c.notNull());

/** `created_at` and `updated_at`, in that order. */
export const timestamps = (table: Table): Table =>
  createdAt(table).addColumn('updated_at', 'text', (c) => c.notNull());

/** `create index <name> on <table> (<columns>)`. */
export async function createIndex(
  db: Kysely<unknown>,
  name: string,
  table: string,
  columns: string | readonly string[],
): Promise<void> {
  await db.schema
    .createIndex(name)
    .on(table)
    .columns(typeof columns === 'string' ? [columns] : [...columns])
    .execute();
}

/**
 * Joins a table to the `public` data generation (migration 0010): its writes bump the
 * generation in the same transaction. PostgreSQL: one trigger a statement, calling 0008's
 * bump_data_generation(); SQLite: one trigger an event.
 */
export async function joinPublicGeneration(db: Kysely<unknown>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create trigger ${sql.raw(`${table}_public_generation`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function bump_data_generation('public')`.execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete'] as const) {
    await sql`create trigger ${sql.raw(`${table}_public_generation_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)} begin
          update data_generation set value = abs(random() % 9007199254740991)
          where name = 'public';
        end`.execute(db);
  }
}

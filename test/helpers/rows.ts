import type { Kysely } from 'kysely';
import { executorOf, type Database, type Db, type Executor } from '../../src/db/database.ts';

// Reading the database the way the tests check what a request stored or left alone.

type TableName = Extract<keyof Database, string>;
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db | Executor) => executorOf(db) as unknown as Loose;

/** How many rows the table holds. */
export async function countRows(db: Db | Executor, table: TableName): Promise<number> {
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The given columns of the table's row with this id (undefined if there is none). */
export function rowById(
  db: Db | Executor,
  table: TableName,
  id: string,
  columns: readonly string[],
): Promise<Record<string, unknown> | undefined> {
  return loose(db).selectFrom(table).select(columns).where('id', '=', id).executeTakeFirst();
}

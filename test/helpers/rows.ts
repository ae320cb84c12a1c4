import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { executorOf, type Database, type Db, type Executor } from '../../src/db/database.ts';
import { tableAccess, type Match } from '../../src/db/table-access.ts';
import { newId } from '../../src/shared/ids.ts';

// Reading the database the way the tests check what a request stored or left alone.

type TableName = Extract<keyof Database, string>;
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db | Executor) => executorOf(db) as unknown as Loose;

/** A row of the table as read. */
type Row<T extends TableName> = Selectable<Database[T]>;
/** Column values a row must equal (all of them). */
type Where<T extends TableName> = { [C in keyof Row<T>]?: Row<T>[C] };

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

/** The table's rows whose columns equal every value of `where`. */
function filtered<T extends TableName>(db: Db | Executor, table: T, where: Where<T>) {
  const name: string = table;
  let query = loose(db).selectFrom(name);
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  return query;
}

function selectWhere<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
  columns?: readonly string[],
) {
  const query = filtered(db, table, where);
  return columns ? query.select(columns) : query.selectAll();
}

/**
 * The given columns (by default all) of the table's rows whose columns equal every value of
 * `where`, in the order the database gives them, e.g.
 * `rowsWhere(db, 'audit_event', { entity: 'meeting' }, ['action'])`.
 */
export function rowsWhere<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
): Promise<Row<T>[]>;
export function rowsWhere<T extends TableName, C extends keyof Row<T> & string>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
  columns: readonly C[],
): Promise<Pick<Row<T>, C>[]>;
export function rowsWhere<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
  columns?: readonly string[],
): Promise<unknown[]> {
  return selectWhere(db, table, where, columns).execute();
}

/** The first row as by rowsWhere; throws when there is none. */
export function rowWhere<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
): Promise<Row<T>>;
export function rowWhere<T extends TableName, C extends keyof Row<T> & string>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
  columns: readonly C[],
): Promise<Pick<Row<T>, C>>;
export function rowWhere<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Where<T>,
  columns?: readonly string[],
): Promise<unknown> {
  return selectWhere(db, table, where, columns).executeTakeFirstOrThrow();
}

/**
 * The given columns of the audit events whose columns equal every value of `where`, oldest
 * first, e.g. `auditTrail(db, { entity_id: id }, ['action'])`.
 */
export function auditTrail<C extends keyof Row<'audit_event'>>(
  db: Db | Executor,
  where: Where<'audit_event'>,
  columns: readonly C[],
): Promise<Pick<Row<'audit_event'>, C>[]> {
  return filtered(db, 'audit_event', where)
    .select(columns as readonly string[])
    .orderBy('occurred_at')
    .execute() as Promise<Pick<Row<'audit_event'>, C>[]>;
}

/**
 * Sets `changes` on the table's rows that match `where` (as the repositories' tableAccess
 * matches: equal values, `null`, comparisons such as `['in', values]`), the way a test
 * arranges the database for what it checks; resolves to the number of rows changed, e.g.
 * `updateRows(db, 'delegation', { meeting_id: id }, { status: 'nominated' })`.
 */
export function updateRows<T extends TableName>(
  db: Db | Executor,
  table: T,
  where: Match<T>,
  changes: Omit<Updateable<Database[T]>, 'id'>,
): Promise<number> {
  return tableAccess(table, '*').updateWhere(executorOf(db), where, changes);
}

/** The tables whose rows have an `id`. */
type TableWithId = { [T in TableName]: 'id' extends keyof Database[T] ? T : never }[TableName];
/** A row to insert; without an `id`, it gets a new one. */
type NewRow<T extends TableWithId> = Omit<Insertable<Database[T]>, 'id'> & { id?: string };

/**
 * Inserts rows straight into the table (no service, no audit) in one statement, each with a
 * new id unless it names one, the way a test arranges what it checks; resolves to their ids
 * in order.
 */
export async function insertRows<T extends TableWithId>(
  db: Db | Executor,
  table: T,
  rows: readonly NewRow<T>[],
): Promise<string[]> {
  const withIds = rows.map((row) => ({ ...row, id: row.id ?? newId() }));
  await tableAccess(table, '*').insertMany(
    executorOf(db),
    withIds as unknown as Insertable<Database[T]>[],
  );
  return withIds.map((row) => row.id);
}

/** One row inserted as by insertRows; resolves to its id. */
export async function insertRow<T extends TableWithId>(
  db: Db | Executor,
  table: T,
  row: NewRow<T>,
): Promise<string> {
  const [id] = await insertRows(db, table, [row]);
  return id!;
}

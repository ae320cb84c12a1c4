import {
  sql,
  type DeleteResult,
  type Expression,
  type ExpressionBuilder,
  type InsertResult,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type UpdateResult,
  type Updateable,
} from 'kysely';
import type { Database, Executor } from './database.ts';

/**
 * The statements every table's repository wrote out again and again (find a row by id or by
 * a few equal columns, list rows by a parent ordered by columns, count, insert, update by
 * id, update only while a version holds, delete by id), written once. A repository declares
 * its table and the columns it reads:
 *
 *   const outcomes = tableAccess('meeting_outcome', OUTCOME_COLUMNS);
 *   export const findOutcome = outcomes.find;
 *
 * Kysely still checks every call: table, columns, matched values, inserted and changed rows
 * are typed from the `Database` interface (the modules' `*.table.ts`). The SQL is the one the
 * hand-written statements sent: conditions are ANDed in the order the match object names
 * them, then the ordering, then the page. A match value is an equality (`null`: `is null`)
 * or a comparison (`['>=', since]`, `['in', ids]`, `['is not', null]`); a condition no match
 * object says (a function, `lower(…)`) is a `where` callback instead of the match. Joins and
 * aggregates other than a count stay hand-written queries in their repositories.
 */

type TableName = keyof Database;
type Row<T extends TableName> = Selectable<Database[T]>;
export type ColumnOf<T extends TableName> = keyof Row<T> & string;

/** A row's id for `find`, `update` and `remove`: a table without an `id` column has none. */
type IdOf<T extends TableName> = 'id' extends ColumnOf<T> ? string : never;

/** The columns a repository reads, or `'*'` for every column (`select *`). */
type Columns<T extends TableName> = readonly ColumnOf<T>[] | '*';
type Selected<T extends TableName, C extends Columns<T>> = C extends readonly ColumnOf<T>[]
  ? Pick<Row<T>, C[number]>
  : Row<T>;

/** A condition on a column other than equality: `[operator, value]`. */
export type Comparison<V> =
  | readonly ['<' | '<=' | '>' | '>=' | '!=' | '<>', V]
  | readonly ['in' | 'not in', readonly V[]]
  | readonly ['is not', null];

/**
 * Conditions, in SQL order: a value is `=` (`null`: `is null`), a `Comparison` its operator.
 * Or one condition as a `where` callback, for what a column and a value cannot say.
 */
export type Match<T extends TableName> =
  | { [K in ColumnOf<T>]?: Row<T>[K] | null | Comparison<NonNullable<Row<T>[K]>> }
  | ((eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>);

/** A column to order by, ascending, or `[column, 'desc']`. */
export type Order<T extends TableName> = ColumnOf<T> | readonly [ColumnOf<T>, 'asc' | 'desc'];

/** A page of rows; without an offset, the first `limit` rows (`limit` alone in the SQL). */
export interface Page {
  limit: number;
  offset?: number | undefined;
}

/** What an update may set: never the id, nor the columns the repository declares fixed. */
type Changes<T extends TableName, Fixed extends string> = Omit<
  Updateable<Database[T]>,
  'id' | Fixed
>;

/**
 * The one untyped view of an executor: the statements below are built from a table name and
 * column names that the signatures of `tableAccess` have already checked against `Database`.
 */
type LooseDatabase = Record<string, Record<string, unknown>>;
interface Filterable {
  where(column: string, operator: string, value: unknown): Filterable;
  where(condition: unknown): Filterable;
}

function loose(db: Executor): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}

/** `query` with a `where` per matched column (Kysely's builders all have this `where`). */
function applyMatch<Q>(query: Q, match: object): Q {
  let q = query as unknown as Filterable;
  if (typeof match === 'function') return q.where(match) as unknown as Q;
  for (const [column, value] of Object.entries(match)) {
    if (Array.isArray(value)) q = q.where(column, value[0] as string, value[1]);
    else q = value === null ? q.where(column, 'is', null) : q.where(column, '=', value);
  }
  return q as unknown as Q;
}

/**
 * `exists (select t.column from t where t.column = outer and …match)`: whether the row of the
 * outer query (`outer`, its qualified column, e.g. `'campaign.id'`) has a row in `table` that
 * links to it and matches (an owner, a role, a link of a kind). For `where` and `eb.not`.
 */
export function hasRow<T extends TableName>(
  table: T,
  column: ColumnOf<T>,
  outer: string,
  match: Match<T> = {},
) {
  const link = `${table}.${column}`;
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    const rows = (eb as unknown as ExpressionBuilder<LooseDatabase, never>)
      .selectFrom(table as string)
      .select(link)
      .where(sql.ref(link), '=', sql.ref(outer));
    return eb.exists(applyMatch(rows, match));
  };
}

export function tableAccess<
  T extends TableName,
  const C extends Columns<T>,
  Fixed extends string = never,
>(
  table: T,
  columns: C,
  /** Columns no update may change besides `id` (checked by the types only). */
  _options?: { readonly fixed?: readonly Fixed[] },
) {
  type Out = Selected<T, C>;
  const name: string = table;

  function select(db: Executor, match: Match<T>) {
    const from = loose(db).selectFrom(name);
    const query = columns === '*' ? from.selectAll() : from.select(columns as readonly string[]);
    return applyMatch(query, match);
  }

  function ordered(query: ReturnType<typeof select>, order: readonly Order<T>[]) {
    let q = query;
    for (const o of order) q = typeof o === 'string' ? q.orderBy(o) : q.orderBy(o[0], o[1]);
    return q;
  }

  async function updateWhere(
    db: Executor,
    match: Match<T>,
    changes: Changes<T, Fixed>,
  ): Promise<number> {
    const query = loose(db).updateTable(name).set(changes);
    const filtered = applyMatch(query, match);
    return Number((await filtered.executeTakeFirst()).numUpdatedRows);
  }

  async function extreme<K extends ColumnOf<T>>(
    db: Executor,
    fn: 'max' | 'min',
    column: K,
    match: Match<T>,
  ): Promise<Row<T>[K] | null> {
    const query = loose(db)
      .selectFrom(name)
      .select((eb) => (fn === 'max' ? eb.fn.max(column) : eb.fn.min(column)).as(column));
    const row = await applyMatch(query, match).executeTakeFirst();
    return (row?.[column] ?? null) as Row<T>[K] | null;
  }

  async function removeWhere(db: Executor, match: Match<T>): Promise<number> {
    const result = await applyMatch(loose(db).deleteFrom(name), match).execute();
    return Number(result[0]?.numDeletedRows ?? 0);
  }

  return {
    /** The row with this id. */
    find: (db: Executor, id: IdOf<T>) =>
      select(db, { id } as Match<T>).executeTakeFirst() as Promise<Out | undefined>,

    /**
     * The first row that matches (a unique key, or a child of a parent); with an order, the
     * first in that order (the newest, the highest number).
     */
    findBy: (db: Executor, match: Match<T>, order: readonly Order<T>[] = []) =>
      ordered(select(db, match), order).executeTakeFirst() as Promise<Out | undefined>,

    /** The first row in the order among those that match (`limit 1`): the newest, the highest. */
    first: (db: Executor, match: Match<T>, order: readonly Order<T>[]) =>
      ordered(select(db, match), order).limit(1).executeTakeFirst() as Promise<Out | undefined>,

    /** The rows whose columns equal the match, in the order given, one page of them if asked. */
    list: (db: Executor, match: Match<T>, order: readonly Order<T>[] = [], page?: Page) => {
      let q = ordered(select(db, match), order);
      if (page) q = q.limit(page.limit);
      if (page?.offset !== undefined) q = q.offset(page.offset);
      return q.execute() as Promise<Out[]>;
    },

    /** How many rows match. */
    count: async (db: Executor, match: Match<T> = {}): Promise<number> => {
      const query = loose(db)
        .selectFrom(name)
        .select((eb) => eb.fn.countAll<number>().as('n'));
      const row = await applyMatch(query, match).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** How many rows match, per value of a column (`select c, count(*) as n … group by c`). */
    countBy: async <K extends ColumnOf<T>>(
      db: Executor,
      column: K,
      match: Match<T> = {},
    ): Promise<Map<Row<T>[K], number>> => {
      const query = loose(db)
        .selectFrom(name)
        .select([column, (eb) => eb.fn.countAll<number>().as('n')]);
      const rows = await applyMatch(query, match).groupBy(column).execute();
      return new Map(
        rows.map((r) => [(r as Record<string, unknown>)[column] as Row<T>[K], Number(r.n)]),
      );
    },

    /** The greatest value of a column among the rows that match (`max(c) as c`); none: null. */
    max: <K extends ColumnOf<T>>(db: Executor, column: K, match: Match<T> = {}) =>
      extreme(db, 'max', column, match),

    /** The least value of a column among the rows that match (`min(c) as c`); none: null. */
    min: <K extends ColumnOf<T>>(db: Executor, column: K, match: Match<T> = {}) =>
      extreme(db, 'min', column, match),

    insert: (db: Executor, row: Insertable<Database[T]>): Promise<InsertResult[]> =>
      loose(db).insertInto(name).values(row).execute(),

    /** Several rows in one statement; none: no statement. */
    insertMany: (db: Executor, rows: readonly Insertable<Database[T]>[]) =>
      rows.length === 0
        ? Promise.resolve<InsertResult[]>([])
        : loose(db).insertInto(name).values(rows).execute(),

    update: (db: Executor, id: IdOf<T>, changes: Changes<T, Fixed>): Promise<UpdateResult[]> =>
      loose(db).updateTable(name).set(changes).where('id', '=', id).execute(),

    /**
     * Changes the rows that match (e.g. `{ id, used_at: null }`: only once); resolves to the
     * number of rows changed.
     */
    updateWhere,

    /**
     * Sets `column` to `at` on the rows that match while it is still null (a reminder marked
     * sent, a token used): true if this call set it, false if an earlier one had (a second
     * run of a job does nothing).
     */
    claim: async (
      db: Executor,
      match: Exclude<Match<T>, (...args: never[]) => unknown>,
      column: ColumnOf<T>,
      at: string,
    ): Promise<boolean> =>
      (await updateWhere(db, { ...match, [column]: null }, {
        [column]: at,
      } as Changes<T, Fixed>)) > 0,

    /**
     * Updates the row; with a `version`, only while its `updated_at` is still that version
     * (optimistic locking). Resolves to the number of rows changed.
     */
    updateVersioned: (
      db: Executor,
      id: IdOf<T>,
      changes: Changes<T, Fixed>,
      version?: string,
    ): Promise<number> => {
      const match = version === undefined ? { id } : { id, updated_at: version };
      return updateWhere(db, match as Match<T>, changes);
    },

    remove: (db: Executor, id: IdOf<T>): Promise<DeleteResult[]> =>
      loose(db).deleteFrom(name).where('id', '=', id).execute(),

    /** Deletes the rows that match (e.g. an owner's); resolves to the number deleted. */
    removeWhere,

    /** Replaces the rows that match (a parent's children) with `rows`. */
    replace: async (
      db: Executor,
      match: Match<T>,
      rows: readonly Insertable<Database[T]>[],
    ): Promise<void> => {
      await removeWhere(db, match);
      if (rows.length > 0)
        await loose(db)
          .insertInto(name)
          .values([...rows])
          .execute();
    },
  };
}

import type {
  DeleteResult,
  InsertResult,
  Insertable,
  Kysely,
  Selectable,
  UpdateResult,
  Updateable,
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
 * them, then the ordering, then the page. Anything beyond equality (ranges, `in`, joins,
 * aggregates other than a count) stays a hand-written query in its repository.
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

/** Equality conditions, in SQL order; a `null` value is `is null`. */
export type Match<T extends TableName> = { [K in ColumnOf<T>]?: Row<T>[K] | null };

/** A column to order by, ascending, or `[column, 'desc']`. */
export type Order<T extends TableName> = ColumnOf<T> | readonly [ColumnOf<T>, 'asc' | 'desc'];

export interface Page {
  limit: number;
  offset: number;
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
  where(column: string, operator: '=' | 'is', value: unknown): Filterable;
}

function loose(db: Executor): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}

/** `query` with a `where` per matched column (Kysely's builders all have this `where`). */
function applyMatch<Q>(query: Q, match: object): Q {
  let q = query as unknown as Filterable;
  for (const [column, value] of Object.entries(match)) {
    q = value === null ? q.where(column, 'is', null) : q.where(column, '=', value);
  }
  return q as unknown as Q;
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

  return {
    /** The row with this id. */
    find: (db: Executor, id: IdOf<T>) =>
      select(db, { id } as Match<T>).executeTakeFirst() as Promise<Out | undefined>,

    /** The first row whose columns equal the match (a unique key, or a child of a parent). */
    findBy: (db: Executor, match: Match<T>) =>
      select(db, match).executeTakeFirst() as Promise<Out | undefined>,

    /** The rows whose columns equal the match, in the order given, one page of them if asked. */
    list: (db: Executor, match: Match<T>, order: readonly Order<T>[] = [], page?: Page) => {
      let q = ordered(select(db, match), order);
      if (page) q = q.limit(page.limit).offset(page.offset);
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
     * Updates the row; with a `version`, only while its `updated_at` is still that version
     * (optimistic locking). Resolves to the number of rows changed.
     */
    updateVersioned: (
      db: Executor,
      id: IdOf<T>,
      changes: Changes<T, Fixed>,
      version: string | undefined,
    ): Promise<number> => {
      const match = version === undefined ? { id } : { id, updated_at: version };
      return updateWhere(db, match as Match<T>, changes);
    },

    remove: (db: Executor, id: IdOf<T>): Promise<DeleteResult[]> =>
      loose(db).deleteFrom(name).where('id', '=', id).execute(),
  };
}

import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * Keyset paging (exports and API slices that stay stable under inserts and cost the same
 * for every slice): the rows after a cursor in the order (column, id), both ascending or
 * both descending. The query orders by the same two columns and limits the slice.
 */

/** The last row of the previous slice: its value of the ordering column, and its id. */
export interface Cursor {
  value: string;
  id: string;
}

/**
 * `column > value or (column = value and id > cursor id)`; descending, `<` instead. The
 * columns are the query's references (`'c.starts_on'`, `'c.id'`).
 */
export function afterCursor(
  column: string,
  id: string,
  cursor: Cursor,
  direction: 'asc' | 'desc' = 'asc',
) {
  const past = direction === 'asc' ? '>' : '<';
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
    eb.or([
      eb(sql.ref(column), past, cursor.value),
      eb.and([eb(sql.ref(column), '=', cursor.value), eb(sql.ref(id), past, cursor.id)]),
    ]);
}

/**
 * `table.column` for each column, typed as such: a column list kept once (a table's personal
 * fields, say) that a query joining other tables selects by its table's name.
 */
export function qualified<const T extends string, const C extends readonly string[]>(
  table: T,
  columns: C,
) {
  return columns.map((c) => `${table}.${c}`) as unknown as {
    readonly [K in keyof C]: `${T}.${C[K] & string}`;
  };
}

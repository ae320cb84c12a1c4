/**
 * Runs a statement per slice of `items`, in order, each slice small enough for every
 * dialect's parameter limit (PostgreSQL takes at most 65 535 parameters a statement, SQLite
 * 32 766); resolves to each slice's result. No items: no statement.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (batch: T[]) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(await run(items.slice(i, i + size)));
  return results;
}

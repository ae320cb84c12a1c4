import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * The aggregates the figures (the yearly overview, the evaluation, the host plans) count
 * with, written once: how many rows of a group meet a condition, a sum that is 0 rather
 * than null for no rows, and their values read as numbers.
 */

/** How many rows of the group meet the condition: `sum(case when … then 1 else 0 end)`. */
export function countWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  condition: Expression<SqlBool>,
) {
  return eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
}

/** The sum of a number column, 0 for no rows: `coalesce(sum(…), 0)`. */
export function sumOrZero<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<number | null>,
) {
  return eb.fn.coalesce(eb.fn.sum<number>(column), sql<number>`0`);
}

/** An aggregate's value as a number: PostgreSQL returns a bigint as a string; null is 0. */
export const counted = (value: unknown): number => Number(value ?? 0);

/** A row of aggregates with every value `counted`, under the same keys in the same order. */
export function countedRow<K extends string>(row: Record<K, unknown>): Record<K, number> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, counted(value)]),
  ) as Record<K, number>;
}

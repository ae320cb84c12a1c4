import type { SelectQueryBuilder, StringReference } from 'kysely';
import type { Database } from './database.ts';

/**
 * Joins that many repositories write to show a row with what it refers to, written once.
 * Use them with Kysely's `$call`:
 *
 *   db.selectFrom('review_event')
 *     .$call((q) => withUserName(q, 'review_event.actor_user_id', 'actor'))
 *     .select(['review_event.id'])   // rows: { id: string; actor_name: string | null }
 *
 * The column is checked against the tables of the query; the selected name is typed.
 */

/** The one untyped view of a query: the signatures below have checked the column. */
interface LooseQuery {
  leftJoin(table: string, left: string, right: string): LooseQuery;
  innerJoin(table: string, left: string, right: string): LooseQuery;
  select(selection: string): LooseQuery;
}

/** The name of the user in `role`: `{ author_name: string | null }` for `'author'`. */
export type UserNameOf<R extends string> = { [K in `${R}_name`]: string | null };

/**
 * The name of the user a row refers to (its author, approver, owner …), or null when the
 * column is null: `left join app_user as <role> on <role>.id = <column>`, selecting
 * `<role>.name as <role>_name`.
 */
export function withUserName<DB extends Database, TB extends keyof DB, O, R extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: StringReference<DB, TB>,
  role: R,
): SelectQueryBuilder<DB, TB, O & UserNameOf<R>> {
  return (query as unknown as LooseQuery)
    .leftJoin(`app_user as ${role}`, `${role}.id`, column)
    .select(`${role}.name as ${role}_name`) as unknown as SelectQueryBuilder<
    DB,
    TB,
    O & UserNameOf<R>
  >;
}

/** An organisation joined as `o` (which the query may read further), with its name. */
type WithOrganisation<DB> = DB & { o: Database['organisation'] };

/**
 * The organisation a row belongs to: `inner join organisation as o on o.id = <column>`,
 * selecting `o.name as organisation_name`; the query may select, filter and order by `o`.
 */
export function withOrganisation<DB extends Database, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: StringReference<DB, TB>,
): SelectQueryBuilder<WithOrganisation<DB>, TB | 'o', O & { organisation_name: string }> {
  return (query as unknown as LooseQuery)
    .innerJoin('organisation as o', 'o.id', column)
    .select('o.name as organisation_name') as unknown as SelectQueryBuilder<
    WithOrganisation<DB>,
    TB | 'o',
    O & { organisation_name: string }
  >;
}

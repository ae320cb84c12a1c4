import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { newId } from '../shared/ids.ts';

/**
 * What a module's demo seeder gets: the one transaction all demo data is written in, and
 * the ids of what modules seeded before it (registry order), which it may add to.
 */
export interface DemoContext {
  trx: Transaction<Database>;
  now: string;
  /** The Nordic chain (set by the cities module). */
  chainId: string;
  /** City id by slug (goteborg, aarhus, bergen, turku and the partner cities). */
  cityIds: Map<string, string>;
  /** Organisation id by slug. */
  orgIds: Map<string, string>;
  /** Demo user id by e-mail. */
  userIds: Map<string, string>;
}

/** Who the audit trail says wrote the demo data. */
export const DEMO_ACTOR = { userId: null, label: 'demo-seed', ip: null };

/** The tables whose rows have an `id`. */
type TableWithId = {
  [T in keyof Database]: Database[T] extends { id: unknown } ? T : never;
}[keyof Database];

/**
 * Inserts one demo row into `table` under a new id and returns the id, for the rows
 * seeded after it that refer to it.
 */
export async function insertWithNewId<T extends TableWithId>(
  trx: Transaction<Database>,
  table: T,
  row: Omit<Insertable<Database[T]>, 'id'>,
): Promise<string> {
  const id = newId();
  // Kysely cannot check a row against a table it only knows as a type parameter;
  // `row`'s own type is checked at each call, where the table is known.
  await trx
    .insertInto(table)
    .values({ id, ...row } as never)
    .execute();
  return id;
}

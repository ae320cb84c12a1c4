import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

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

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export function listMeetingsOfChain(db: Executor, chainId: string) {
  return db
    .selectFrom('meeting')
    .select(['id', 'year', 'host_city_id', 'start_date', 'end_date', 'venue', 'theme', 'status'])
    .where('chain_id', '=', chainId)
    .orderBy('year')
    .execute();
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetingsOfChain>>[number];

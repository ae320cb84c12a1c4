import type { Executor } from '../../db/database.ts';
import type { PeriodRange } from './evaluation.figures.ts';

// PLACEHOLDER until the merge (issue 15): the two reads of the placeholder compilation
// (compile.service.ts); the figures engineer's compile.* files replace it.

/** The chain's meetings held in the period, with the host's Swedish name. */
export function listHeldMeetings(db: Executor, chainId: string, period: PeriodRange) {
  return db
    .selectFrom('meeting')
    .leftJoin('city_translation', (join) =>
      join
        .onRef('city_translation.city_id', '=', 'meeting.host_city_id')
        .on('city_translation.lang', '=', 'sv'),
    )
    .select([
      'meeting.id',
      'meeting.year',
      'meeting.host_city_id',
      'meeting.theme',
      'meeting.status',
      'city_translation.name as host_name',
    ])
    .where('meeting.chain_id', '=', chainId)
    .where('meeting.status', '=', 'held')
    .where((eb) => eb.fn.coalesce('meeting.end_date', 'meeting.start_date'), '>=', period.start)
    .where((eb) => eb.fn.coalesce('meeting.start_date', 'meeting.end_date'), '<=', period.end)
    .orderBy('meeting.year')
    .execute();
}

/** The number of collaborations that started in the period. */
export async function countStartedCollaborations(
  db: Executor,
  period: PeriodRange,
): Promise<number> {
  const row = await db
    .selectFrom('collaboration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('starts_on', '>=', period.start)
    .where('starts_on', '<=', period.end)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

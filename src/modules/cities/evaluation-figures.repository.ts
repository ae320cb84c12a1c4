import type { Executor } from '../../db/database.ts';

// Reads for the evaluation's figures (issue 15): the cities with their Swedish names, and a
// chain by id. A few dozen rows at most.

export function listCityLabels(db: Executor) {
  return db
    .selectFrom('city')
    .leftJoin('city_translation as tr', (join) =>
      join.onRef('tr.city_id', '=', 'city.id').on('tr.lang', '=', 'sv'),
    )
    .select(['city.id', 'city.slug', 'city.kind', 'city.status', 'tr.name'])
    .orderBy('city.slug')
    .execute();
}

export function findChainById(db: Executor, chainId: string) {
  return db
    .selectFrom('chain')
    .select(['id', 'slug', 'interval_years'])
    .where('id', '=', chainId)
    .executeTakeFirst();
}

import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

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

export const findChainById = tableAccess('chain', ['id', 'slug', 'interval_years']).find;

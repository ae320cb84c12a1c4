import type { Executor } from '../../db/database.ts';
import { withOrganisation } from '../../db/joins.ts';
import { tableAccess } from '../../db/table-access.ts';

// What the portal search indexes of collaborations and exchanges (collaboration.search.ts):
// every one, or those of the given ids (`ids`: null for all; callers batch long lists).

/** The ids as an `in` list: an empty one matches no row (SQL has no empty `in`). */
const orNone = (ids: readonly string[]) => (ids.length > 0 ? ids : ['']);

const cityLinks = tableAccess('collaboration_city', ['collaboration_id', 'city_id']);

/** Collaborations with what the search shows and finds. */
export function listCollaborationsForSearch(db: Executor, ids: readonly string[] | null) {
  let q = db
    .selectFrom('collaboration as c')
    .select([
      'c.id',
      'c.title',
      'c.goals',
      'c.results',
      'c.strategy_tags',
      'c.starts_on',
      'c.visibility',
      'c.published_at',
    ])
    .$call((q) => withOrganisation(q, 'c.organisation_id'));
  if (ids) q = q.where('c.id', 'in', orNone(ids));
  return q.orderBy('c.id').execute();
}

/** The city links of the collaborations. */
export const listCollaborationCitiesForSearch = (db: Executor, ids: readonly string[] | null) =>
  cityLinks.list(db, ids ? { collaboration_id: ['in', orNone(ids)] } : {});

/** The area names (Swedish and English) of the collaborations. */
export function listCollaborationAreasForSearch(db: Executor, ids: readonly string[] | null) {
  let q = db
    .selectFrom('collaboration_area as ca')
    .innerJoin('area as a', 'a.id', 'ca.area_id')
    .select(['ca.collaboration_id', 'a.name_sv', 'a.name_en']);
  if (ids) q = q.where('ca.collaboration_id', 'in', orNone(ids));
  return q.execute();
}

/** Exchanges with their collaboration's visibility (an exchange is public only with it). */
export function listExchangesForSearch(db: Executor, ids: readonly string[] | null) {
  let q = db
    .selectFrom('exchange as e')
    .$call((q) => withOrganisation(q, 'e.organisation_id'))
    .innerJoin('city', 'city.id', 'e.city_id')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id')
    .select([
      'e.id',
      'e.city_id',
      'e.collaboration_id',
      'e.occurred_on',
      'e.activities',
      'e.learnings',
      'e.visibility',
      'e.published_at',
      'city.slug as city_slug',
      'c.visibility as collaboration_visibility',
      'c.published_at as collaboration_published_at',
    ]);
  if (ids) q = q.where('e.id', 'in', orNone(ids));
  return q.orderBy('e.id').execute();
}

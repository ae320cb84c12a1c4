import type { Executor } from '../../db/database.ts';
import { withOrganisation } from '../../db/joins.ts';
import { afterCursor } from '../../db/keyset.ts';
import { qualified } from '../../db/qualified.ts';
import { COLLABORATION_FACTS } from './collaboration.repository.ts';
import type { ExportFilters } from './export.filters.ts';

/** All SQL of exports: keyset batches of collaborations and the names around them. */

export function listCollaborationBatch(
  db: Executor,
  filters: ExportFilters,
  after: { startsOn: string; id: string } | null,
  limit: number,
) {
  let q = db
    .selectFrom('collaboration as c')
    .select(['c.id', ...qualified('c', COLLABORATION_FACTS)])
    .$call((q) => withOrganisation(q, 'c.organisation_id'));
  if (filters.organisation) q = q.where('o.slug', '=', filters.organisation);
  if (filters.status) q = q.where('c.status', '=', filters.status);
  if (filters.kind) q = q.where('c.kind', '=', filters.kind);
  if (filters.year !== undefined) {
    const year = String(filters.year).padStart(4, '0');
    q = q
      .where('c.starts_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', `${year}-01-01`)]));
  }
  if (filters.city) {
    const city = filters.city;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('collaboration_city as cc')
          .innerJoin('city', 'city.id', 'cc.city_id')
          .select('cc.city_id')
          .whereRef('cc.collaboration_id', '=', 'c.id')
          .where('city.slug', '=', city),
      ),
    );
  }
  if (filters.area) {
    const area = filters.area;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('collaboration_area as ca')
          .innerJoin('area', 'area.id', 'ca.area_id')
          .select('ca.area_id')
          .whereRef('ca.collaboration_id', '=', 'c.id')
          .where('area.slug', '=', area),
      ),
    );
  }
  if (after)
    q = q.where(afterCursor('c.starts_on', 'c.id', { value: after.startsOn, id: after.id }));
  return q.orderBy('c.starts_on').orderBy('c.id').limit(limit).execute();
}

export type ExportCollaborationRow = Awaited<ReturnType<typeof listCollaborationBatch>>[number];

/** City names (in a language, Swedish as fallback) of some collaborations. */
export function listCityNamesOf(db: Executor, ids: string[], lang: string) {
  return db
    .selectFrom('collaboration_city as cc')
    .innerJoin('city', 'city.id', 'cc.city_id')
    .leftJoin('city_translation as l', (j) =>
      j.onRef('l.city_id', '=', 'cc.city_id').on('l.lang', '=', lang),
    )
    .leftJoin('city_translation as sv', (j) =>
      j.onRef('sv.city_id', '=', 'cc.city_id').on('sv.lang', '=', 'sv'),
    )
    .select(['cc.collaboration_id', 'city.slug', 'l.name as name', 'sv.name as name_sv'])
    .where('cc.collaboration_id', 'in', ids)
    .orderBy('city.slug')
    .execute();
}

export function listAreaNamesOf(db: Executor, ids: string[]) {
  return db
    .selectFrom('collaboration_area as ca')
    .innerJoin('area', 'area.id', 'ca.area_id')
    .select(['ca.collaboration_id', 'area.name_sv', 'area.name_en', 'area.position'])
    .where('ca.collaboration_id', 'in', ids)
    .orderBy('area.position')
    .execute();
}

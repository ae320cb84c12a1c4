import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type { AreaTable } from './collaboration.table.ts';

const COLUMNS = ['id', 'slug', 'name_sv', 'name_en', 'position', 'active'] as const;

const areas = tableAccess('area', COLUMNS);

export const listAreas = (db: Executor, { activeOnly = false } = {}) =>
  areas.list(db, activeOnly ? { active: 1 } : {}, ['position', 'slug']);

export const findArea = areas.find;
export const findAreaBySlug = (db: Executor, slug: string) => areas.findBy(db, { slug });

export async function maxAreaPosition(db: Executor): Promise<number> {
  return Number((await areas.max(db, 'position')) ?? 0);
}

/** Inserts an area unless one with its slug exists. */
export function insertAreaIfMissing(db: Executor, row: AreaTable) {
  return db
    .insertInto('area')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export const insertArea = areas.insert;

export const updateArea = (
  db: Executor,
  id: string,
  values: Partial<Pick<AreaTable, 'name_sv' | 'name_en' | 'active' | 'updated_at'>>,
) => areas.update(db, id, values);

export function countAreas(db: Executor) {
  return db
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

export type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];

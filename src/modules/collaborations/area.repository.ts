import type { Executor } from '../../db/database.ts';
import type { AreaTable } from './collaboration.table.ts';

const COLUMNS = ['id', 'slug', 'name_sv', 'name_en', 'position', 'active'] as const;

export function listAreas(db: Executor, { activeOnly = false } = {}) {
  let q = db.selectFrom('area').select(COLUMNS);
  if (activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('position').orderBy('slug').execute();
}

export function findArea(db: Executor, id: string) {
  return db.selectFrom('area').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findAreaBySlug(db: Executor, slug: string) {
  return db.selectFrom('area').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export async function maxAreaPosition(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('area')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts an area unless one with its slug exists. */
export function insertAreaIfMissing(db: Executor, row: AreaTable) {
  return db
    .insertInto('area')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export function insertArea(db: Executor, row: AreaTable) {
  return db.insertInto('area').values(row).execute();
}

export function updateArea(
  db: Executor,
  id: string,
  values: Partial<Pick<AreaTable, 'name_sv' | 'name_en' | 'active' | 'updated_at'>>,
) {
  return db.updateTable('area').set(values).where('id', '=', id).execute();
}

export function countAreas(db: Executor) {
  return db
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

export type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];

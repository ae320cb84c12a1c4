import type { Executor } from '../../db/database.ts';
import type { OrganisationTable } from './organisation.table.ts';

const COLUMNS = [
  'id',
  'slug',
  'name',
  'kind',
  'email',
  'active',
  'created_at',
  'updated_at',
] as const;

export function listOrganisations(db: Executor) {
  return db.selectFrom('organisation').select(COLUMNS).orderBy('name').execute();
}

export function findOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisation').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findOrganisationBySlug(db: Executor, slug: string) {
  return db.selectFrom('organisation').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function findOrganisationByName(db: Executor, name: string) {
  return db.selectFrom('organisation').select(COLUMNS).where('name', '=', name).executeTakeFirst();
}

export function insertOrganisation(db: Executor, row: OrganisationTable) {
  return db.insertInto('organisation').values(row).execute();
}

export function updateOrganisation(
  db: Executor,
  id: string,
  values: Partial<Omit<OrganisationTable, 'id'>>,
) {
  return db.updateTable('organisation').set(values).where('id', '=', id).execute();
}

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

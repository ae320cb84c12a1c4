import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
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

const organisations = tableAccess('organisation', COLUMNS);

export const listOrganisations = (db: Executor) => organisations.list(db, {}, ['name']);
export const findOrganisation = organisations.find;

export const findOrganisationBySlug = (db: Executor, slug: string) =>
  organisations.findBy(db, { slug });

export const findOrganisationByName = (db: Executor, name: string) =>
  organisations.findBy(db, { name });

export const insertOrganisation = organisations.insert;

export const updateOrganisation = (
  db: Executor,
  id: string,
  values: Partial<Omit<OrganisationTable, 'id'>>,
) => organisations.update(db, id, values);

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

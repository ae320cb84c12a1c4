import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type { ImportJobTable } from './collaboration.table.ts';

/** All SQL of imports: the job row, the lookups rows are checked against, batched inserts. */

const JOB_COLUMNS = [
  'id',
  'kind',
  'organisation_id',
  'filename',
  'content_type',
  'mapping',
  'status',
  'total_rows',
  'processed_rows',
  'valid_rows',
  'imported_rows',
  'problems',
  'created_by',
  'created_at',
  'updated_at',
] as const;

const jobs = tableAccess('import_job', JOB_COLUMNS, { fixed: ['data'] });
const jobFiles = tableAccess('import_job', ['data']);
const jobList = tableAccess('import_job', [
  'id',
  'filename',
  'status',
  'total_rows',
  'imported_rows',
  'created_at',
]);

export const insertImportJob = jobs.insert;

/** The job without its file. */
export const findImportJob = jobs.find;
export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;

export async function findImportFile(db: Executor, id: string): Promise<Buffer | null> {
  const row = await jobFiles.find(db, id);
  return row ? Buffer.from(row.data) : null;
}

export const listImportJobs = (db: Executor, createdBy: string, limit = 20) =>
  jobList.list(db, { created_by: createdBy }, [['created_at', 'desc'], 'id'], { limit });

export const updateImportJob = jobs.update;

/** Moves a job from one status to another only if it is still in it (no double start). */
export const transitionImportJob = async (
  db: Executor,
  id: string,
  from: string,
  values: Partial<Omit<ImportJobTable, 'id' | 'data'>>,
): Promise<boolean> => (await jobs.updateWhere(db, { id, status: from }, values)) > 0;

/** Active twin cities with every translated name. */
export function listTwinCityNames(db: Executor) {
  return db
    .selectFrom('city')
    .leftJoin('city_translation as ct', 'ct.city_id', 'city.id')
    .select(['city.id', 'city.slug', 'ct.name'])
    .where('city.kind', '=', 'twin')
    .where('city.status', '=', 'active')
    .execute();
}

const areas = tableAccess('area', ['id', 'slug', 'name_sv', 'name_en']);
const organisations = tableAccess('organisation', ['id', 'slug', 'name']);

export const listAreas = (db: Executor) => areas.list(db, {}, ['position']);

export const listActiveOrganisations = (db: Executor) =>
  organisations.list(db, { active: 1 }, ['name']);

// An import's batches: one statement each.
export const insertCollaborations = tableAccess('collaboration', ['id']).insertMany;
export const insertCollaborationCities = tableAccess('collaboration_city', '*').insertMany;
export const insertCollaborationAreas = tableAccess('collaboration_area', '*').insertMany;
export const insertExchanges = tableAccess('exchange', ['id']).insertMany;
export const insertSearchDocuments = tableAccess('search_document', '*').insertMany;

import type { Executor } from '../../db/database.ts';
import type {
  CollaborationTable,
  ExchangeTable,
  ImportJobTable,
  SearchDocumentTable,
} from './collaboration.table.ts';

/** All SQL of imports: the job row, the lookups rows are checked against, batched inserts. */

export function insertImportJob(db: Executor, row: ImportJobTable) {
  return db.insertInto('import_job').values(row).execute();
}

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

/** The job without its file. */
export function findImportJob(db: Executor, id: string) {
  return db.selectFrom('import_job').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
}
export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;

export async function findImportFile(db: Executor, id: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('import_job')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

export function listImportJobs(db: Executor, createdBy: string, limit = 20) {
  return db
    .selectFrom('import_job')
    .select(['id', 'filename', 'status', 'total_rows', 'imported_rows', 'created_at'])
    .where('created_by', '=', createdBy)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function updateImportJob(
  db: Executor,
  id: string,
  values: Partial<Omit<ImportJobTable, 'id' | 'data'>>,
) {
  return db.updateTable('import_job').set(values).where('id', '=', id).execute();
}

/** Moves a job from one status to another only if it is still in it (no double start). */
export async function transitionImportJob(
  db: Executor,
  id: string,
  from: string,
  values: Partial<Omit<ImportJobTable, 'id' | 'data'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('import_job')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

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

export function listAreas(db: Executor) {
  return db
    .selectFrom('area')
    .select(['id', 'slug', 'name_sv', 'name_en'])
    .orderBy('position')
    .execute();
}

export function listActiveOrganisations(db: Executor) {
  return db
    .selectFrom('organisation')
    .select(['id', 'slug', 'name'])
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
}

export function insertCollaborations(db: Executor, rows: CollaborationTable[]) {
  return db.insertInto('collaboration').values(rows).execute();
}

export function insertCollaborationCities(
  db: Executor,
  rows: { collaboration_id: string; city_id: string }[],
) {
  return rows.length ? db.insertInto('collaboration_city').values(rows).execute() : undefined;
}

export function insertCollaborationAreas(
  db: Executor,
  rows: { collaboration_id: string; area_id: string }[],
) {
  return rows.length ? db.insertInto('collaboration_area').values(rows).execute() : undefined;
}

export function insertExchanges(db: Executor, rows: ExchangeTable[]) {
  return rows.length ? db.insertInto('exchange').values(rows).execute() : undefined;
}

export function insertSearchDocuments(db: Executor, rows: SearchDocumentTable[]) {
  return rows.length ? db.insertInto('search_document').values(rows).execute() : undefined;
}

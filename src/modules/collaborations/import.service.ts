import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { fromNothing, recordAudit, statusChange, type Actor } from '../audit/index.ts';
import type { User } from '../accounts/index.ts';
import {
  checkFile,
  mappingProblems,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readSheet,
} from './import.check.ts';
import type { ParsedSheet } from './import.parse.ts';
import { importPolicy } from './import.policy.ts';
import * as repo from './import.repository.ts';
import {
  fieldsOf,
  type ImportKind,
  type ImportMapping,
  type ImportProblem,
} from './import.rows.ts';
import { collaborationsErrors } from './errors.ts';

// Import jobs: an uploaded file kept as a job, the dry run that checks it with the
// chosen mapping, and the start of the import (run by import.run.ts).

export type ImportStatus = 'uploaded' | 'checked' | 'importing' | 'done' | 'failed' | 'discarded';

export interface ImportJob {
  id: string;
  kind: ImportKind;
  filename: string;
  organisationId: string | null;
  status: ImportStatus;
  mapping: ImportMapping | null;
  totalRows: number;
  processedRows: number;
  validRows: number | null;
  importedRows: number | null;
  problems: ImportProblem[];
  createdAt: string;
}

export const importNotFound = collaborationsErrors.importNotFound;

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const toJob = (r: repo.ImportJobRow): ImportJob => ({
  id: r.id,
  kind: r.kind === 'exchange' ? 'exchange' : 'collaboration',
  filename: r.filename,
  organisationId: r.organisation_id,
  status: r.status as ImportStatus,
  mapping: parseJson<ImportMapping | null>(r.mapping, null),
  totalRows: r.total_rows ?? 0,
  processedRows: r.processed_rows,
  validRows: r.valid_rows,
  importedRows: r.imported_rows,
  problems: parseJson<ImportProblem[]>(r.problems, []),
  createdAt: r.created_at,
});

/** The organisation choice "from a column of the file" (coordinators only). */
export const IMPORT_FROM_COLUMN = 'column';

export interface UploadInput {
  filename: string;
  contentType: string;
  data: Buffer | null;
  truncated?: boolean;
  /**
   * An organisation id, or IMPORT_FROM_COLUMN for "from a column" (coordinators); '' is
   * "none chosen" and refused.
   */
  organisation: string;
  /** What the file holds (default collaborations). */
  kind?: string;
}

/** Stores an uploaded file as an import job after checking that it can be read. */
export async function uploadImport(
  db: Db,
  actor: Actor,
  user: User,
  input: UploadInput,
): Promise<ImportJob> {
  const problems: { path: string; message: string }[] = [];
  const kind = input.kind ?? 'collaboration';
  if (kind !== 'collaboration' && kind !== 'exchange')
    problems.push({ path: 'kind', message: 'import.error.kindRequired' });
  const fromColumn = input.organisation === IMPORT_FROM_COLUMN;
  if (
    input.organisation === '' || fromColumn
      ? !importPolicy.organisationFromColumn(user)
      : !importPolicy.importFor(user, input.organisation)
  )
    problems.push({ path: 'organisation', message: 'import.error.organisationRequired' });
  let sheet: ParsedSheet | null = null;
  if (!input.data || input.data.length === 0)
    problems.push({ path: 'file', message: 'import.error.fileRequired' });
  else if (input.truncated || input.data.length > MAX_IMPORT_BYTES)
    problems.push({ path: 'file', message: 'import.error.fileTooLarge' });
  else {
    try {
      sheet = await readSheet(input.filename, input.data);
      if (sheet.rows.length === 0)
        problems.push({ path: 'file', message: 'import.error.fileEmpty' });
      else if (sheet.rows.length > MAX_IMPORT_ROWS)
        problems.push({ path: 'file', message: 'import.error.tooManyRows' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(...((error.details.problems ?? []) as typeof problems));
    }
  }
  if (problems.length || !sheet || !input.data) throw errors.validation(problems);
  return db.kysely.transaction().execute(async (trx) => {
    if (!fromColumn) {
      const orgs = await repo.listActiveOrganisations(trx);
      if (!orgs.some((o) => o.id === input.organisation))
        throw errors.validation([
          { path: 'organisation', message: 'import.error.organisationRequired' },
        ]);
    }
    const now = nowIso();
    const row = {
      id: newId(),
      kind,
      organisation_id: fromColumn ? null : input.organisation,
      filename: input.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'import',
      content_type: input.contentType.slice(0, 100),
      data: input.data!,
      mapping: null,
      status: 'uploaded',
      total_rows: sheet.rows.length,
      processed_rows: 0,
      valid_rows: null,
      imported_rows: null,
      problems: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertImportJob(trx, row);
    await recordAudit(trx, actor, {
      entity: 'import_job',
      entityId: row.id,
      action: 'upload',
      changes: fromNothing({
        filename: row.filename,
        organisation_id: row.organisation_id,
        total_rows: row.total_rows,
      }),
    });
    return toJob(row);
  });
}

/** The job, if this user created it. */
export async function getImportJob(db: Db, user: User, id: string): Promise<ImportJob> {
  const row = await repo.findImportJob(db.kysely, id);
  if (!row || row.created_by !== user.id) throw importNotFound(id);
  return toJob(row);
}

export async function listImportJobs(db: Db, user: User) {
  return repo.listImportJobs(db.kysely, user.id);
}

export async function importHeaders(db: Db, job: ImportJob): Promise<string[]> {
  const data = await repo.findImportFile(db.kysely, job.id);
  if (!data) throw importNotFound(job.id);
  return (await readSheet(job.filename, data)).headers;
}

/** The dry run: stores the mapping and every problem; writes no collaboration. */
export async function checkImport(
  db: Db,
  actor: Actor,
  user: User,
  id: string,
  mapping: ImportMapping,
): Promise<ImportJob> {
  const job = await getImportJob(db, user, id);
  if (!['uploaded', 'checked', 'failed'].includes(job.status))
    throw errors.validation([{ path: 'form', message: 'import.error.notReady' }]);
  const data = await repo.findImportFile(db.kysely, id);
  if (!data) throw importNotFound(id);
  const headers = (await readSheet(job.filename, data)).headers;
  const clean: ImportMapping = {};
  for (const field of fieldsOf(job.kind)) if (mapping[field]) clean[field] = mapping[field];
  const problems = mappingProblems(job.kind, clean, headers, job.organisationId === null);
  if (problems.length) throw errors.validation(problems);
  const result = await checkFile(db.kysely, job, data, clean);
  await db.kysely.transaction().execute(async (trx) => {
    await repo.updateImportJob(trx, id, {
      mapping: JSON.stringify(clean),
      status: 'checked',
      total_rows: result.total,
      valid_rows: result.valid.length,
      problems: JSON.stringify(result.problems),
      processed_rows: 0,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      entity: 'import_job',
      entityId: id,
      action: 'check',
      changes: {
        valid_rows: { before: job.validRows, after: result.valid.length },
        problems: { before: job.problems.length, after: result.problems.length },
      },
    });
  });
  return getImportJob(db, user, id);
}

/**
 * Marks a checked job as importing. Refused while the file has problems unless the user chose
 * to import only the valid rows. The caller then runs `runImport` (in the background for pages).
 */
export async function startImport(
  db: Db,
  actor: Actor,
  user: User,
  id: string,
  onlyValid: boolean,
): Promise<ImportJob> {
  const job = await getImportJob(db, user, id);
  if (job.status !== 'checked')
    throw errors.validation([{ path: 'form', message: 'import.error.notReady' }]);
  if (job.problems.length > 0 && !onlyValid)
    throw errors.validation([{ path: 'form', message: 'import.error.notValid' }]);
  if (job.organisationId && !importPolicy.importFor(user, job.organisationId))
    throw errors.forbidden();
  const started = await db.kysely.transaction().execute(async (trx) => {
    const ok = await repo.transitionImportJob(trx, id, 'checked', {
      status: 'importing',
      processed_rows: 0,
      updated_at: nowIso(),
    });
    if (ok)
      await recordAudit(trx, actor, {
        entity: 'import_job',
        entityId: id,
        action: 'start',
        changes: statusChange('checked', 'importing', { only_valid: onlyValid }),
      });
    return ok;
  });
  if (!started) throw errors.validation([{ path: 'form', message: 'import.error.notReady' }]);
  return { ...job, status: 'importing' };
}

import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { User } from '../accounts/account.service.ts';
import { importPolicy } from './import.policy.ts';
import {
  fileKind,
  parseSpreadsheet,
  UnreadableFileError,
  type ParsedSheet,
} from './import.parse.ts';
import * as repo from './import.repository.ts';
import {
  checkExchangeRows,
  checkRows,
  fieldsOf,
  guessMapping,
  lookupKey,
  requiredOf,
  type ExchangeImportRow,
  type ImportKind,
  type ImportLookups,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
} from './import.rows.ts';
import { collaborationSearchDocument, exchangeSearchDocument } from './import.search.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const BATCH = 500;

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

/** The default areas (contract with the collaborations module): inserted when missing, by slug. */
export const DEFAULT_AREAS = [
  ['school', 'Skola', 'School'],
  ['social-welfare', 'Social välfärd', 'Social welfare'],
  ['gender-equality', 'Jämställdhet', 'Gender equality'],
  ['leisure', 'Fritid', 'Leisure'],
  ['health-and-sport', 'Hälsa och idrott', 'Health and sport'],
  ['culture', 'Kultur', 'Culture'],
  ['business', 'Näringsliv', 'Business'],
  ['urban-development-and-climate', 'Stadsutveckling och klimat', 'Urban development and climate'],
] as const;

export async function ensureDefaultAreas(db: Executor): Promise<void> {
  if ((await repo.listAreas(db)).length > 0) return;
  const now = nowIso();
  await repo.insertAreas(
    db,
    DEFAULT_AREAS.map(([slug, sv, en], i) => ({
      id: newId(),
      slug,
      name_sv: sv,
      name_en: en,
      position: i + 1,
      active: 1,
      created_at: now,
      updated_at: now,
    })),
  );
}

const importNotFound = errors.importNotFound;

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const toJob = (r: repo.ImportJobRow): ImportJob => ({
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

async function readSheet(filename: string, data: Buffer): Promise<ParsedSheet> {
  const kind = fileKind(filename, data);
  if (!kind) throw errors.validation([{ path: 'file', message: 'import.error.fileType' }]);
  try {
    return await parseSpreadsheet(data, kind);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw errors.validation([{ path: 'file', message: 'import.error.fileUnreadable' }]);
    throw error;
  }
}

export interface UploadInput {
  filename: string;
  contentType: string;
  data: Buffer | null;
  truncated?: boolean;
  /** An organisation id, or '' for "from a column" (coordinators). */
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
  const fromColumn = input.organisation === '';
  if (
    fromColumn
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
      changes: {
        filename: { before: null, after: row.filename },
        organisation_id: { before: null, after: row.organisation_id },
        total_rows: { before: null, after: row.total_rows },
      },
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

async function loadLookups(db: Executor): Promise<ImportLookups> {
  await ensureDefaultAreas(db);
  const [cities, areas, orgs] = await Promise.all([
    repo.listTwinCityNames(db),
    repo.listAreas(db),
    repo.listActiveOrganisations(db),
  ]);
  const lookups: ImportLookups = {
    cities: new Map(),
    areas: new Map(),
    organisations: new Map(),
    areaNamesSv: new Map(),
  };
  for (const c of cities) {
    lookups.cities.set(lookupKey(c.slug), c.id);
    if (c.name) lookups.cities.set(lookupKey(c.name), c.id);
  }
  for (const a of areas) {
    for (const name of [a.slug, a.name_sv, a.name_en]) lookups.areas.set(lookupKey(name), a.id);
    lookups.areaNamesSv.set(a.id, a.name_sv);
  }
  for (const o of orgs) {
    lookups.organisations.set(lookupKey(o.slug), o.id);
    lookups.organisations.set(lookupKey(o.name), o.id);
  }
  return lookups;
}

/** The mapping from the form: every required field mapped, every header one of the file's. */
function mappingProblems(
  kind: ImportKind,
  mapping: ImportMapping,
  headers: readonly string[],
  fromColumn: boolean,
) {
  const problems: { path: string; message: string }[] = [];
  for (const field of fieldsOf(kind)) {
    const header = mapping[field];
    if (header && !headers.includes(header))
      problems.push({ path: `map-${field}`, message: 'import.error.mappingUnknown' });
  }
  const required = fromColumn
    ? [...requiredOf(kind), 'organisationColumn' as const]
    : requiredOf(kind);
  const messages: Record<string, string> = {
    title: 'import.error.mappingTitle',
    startsOn: 'import.error.mappingStartsOn',
    cities: 'import.error.mappingCities',
    organisationColumn: 'import.error.mappingOrganisation',
    occurredOn: 'import.error.mappingOccurredOn',
    city: 'import.error.mappingCity',
    direction: 'import.error.mappingDirection',
    participants: 'import.error.mappingParticipants',
    activities: 'import.error.mappingActivities',
  };
  for (const field of required)
    if (!mapping[field]) problems.push({ path: `map-${field}`, message: messages[field]! });
  return problems;
}

type Checked = { problems: ImportProblem[]; lookups: ImportLookups; total: number } & (
  { kind: 'collaboration'; valid: ImportRow[] } | { kind: 'exchange'; valid: ExchangeImportRow[] }
);

async function checkFile(
  db: Executor,
  job: Pick<ImportJob, 'kind' | 'filename' | 'organisationId'>,
  data: Buffer,
  mapping: ImportMapping,
): Promise<Checked> {
  const sheet = await readSheet(job.filename, data);
  const lookups = await loadLookups(db);
  const common = { lookups, total: sheet.rows.length };
  return job.kind === 'exchange'
    ? {
        ...common,
        kind: 'exchange',
        ...checkExchangeRows(sheet.headers, sheet.rows, mapping, lookups, job.organisationId),
      }
    : {
        ...common,
        kind: 'collaboration',
        ...checkRows(sheet.headers, sheet.rows, mapping, lookups, job.organisationId),
      };
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
        changes: {
          status: { before: 'checked', after: 'importing' },
          only_valid: { before: null, after: onlyValid },
        },
      });
    return ok;
  });
  if (!started) throw errors.validation([{ path: 'form', message: 'import.error.notReady' }]);
  return { ...job, status: 'importing' };
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Imports the valid rows of a job in ONE transaction with batched inserts: each collaboration
 * with its cities, areas and knowledge-bank document, as submitted for review. Progress goes to
 * `processed_rows` (on PostgreSQL through a second connection, so a progress page sees it).
 */
/**
 * After a large import, PostgreSQL's planner statistics still describe the tables before
 * it until autovacuum comes round (up to a minute or more); plans chosen meanwhile can be
 * ten times slower (measured: 4 → 35 ms for a filtered list). Refresh them at once.
 */
async function refreshStatistics(db: Db, imported: number): Promise<void> {
  if (db.dialect !== 'postgres' || imported < 1000) return;
  await sql`analyze collaboration, collaboration_city, collaboration_area, exchange, search_document`.execute(
    db.kysely,
  );
}

export async function runImport(
  db: Db,
  actor: Actor,
  id: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ imported: number }> {
  const row = await repo.findImportJob(db.kysely, id);
  if (!row || row.status !== 'importing') throw importNotFound(id);
  const job = toJob(row);
  try {
    const data = await repo.findImportFile(db.kysely, id);
    if (!data || !job.mapping) throw importNotFound(id);
    const imported = await db.kysely.transaction().execute(async (trx) => {
      const checked = await checkFile(trx, job, data, job.mapping!);
      const now = nowIso();
      const total = checked.valid.length;
      let done = 0;
      const progress = async (n: number) => {
        done += n;
        options.onProgress?.(done, total);
        // PostgreSQL: visible to the progress page at once. SQLite has one connection, held by
        // this transaction: its progress is written below, with the result.
        if (db.dialect === 'postgres')
          await repo.updateImportJob(db.kysely, id, { processed_rows: done, updated_at: nowIso() });
      };
      if (checked.kind === 'collaboration') {
        for (const batch of chunks(checked.valid, BATCH)) {
          await insertCollaborationBatch(trx, batch, checked.lookups, actor, now);
          await progress(batch.length);
        }
      } else {
        for (const batch of chunks(checked.valid, BATCH)) {
          await insertExchangeBatch(trx, batch, actor, now);
          await progress(batch.length);
        }
      }
      const valid: { organisationId: string }[] = checked.valid;
      await repo.updateImportJob(trx, id, {
        status: 'done',
        processed_rows: done,
        imported_rows: done,
        updated_at: nowIso(),
      });
      await recordAudit(trx, actor, {
        entity: 'import_job',
        entityId: id,
        action: 'import',
        changes: {
          status: { before: 'importing', after: 'done' },
          imported_rows: { before: null, after: done },
          organisations: {
            before: null,
            after: [...new Set(valid.map((v) => v.organisationId))].join(', '),
          },
        },
      });
      return done;
    });
    await refreshStatistics(db, imported);
    return { imported };
  } catch (error) {
    await repo
      .updateImportJob(db.kysely, id, { status: 'failed', updated_at: nowIso() })
      .catch(() => {});
    throw error;
  }
}

async function insertCollaborationBatch(
  trx: Executor,
  batch: ImportRow[],
  lookups: ImportLookups,
  actor: Actor,
  now: string,
): Promise<void> {
  const ids = batch.map(() => newId());
  await repo.insertCollaborations(
    trx,
    batch.map((r, i) => collaborationRow(ids[i]!, r, actor, now)),
  );
  await repo.insertCollaborationCities(
    trx,
    batch.flatMap((r, i) => r.cityIds.map((city_id) => ({ collaboration_id: ids[i]!, city_id }))),
  );
  await repo.insertCollaborationAreas(
    trx,
    batch.flatMap((r, i) => r.areaIds.map((area_id) => ({ collaboration_id: ids[i]!, area_id }))),
  );
  await repo.insertSearchDocuments(
    trx,
    batch.map((r, i) =>
      collaborationSearchDocument({
        id: ids[i]!,
        organisationId: r.organisationId,
        title: r.title,
        goals: r.goals,
        results: r.results,
        startsOn: r.startsOn,
        visibility: r.visibility,
        areaNamesSv: r.areaIds.map((a) => lookups.areaNamesSv.get(a) ?? ''),
        strategyTags: r.strategyTags,
        cityIds: r.cityIds,
        areaIds: r.areaIds,
      }),
    ),
  );
}

async function insertExchangeBatch(
  trx: Executor,
  batch: ExchangeImportRow[],
  actor: Actor,
  now: string,
): Promise<void> {
  const rows = batch.map((r) => ({
    id: newId(),
    organisation_id: r.organisationId,
    collaboration_id: null,
    city_id: r.cityId,
    occurred_on: r.occurredOn,
    direction: r.direction,
    participants: r.participants,
    activities: r.activities,
    learnings: r.learnings,
    visibility: r.visibility,
    review_state: 'submitted',
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    submitted_at: now,
    published_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertExchanges(trx, rows);
  await repo.insertSearchDocuments(
    trx,
    rows.map((r) =>
      exchangeSearchDocument({
        id: r.id,
        organisationId: r.organisation_id,
        occurredOn: r.occurred_on,
        visibility: r.visibility,
        activities: r.activities,
        learnings: r.learnings,
        cityId: r.city_id,
      }),
    ),
  );
}

function collaborationRow(id: string, r: ImportRow, actor: Actor, now: string) {
  return {
    id,
    organisation_id: r.organisationId,
    title: r.title,
    kind: r.kind,
    status: r.status,
    starts_on: r.startsOn,
    ends_on: r.endsOn,
    goals: r.goals,
    results: r.results,
    contact_name: r.contactName,
    contact_email: r.contactEmail,
    funding_kind: r.fundingKind,
    funding_programme: r.fundingProgramme,
    funding_amount: r.fundingAmount,
    strategy_tags: r.strategyTags.join(','),
    visibility: r.visibility,
    review_state: 'submitted',
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    submitted_at: now,
    published_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

export interface FileImportResult {
  total: number;
  valid: number;
  problems: ImportProblem[];
  mapping: ImportMapping;
  /** Null for a dry run or a file with problems (nothing written). */
  imported: number | null;
  jobId: string | null;
}

/**
 * An import run by an operator (the CLI): the columns are taken from the file's headers,
 * every row is checked, and only a file without problems is imported (as an import job,
 * audited like one from the pages). A dry run writes nothing.
 */
export async function importFile(
  db: Db,
  actor: Actor,
  input: {
    filename: string;
    data: Buffer;
    organisationSlug: string;
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<FileImportResult> {
  const organisation = (await repo.listActiveOrganisations(db.kysely)).find(
    (o) => o.slug === input.organisationSlug,
  );
  if (!organisation)
    throw errors.validation([
      { path: 'organisation', message: 'import.error.organisationRequired' },
    ]);
  if (input.data.length > MAX_IMPORT_BYTES)
    throw errors.validation([{ path: 'file', message: 'import.error.fileTooLarge' }]);
  const sheet = await readSheet(input.filename, input.data);
  if (sheet.rows.length === 0)
    throw errors.validation([{ path: 'file', message: 'import.error.fileEmpty' }]);
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    throw errors.validation([{ path: 'file', message: 'import.error.tooManyRows' }]);
  const mapping = guessMapping(sheet.headers);
  const mappingIssues = mappingProblems('collaboration', mapping, sheet.headers, false);
  if (mappingIssues.length) throw errors.validation(mappingIssues);
  const lookups = await loadLookups(db.kysely);
  const { valid, problems } = checkRows(
    sheet.headers,
    sheet.rows,
    mapping,
    lookups,
    organisation.id,
  );
  const result = { total: sheet.rows.length, valid: valid.length, problems, mapping };
  if (input.dryRun || problems.length) return { ...result, imported: null, jobId: null };
  const now = nowIso();
  const id = newId();
  await db.kysely.transaction().execute(async (trx) => {
    await repo.insertImportJob(trx, {
      id,
      kind: 'collaboration',
      organisation_id: organisation.id,
      filename: input.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-200) || 'import',
      content_type: input.filename.toLowerCase().endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
      data: input.data,
      mapping: JSON.stringify(mapping),
      status: 'importing',
      total_rows: sheet.rows.length,
      processed_rows: 0,
      valid_rows: valid.length,
      imported_rows: null,
      problems: '[]',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      entity: 'import_job',
      entityId: id,
      action: 'upload',
      changes: {
        filename: { before: null, after: input.filename },
        organisation_id: { before: null, after: organisation.id },
        total_rows: { before: null, after: sheet.rows.length },
      },
    });
  });
  const { imported } = await runImport(db, actor, id, { onProgress: input.onProgress });
  return { ...result, imported, jobId: id };
}

import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { fromNothing, recordAudit, statusChange, type Actor } from '../audit/index.ts';
import {
  checkFile,
  loadLookups,
  mappingProblems,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readSheet,
} from './import.check.ts';
import { submittedColumns } from './collaboration.helpers.ts';
import * as repo from './import.repository.ts';
import {
  checkRows,
  guessMapping,
  type ExchangeImportRow,
  type ImportLookups,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
} from './import.rows.ts';
import { collaborationSearchDocument, exchangeSearchDocument } from './import.search.ts';
import { importNotFound, toJob } from './import.service.ts';

// Running an import: the valid rows of a started job written in batches in one
// transaction, with progress; and an operator's whole import of a file (the CLI).

const BATCH = 500;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

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

/**
 * Imports the valid rows of a job in ONE transaction with batched inserts: each collaboration
 * with its cities, areas and knowledge-bank document, as submitted for review. Progress goes to
 * `processed_rows` (on PostgreSQL through a second connection, so a progress page sees it).
 */
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
        changes: statusChange('importing', 'done', {
          imported_rows: done,
          organisations: [...new Set(valid.map((v) => v.organisationId))].join(', '),
        }),
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
    ...submittedColumns(actor.userId, now),
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
    ...submittedColumns(actor.userId, now),
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
      changes: fromNothing({
        filename: input.filename,
        organisation_id: organisation.id,
        total_rows: sheet.rows.length,
      }),
    });
  });
  const { imported } = await runImport(db, actor, id, { onProgress: input.onProgress });
  return { ...result, imported, jobId: id };
}

import type { Executor } from '../../db/database.ts';
import { hasRow, tableAccess, type Match } from '../../db/table-access.ts';

/**
 * SQL of the reports: the approved versions of evaluations (`evaluation_version`), which
 * of them is published, and the published ones for the portal. At most one version of an
 * evaluation is published at a time (`setPublished` clears the others in the same
 * statement sequence, inside the caller's transaction).
 */

const secrecy = tableAccess('evaluation', ['secret']);
const evaluations = tableAccess('evaluation', ['id']);
const versions = tableAccess('evaluation_version', '*');
const versionNumbers = tableAccess('evaluation_version', ['number', 'published_at']);
const latestVersions = tableAccess('evaluation_version', [
  'evaluation_id',
  'number',
  'published_at',
]);

/** Whether the evaluation is marked secret in the records register. */
export async function isSecret(db: Executor, evaluationId: string): Promise<boolean> {
  const row = await secrecy.find(db, evaluationId);
  return row?.secret === 1;
}

/**
 * The public reports: published versions of evaluations that are not secret (public records,
 * migration 0020). A correlated `not exists` on the evaluation's key, so the published index
 * still leads.
 */
const publicReport: Match<'evaluation_version'> = (eb) =>
  eb.and([
    eb('published_at', 'is not', null),
    eb.not(hasRow('evaluation', 'id', 'evaluation_version.evaluation_id', { secret: 1 })(eb)),
  ]);

export const findVersion = (db: Executor, evaluationId: string, number: number) =>
  versions.findBy(db, { evaluation_id: evaluationId, number });

export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** The numbers of an evaluation's approved versions, newest first, with their publication. */
export const listVersionNumbers = (db: Executor, evaluationId: string) =>
  versionNumbers.list(db, { evaluation_id: evaluationId }, [['number', 'desc']]);

/** The published version of an evaluation, if one is. */
export const findPublishedVersion = (db: Executor, evaluationId: string) =>
  versions.findBy(db, { evaluation_id: evaluationId, published_at: ['is not', null] }, [
    ['number', 'desc'],
  ]);

/** Published versions, the newest publication first (ties by id, so pages are stable). */
export const listPublishedVersions = (db: Executor, page: { limit: number; offset: number }) =>
  versions.list(
    db,
    publicReport,
    [
      ['published_at', 'desc'],
      ['evaluation_id', 'asc'],
    ],
    page,
  );

export const countPublishedVersions = (db: Executor): Promise<number> =>
  versions.count(db, publicReport);

/** The newest publication time (the public pages' and the sitemap's last change). */
export const latestPublication = (db: Executor): Promise<string | null> =>
  versionNumbers.max(db, 'published_at');

const unpublished = { published_at: null, published_by: null };

/** Publishes one version and withdraws any other of the same evaluation. */
export async function setPublished(
  db: Executor,
  evaluationId: string,
  number: number,
  by: string | null,
  at: string,
): Promise<void> {
  await versionNumbers.updateWhere(
    db,
    { evaluation_id: evaluationId, number: ['!=', number], published_at: ['is not', null] },
    unpublished,
  );
  await versionNumbers.updateWhere(
    db,
    { evaluation_id: evaluationId, number },
    { published_at: at, published_by: by },
  );
}

export async function clearPublished(
  db: Executor,
  evaluationId: string,
  number: number,
): Promise<void> {
  await versionNumbers.updateWhere(db, { evaluation_id: evaluationId, number }, unpublished);
}

// ---- Used by the demo seed and test fixtures only: an evaluation with one approved version.

export async function insertEvaluationWithVersion(
  db: Executor,
  row: {
    evaluationId: string;
    versionId: string;
    chainId: string;
    meetingId: string | null;
    title: string;
    periodStart: string;
    periodEnd: string;
    dueOn: string;
    sections: {
      summary: string;
      analysis: string;
      conclusions: string;
      recommendations: string;
      summaryEn: string;
    };
    figuresJson: string;
    approvedBy: string | null;
    approvedAt: string;
    number: number;
  },
): Promise<void> {
  const s = row.sections;
  await evaluations.insert(db, {
    id: row.evaluationId,
    chain_id: row.chainId,
    meeting_id: row.meetingId,
    title: row.title,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    due_on: row.dueOn,
    status: 'approved',
    summary: s.summary,
    analysis: s.analysis,
    conclusions: s.conclusions,
    recommendations: s.recommendations,
    summary_en: s.summaryEn,
    approved_version: row.number,
    reminder_before_sent_at: null,
    reminder_after_sent_at: null,
    created_by: row.approvedBy,
    updated_by: row.approvedBy,
    created_at: row.approvedAt,
    updated_at: row.approvedAt,
  });
  await insertVersion(db, row);
}

export async function insertVersion(
  db: Executor,
  row: {
    evaluationId: string;
    versionId: string;
    number: number;
    title: string;
    periodStart: string;
    periodEnd: string;
    sections: object;
    figuresJson: string;
    approvedBy: string | null;
    approvedAt: string;
  },
): Promise<void> {
  await versionNumbers.insert(db, {
    id: row.versionId,
    evaluation_id: row.evaluationId,
    number: row.number,
    title: row.title,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    sections_json: JSON.stringify(row.sections),
    figures_json: row.figuresJson,
    approved_by: row.approvedBy,
    approved_at: row.approvedAt,
    published_at: null,
    published_by: null,
  });
}

/** The newest approved version of any evaluation (the demo publishes it). */
export const latestApprovedVersion = (db: Executor) =>
  latestVersions.findBy(db, {}, [
    ['approved_at', 'desc'],
    ['number', 'desc'],
  ]);

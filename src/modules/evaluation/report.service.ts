import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import { getUser } from '../accounts/index.ts';
import type { EvaluationFigures, EvaluationSections } from './evaluation.figures.ts';
import * as repo from './report.repository.ts';
import { evaluationErrors } from './errors.ts';

/**
 * The reports (issue 15, points 4 and 5): an approved version of an evaluation as it is read,
 * exported and published. A version is frozen at approval (evalcore's workflow writes it);
 * here it is only read, published and withdrawn. The public address of a report is its
 * evaluation's id (`/reports/:id`, decision 027): publishing another version of the same
 * evaluation replaces the one the portal shows, at the same address.
 */
export interface ReportVersion {
  evaluationId: string;
  number: number;
  title: string;
  period: { start: string; end: string };
  sections: EvaluationSections;
  figures: EvaluationFigures;
  approvedBy: string | null;
  approvedAt: string;
  publishedAt: string | null;
}

const EMPTY_SECTIONS: EvaluationSections = {
  summary: '',
  analysis: '',
  conclusions: '',
  recommendations: '',
  summaryEn: '',
};

function parseSections(json: string): EvaluationSections {
  const raw = JSON.parse(json) as Partial<Record<keyof EvaluationSections, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    ...EMPTY_SECTIONS,
    summary: text(raw.summary),
    analysis: text(raw.analysis),
    conclusions: text(raw.conclusions),
    recommendations: text(raw.recommendations),
    summaryEn: text(raw.summaryEn),
  };
}

function toReport(row: repo.VersionRow): ReportVersion {
  return {
    evaluationId: row.evaluation_id,
    number: Number(row.number),
    title: row.title,
    period: { start: row.period_start, end: row.period_end },
    sections: parseSections(row.sections_json),
    figures: JSON.parse(row.figures_json) as EvaluationFigures,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedAt: row.published_at,
  };
}

/** A version number as given in an address: a whole number from 1, else not found. */
export function versionNumber(id: string, raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw evaluationErrors.reportVersionNotFound(id, raw);
  return Number(raw);
}

/** An approved version (coordinators' view); REPORT_VERSION_NOT_FOUND when there is none. */
export async function getReportVersion(
  db: Executor,
  evaluationId: string,
  number: number,
): Promise<ReportVersion> {
  const row = await repo.findVersion(db, evaluationId, number);
  if (!row) throw evaluationErrors.reportVersionNotFound(evaluationId, number);
  return toReport(row);
}

/** The other versions of the evaluation (for the version page's list). */
export async function reportVersionNumbers(
  db: Executor,
  evaluationId: string,
): Promise<{ number: number; published: boolean }[]> {
  const rows = await repo.listVersionNumbers(db, evaluationId);
  return rows.map((r) => ({ number: Number(r.number), published: r.published_at !== null }));
}

/** The approver's name for the workspace (the public report names no person). */
export async function approverName(db: Executor, report: ReportVersion): Promise<string | null> {
  if (!report.approvedBy) return null;
  try {
    return (await getUser(db, report.approvedBy)).name || null;
  } catch {
    return null; // the account was removed; the version keeps its date
  }
}

/** The report the portal shows at `/reports/:id` (id: the evaluation's); else REPORT_NOT_FOUND. */
export async function getPublishedReport(
  db: Executor,
  evaluationId: string,
): Promise<ReportVersion> {
  const row = await repo.findPublishedVersion(db, evaluationId.slice(0, 100));
  // A secret report (records module) is not found on the portal.
  if (!row || (await repo.isSecret(db, row.evaluation_id)))
    throw evaluationErrors.reportNotFound(evaluationId);
  return toReport(row);
}

/** Published reports, the newest publication first. */
export async function listPublishedReports(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ reports: ReportVersion[]; total: number }> {
  const [rows, total] = await Promise.all([
    repo.listPublishedVersions(db, page),
    repo.countPublishedVersions(db),
  ]);
  return { reports: rows.map(toReport), total };
}

export const latestReportPublication = (db: Executor) => repo.latestPublication(db);

/**
 * Publishes (`publish`) or withdraws a version in one transaction, with its audit event
 * (`report.publish` / `report.withdraw`, the published version number before and after); a
 * version that already is so is returned as it is, with nothing recorded.
 */
const changePublication =
  (publish: boolean) =>
  (db: Db, actor: Actor, evaluationId: string, number: number): Promise<ReportVersion> =>
    db.kysely.transaction().execute(async (trx) => {
      const version = await getReportVersion(trx, evaluationId, number);
      if (Boolean(version.publishedAt) === publish) return version;
      let before: number | null = number;
      let publishedAt: string | null = null;
      if (publish) {
        const replaced = await repo.findPublishedVersion(trx, evaluationId);
        before = replaced ? Number(replaced.number) : null;
        publishedAt = nowIso();
        await repo.setPublished(trx, evaluationId, number, actor.userId, publishedAt);
      } else {
        await repo.clearPublished(trx, evaluationId, number);
      }
      await recordAudit(trx, actor, {
        entity: 'evaluation',
        entityId: evaluationId,
        action: publish ? 'report.publish' : 'report.withdraw',
        changes: { publishedVersion: { before, after: publish ? number : null } },
      });
      return { ...version, publishedAt };
    });

/**
 * Publishes an approved version on the portal (coordinators; the route checks the role).
 * Any other published version of the same evaluation is withdrawn in the same transaction,
 * so the portal shows one version per evaluation. Publishing the one already published
 * changes nothing and records nothing.
 */
export const publishReportVersion = changePublication(true);

/** Takes a published version off the portal (coordinators); an unpublished one stays as it is. */
export const withdrawReportVersion = changePublication(false);

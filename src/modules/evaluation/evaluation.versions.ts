import type { Db, Executor } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import type { EvaluationFigures, EvaluationSections } from './evaluation.figures.ts';
import * as repo from './evaluation.repository.ts';
import { loadEvaluation, requireCoordinator, type Evaluation } from './evaluation.service.ts';
import { addDays } from './period.ts';
import { evaluationErrors } from './errors.ts';

// An evaluation's approved versions (read by the comparison, the reports and the API), and the
// reminders' dates.

export interface EvaluationVersion {
  number: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  sections: EvaluationSections;
  figures: EvaluationFigures;
  approvedAt: string;
  approverName: string | null;
  publishedAt: string | null;
}

/** One approved version of an evaluation, as frozen. */
export async function findEvaluationVersion(
  db: Executor,
  id: string,
  number: string,
): Promise<EvaluationVersion> {
  const n = /^[1-9]\d{0,5}$/.test(number) ? Number(number) : NaN;
  const row = Number.isNaN(n) ? undefined : await repo.findVersion(db, id, n);
  if (!row) throw evaluationErrors.evaluationVersionNotFound(id, number);
  return {
    number: row.number,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    sections: JSON.parse(row.sections_json) as EvaluationSections,
    figures: JSON.parse(row.figures_json) as EvaluationFigures,
    approvedAt: row.approved_at,
    approverName: row.approver_name,
    publishedAt: row.published_at,
  };
}

/** Two versions of one evaluation, for the side-by-side comparison. */
export async function versionsToCompare(
  db: Db,
  user: User | null,
  id: string,
  from: string | undefined,
  to: string | undefined,
): Promise<{ evaluation: Evaluation; from: EvaluationVersion; to: EvaluationVersion }> {
  requireCoordinator(user);
  const evaluation = await loadEvaluation(db.kysely, id);
  const latest = evaluation.approvedVersion;
  const toN = to ?? String(latest);
  const fromN = from ?? String(Math.max(1, Number(toN) - 1));
  const [a, b] = await Promise.all([
    findEvaluationVersion(db.kysely, id, fromN),
    findEvaluationVersion(db.kysely, id, toN),
  ]);
  return { evaluation, from: a, to: b };
}

// The reminders' dates (point 6)

/** Days before the due date when the owners are reminded. */
export const REMINDER_DAYS_BEFORE = 14;

/** Which reminder is due today for an evaluation, if any (each goes out once). */
export function reminderDue(
  e: {
    due_on: string;
    status: string;
    reminder_before_sent_at: string | null;
    reminder_after_sent_at: string | null;
  },
  today: string,
): 'reminder_before_sent_at' | 'reminder_after_sent_at' | null {
  if (e.status === 'approved') return null;
  if (today > e.due_on) return e.reminder_after_sent_at ? null : 'reminder_after_sent_at';
  if (today >= addDays(e.due_on, -REMINDER_DAYS_BEFORE) && !e.reminder_before_sent_at)
    return 'reminder_before_sent_at';
  return null;
}

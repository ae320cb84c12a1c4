import type { EvaluationTable } from './evaluation.table.ts';

/** What a new evaluation is about: its chain, meeting (if any), title, period and due date. */
export type NewEvaluation = Pick<
  EvaluationTable,
  'chain_id' | 'meeting_id' | 'title' | 'period_start' | 'period_end' | 'due_on'
>;

/**
 * The row of a new draft evaluation by `by` (null: the trigger) at `at`: its texts empty,
 * no version approved, no reminder sent.
 */
export function draftEvaluationRow(
  values: NewEvaluation,
  by: string | null,
  at: string,
): Omit<EvaluationTable, 'id'> {
  return {
    ...values,
    status: 'draft',
    summary: '',
    analysis: '',
    conclusions: '',
    recommendations: '',
    summary_en: '',
    approved_version: 0,
    reminder_before_sent_at: null,
    reminder_after_sent_at: null,
    created_by: by,
    updated_by: by,
    created_at: at,
    updated_at: at,
  };
}

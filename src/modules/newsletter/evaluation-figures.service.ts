import type { Executor } from '../../db/database.ts';
import { countSentIssues } from './evaluation-figures.repository.ts';

/**
 * The newsletter issues sent in a period of plain dates (both included, UTC days) and
 * their recipients, for the evaluation (issue 15).
 */
export function newslettersOfPeriod(
  db: Executor,
  period: { start: string; end: string },
): Promise<{ sent: number; recipients: number }> {
  return countSentIssues(
    db,
    `${period.start}T00:00:00.000Z`,
    `${dayAfter(period.end)}T00:00:00.000Z`,
  );
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

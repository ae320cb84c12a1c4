import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

// The reads the figures API and `vanort evaluation compile` need of the evaluation tables
// (migration 0017): an evaluation's period, its latest approved version's frozen figures,
// and the evaluation that follows a meeting.

const periods = tableAccess('evaluation', [
  'id',
  'chain_id',
  'meeting_id',
  'period_start',
  'period_end',
  'approved_version',
]);
const versions = tableAccess('evaluation_version', ['number', 'figures_json']);

export const findEvaluationPeriod = periods.find;

export const findEvaluationOfMeeting = (db: Executor, meetingId: string) =>
  periods.findBy(db, { meeting_id: meetingId }, [['created_at', 'desc']]);

/** The newest approved version of an evaluation (the highest number), with its figures. */
export const findLatestVersionFigures = (db: Executor, evaluationId: string) =>
  versions.first(db, { evaluation_id: evaluationId }, [['number', 'desc']]);

/** The latest end of an evaluation period of the chain before `before` (the next one starts after it). */
export const previousEvaluationEnd = (
  db: Executor,
  chainId: string,
  before: string,
): Promise<string | null> =>
  periods.max(db, 'period_end', { chain_id: chainId, period_end: ['<', before] });

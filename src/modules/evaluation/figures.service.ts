import type { Db } from '../../db/database.ts';
import { meetingForEvaluation } from '../meetings/index.ts';
import { compileFigures } from './compile.service.ts';
import type { EvaluationFigures, PeriodRange } from './evaluation.figures.ts';
import * as repo from './figures.repository.ts';
import { evaluationPeriod, previousPeriod } from './period.ts';
import { evaluationErrors } from './errors.ts';
import { meetingsErrors } from '../meetings/index.ts';

/** The figures of an evaluation as the API gives them: frozen (a version) or fresh (null). */
export interface FiguresOf {
  evaluationId: string | null;
  /** The approved version the figures were frozen in; null: compiled now. */
  version: number | null;
  figures: EvaluationFigures;
}

/**
 * An evaluation's figures: its latest approved version's frozen figures if there is one
 * (what was approved stays what is shown), else compiled now for its period beside the
 * period of the same length just before it.
 */
export async function evaluationFigures(db: Db, id: string): Promise<FiguresOf> {
  const evaluation = await repo.findEvaluationPeriod(db.kysely, id);
  if (!evaluation) throw evaluationErrors.evaluationNotFound(id);
  if (evaluation.approved_version > 0) {
    const version = await repo.findLatestVersionFigures(db.kysely, id);
    if (version)
      return {
        evaluationId: id,
        version: version.number,
        figures: JSON.parse(version.figures_json) as EvaluationFigures,
      };
  }
  const period = { start: evaluation.period_start, end: evaluation.period_end };
  return {
    evaluationId: id,
    version: null,
    figures: await compileFigures(db.kysely, {
      chainId: evaluation.chain_id,
      period,
      previous: previousPeriod(period),
    }),
  };
}

/**
 * The figures for a meeting's evaluation period (`vanort evaluation compile`): the period of
 * the evaluation that follows the meeting when there is one (its frozen figures if approved),
 * else the period `evaluationPeriod` gives for the meeting, compiled now.
 */
export async function figuresForMeeting(
  db: Db,
  meetingId: string,
): Promise<FiguresOf & { period: PeriodRange }> {
  const meeting = await meetingForEvaluation(db.kysely, meetingId);
  if (!meeting) throw meetingsErrors.meetingNotFound(meetingId);
  const own = await repo.findEvaluationOfMeeting(db.kysely, meetingId);
  if (own) {
    const result = await evaluationFigures(db, own.id);
    return { ...result, period: { start: own.period_start, end: own.period_end } };
  }
  const end = meeting.endDate ?? meeting.startDate ?? `${meeting.year}-12-31`;
  const { current, previous } = evaluationPeriod({
    meetingEnd: end,
    previousEvaluationEnd: await repo.previousEvaluationEnd(db.kysely, meeting.chainId, end),
    previousHostedMeetingEnd: meeting.previousHostedEnd,
  });
  return {
    evaluationId: null,
    version: null,
    period: current,
    figures: await compileFigures(db.kysely, {
      chainId: meeting.chainId,
      period: current,
      previous,
    }),
  };
}

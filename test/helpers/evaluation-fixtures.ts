import type { Db } from '../../src/db/database.ts';
import type {
  EvaluationFigures,
  EvaluationSections,
} from '../../src/modules/evaluation/evaluation.figures.ts';
import type { StartInput } from '../../src/modules/evaluation/evaluation.schema.ts';
import { sampleFigures, SAMPLE_SECTIONS } from '../../src/modules/evaluation/report.demo.ts';
import {
  insertEvaluationWithVersion,
  insertVersion,
} from '../../src/modules/evaluation/report.repository.ts';
import { newId } from '../../src/shared/ids.ts';

/**
 * Approved versions of evaluations for the reports' tests, written through the report
 * repository (the workflow that approves versions is evalcore's, issue 15 point 4). The
 * figures satisfy `EvaluationFigures`; the sections are Swedish with an English summary.
 */

export const FIXTURE_SECTIONS: EvaluationSections = SAMPLE_SECTIONS;

export function fixtureFigures(overrides: Partial<EvaluationFigures> = {}): EvaluationFigures {
  return { ...sampleFigures(), ...overrides };
}

/** The fields that start an evaluation by hand: its title, period, due date and owners. */
export const startFields = (
  title: string,
  [periodStart, periodEnd]: readonly [string, string],
  dueOn: string,
  owners: string[],
): StartInput => ({ title, periodStart, periodEnd, dueOn, owners });

/** A new evaluation with version 1 approved (not published); its id. */
export async function addApprovedEvaluation(
  db: Db,
  options: {
    title?: string;
    sections?: Partial<EvaluationSections>;
    figures?: EvaluationFigures;
    approvedBy?: string | null;
    approvedAt?: string;
  } = {},
): Promise<string> {
  const chain = await db.kysely.selectFrom('chain').select('id').executeTakeFirstOrThrow();
  const evaluationId = newId();
  await insertEvaluationWithVersion(db.kysely, {
    evaluationId,
    versionId: newId(),
    chainId: chain.id,
    meetingId: null,
    title: options.title ?? 'Utvärdering efter vänortsmötet i Göteborg 2027',
    periodStart: '2019-11-16',
    periodEnd: '2027-09-16',
    dueOn: '2027-12-16',
    sections: { ...FIXTURE_SECTIONS, ...options.sections },
    figuresJson: JSON.stringify(options.figures ?? fixtureFigures()),
    approvedBy: options.approvedBy ?? null,
    approvedAt: options.approvedAt ?? '2027-12-01T09:00:00.000Z',
    number: 1,
  });
  return evaluationId;
}

/** A further approved version of an evaluation (its number). */
export async function addApprovedVersion(
  db: Db,
  evaluationId: string,
  number: number,
  options: {
    title?: string;
    sections?: Partial<EvaluationSections>;
    figures?: EvaluationFigures;
  } = {},
): Promise<void> {
  await insertVersion(db.kysely, {
    evaluationId,
    versionId: newId(),
    number,
    title: options.title ?? `Utvärdering efter vänortsmötet i Göteborg 2027 (version ${number})`,
    periodStart: '2019-11-16',
    periodEnd: '2027-09-16',
    sections: { ...FIXTURE_SECTIONS, ...options.sections },
    figuresJson: JSON.stringify(options.figures ?? fixtureFigures()),
    approvedBy: null,
    approvedAt: `2028-01-0${Math.min(number, 9)}T09:00:00.000Z`,
  });
}

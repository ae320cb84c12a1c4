import type { Transaction } from 'kysely';
import type { Database, Db, Executor } from '../../db/database.ts';
import type { DomainEvent } from '../../platform/domain-events.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { Actor, User } from '../../platform/identity.ts';
import { hasRole } from '../../platform/roles.ts';
import { gothenburgDay, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { diff, recordAudit, statusChange } from '../audit/index.ts';
import { getChain, listCities, localized, type City } from '../cities/index.ts';
import { compileFigures } from './compile.service.ts';
import { draftEvaluationRow, type NewEvaluation } from './evaluation.draft.ts';
import type { EvaluationFigures, EvaluationSections } from './evaluation.figures.ts';
import * as repo from './evaluation.repository.ts';
import {
  REQUIRED_SECTIONS,
  reviewSchema,
  sectionsSchema,
  startSchema,
  type ReviewInput,
  type SectionsInput,
  type StartInput,
} from './evaluation.schema.ts';
import { addMonths, evaluationPeriod, previousPeriod } from './period.ts';
import { evaluationErrors } from './errors.ts';
import { meetingsErrors } from '../meetings/index.ts';

// The evaluation's duty and workflow (issue 15, points 1, 3 and 4; policy rule P10): the
// trigger when a meeting Gothenburg hosted is held, the manual start, the sections, review,
// approval into numbered versions and a new version after an approval. Every write is one
// transaction, authorised (coordinators), audited, and refuses a stale form (decision 022).

export const EVALUATION_STATUSES = ['draft', 'in_review', 'approved'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Months after the meeting's last day when the evaluation is due, unless configured. */
export const DEFAULT_DUE_MONTHS = 3;

let dueMonths = DEFAULT_DUE_MONTHS;

/**
 * Takes the app's setting `EVALUATION_DUE_MONTHS` (the event handler runs in the meetings
 * service's transaction and gets no config of its own). Called when the module's routes
 * are registered; the CLI without an app keeps the default.
 */
export function configureEvaluation(config: { evaluationDueMonths: number }): void {
  dueMonths = config.evaluationDueMonths;
}

/** Today in Gothenburg (YYYY-MM-DD). */
export function gothenburgToday(now: Date = new Date()): string {
  return gothenburgDay(now);
}

const isCoordinator = (user: User | null) => hasRole(user, 'coordinator');

export function requireCoordinator(user: User | null): asserts user is User {
  if (!isCoordinator(user)) throw errors.forbidden();
}

const problem = (path: string, message: string): FieldProblem => ({ path, message });

/** Gothenburg: the home city of the register. */
async function homeCity(db: Db | Executor): Promise<City | undefined> {
  return (await listCities(db)).find((c) => c.kind === 'home');
}

// The trigger (point 1)

/**
 * On `meeting.held` for a meeting Gothenburg hosted: creates its evaluation in the meetings
 * service's transaction, once per meeting (a second `held` does nothing). The period runs
 * from the previous evaluation's end (else the previous Gothenburg-hosted meeting's) to the
 * meeting's last day (or, for a meeting without dates, the day it was marked held); it is due
 * EVALUATION_DUE_MONTHS after that day; the coordinator who marked it held owns it, else
 * every active coordinator does.
 */
export async function createForHeldMeeting(
  trx: Transaction<Database>,
  event: DomainEvent,
  now: Date = new Date(),
): Promise<string | null> {
  if (event.type !== 'meeting.held') return null;
  const home = await homeCity(trx);
  if (!home || event.hostCityId !== home.id) return null;
  if (await repo.findEvaluationOfMeeting(trx, event.meetingId)) return null;
  const meetingEnd = event.endDate ?? gothenburgToday(now);
  const [previousEvaluation, previousMeeting, coordinators] = await Promise.all([
    repo.findLatestEvaluationBefore(trx, event.chainId, meetingEnd),
    repo.findPreviousHeldHostedBy(trx, event.chainId, home.id, event.year),
    repo.listActiveCoordinators(trx),
  ]);
  const { current } = evaluationPeriod({
    meetingEnd,
    previousEvaluationEnd: previousEvaluation?.period_end ?? null,
    previousHostedMeetingEnd: previousMeeting
      ? (previousMeeting.end_date ??
        previousMeeting.start_date ??
        previousMeeting.updated_at.slice(0, 10))
      : null,
  });
  const actorIsCoordinator = coordinators.some((c) => c.id === event.actor.userId);
  const owners = actorIsCoordinator ? [event.actor.userId!] : coordinators.map((c) => c.id);
  return insertDraftEvaluation(
    trx,
    event.actor,
    'create',
    event.actor.userId,
    {
      chain_id: event.chainId,
      meeting_id: event.meetingId,
      title: i18nFor('sv').t('evaluation.autoTitle', {
        city: localized(home, 'sv').name,
        year: String(event.year),
      }),
      period_start: current.start,
      period_end: current.end,
      due_on: addMonths(meetingEnd, dueMonths),
    },
    owners,
    now.toISOString(),
  );
}

/** The columns a new evaluation is given; the others start empty. */
/**
 * Inserts a new draft evaluation (its texts empty, no version approved, no reminder sent) by
 * `by`, with its owners, audited as `action` with its meeting (if any), title, period, due
 * date and owners. Resolves to its id.
 */
async function insertDraftEvaluation(
  trx: Executor,
  actor: Actor,
  action: 'create' | 'start',
  by: string | null,
  values: NewEvaluation,
  owners: string[],
  at: string,
): Promise<string> {
  const row = { id: newId(), ...draftEvaluationRow(values, by, at) };
  await repo.insertEvaluation(trx, row);
  await repo.insertOwners(trx, row.id, owners);
  await recordAudit(trx, actor, {
    entity: 'evaluation',
    entityId: row.id,
    action,
    // A started evaluation has no meeting: its meeting_id (null) is no change.
    changes: diff(null, {
      meeting_id: row.meeting_id,
      title: row.title,
      period_start: row.period_start,
      period_end: row.period_end,
      due_on: row.due_on,
      owners: owners.join(', '),
    }),
  });
  return row.id;
}

// The manual start (point 1)

/** A coordinator starts an evaluation by hand for any period, with owners among the coordinators. */
export async function startEvaluation(
  db: Db,
  actor: Actor,
  user: User | null,
  input: StartInput,
): Promise<string> {
  requireCoordinator(user);
  const v = parseOrThrow(startSchema, input);
  return db.kysely.transaction().execute(async (trx) => {
    const coordinators = new Set((await repo.listActiveCoordinators(trx)).map((c) => c.id));
    const owners = [...new Set(v.owners)];
    if (owners.some((id) => !coordinators.has(id)))
      throw errors.validation([problem('owners', 'evaluation.error.ownerNotCoordinator')]);
    const chain = await getChain(trx);
    if (!chain) throw meetingsErrors.chainNotFound();
    return insertDraftEvaluation(
      trx,
      actor,
      'start',
      user.id,
      {
        chain_id: chain.id,
        meeting_id: null,
        title: v.title,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        due_on: v.dueOn,
      },
      owners,
      nowIso(),
    );
  });
}

// Reading

export interface Owner {
  id: string;
  name: string;
  email: string;
}

export interface Evaluation {
  id: string;
  meetingId: string | null;
  chainId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  status: EvaluationStatus;
  sections: EvaluationSections;
  approvedVersion: number;
  owners: Owner[];
  /** Who last changed it; while in review, the person who submitted it. */
  updatedBy: string | null;
  /** The edit version (optimistic locking). */
  updatedAt: string;
}

export const sectionsOf = (row: repo.EvaluationRow): EvaluationSections => ({
  summary: row.summary,
  analysis: row.analysis,
  conclusions: row.conclusions,
  recommendations: row.recommendations,
  summaryEn: row.summary_en,
});

function toEvaluation(row: repo.EvaluationRow, owners: Owner[]): Evaluation {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    chainId: row.chain_id,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    status: row.status as EvaluationStatus,
    sections: sectionsOf(row),
    approvedVersion: row.approved_version,
    owners,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Whether an evaluation is past its due date and not approved. */
export const isOverdue = (e: { dueOn: string; status: string }, today: string) =>
  e.status !== 'approved' && e.dueOn < today;

/** Every evaluation with its owners (the coordinators' list). */
export async function listEvaluations(db: Db, user: User | null): Promise<Evaluation[]> {
  requireCoordinator(user);
  const rows = await repo.listEvaluations(db.kysely);
  const owners = await repo.listOwners(
    db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toEvaluation(
      r,
      owners
        .filter((o) => o.evaluation_id === r.id)
        .map((o) => ({ id: o.id, name: o.name, email: o.email })),
    ),
  );
}

export async function loadEvaluation(db: Executor, id: string): Promise<Evaluation> {
  const row = await repo.findEvaluation(db, id);
  if (!row) throw evaluationErrors.evaluationNotFound(id);
  const owners = await repo.listOwners(db, [id]);
  return toEvaluation(
    row,
    owners.map((o) => ({ id: o.id, name: o.name, email: o.email })),
  );
}

export interface EvaluationDetail {
  evaluation: Evaluation;
  comments: { id: string; body: string; createdAt: string; authorName: string | null }[];
  versions: {
    number: number;
    approvedAt: string;
    approverName: string | null;
    publishedAt: string | null;
  }[];
  /** The figures: compiled now for a draft or review, the latest version's when approved. */
  figures: EvaluationFigures;
}

/** One evaluation with its comments, versions and figures (the coordinators' page). */
export async function evaluationDetail(
  db: Db,
  user: User | null,
  id: string,
): Promise<EvaluationDetail> {
  requireCoordinator(user);
  const evaluation = await loadEvaluation(db.kysely, id);
  const [comments, versions] = await Promise.all([
    repo.listComments(db.kysely, id),
    repo.listVersions(db.kysely, id),
  ]);
  const frozen =
    evaluation.status === 'approved'
      ? await repo.findVersion(db.kysely, id, evaluation.approvedVersion)
      : undefined;
  const figures = frozen
    ? (JSON.parse(frozen.figures_json) as EvaluationFigures)
    : await figuresFor(db.kysely, evaluation);
  return {
    evaluation,
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.created_at,
      authorName: c.author_name,
    })),
    versions: versions.map((v) => ({
      number: v.number,
      approvedAt: v.approved_at,
      approverName: v.approver_name,
      publishedAt: v.published_at,
    })),
    figures,
  };
}

/** The live figures of an evaluation's period and of the one before it. */
function figuresFor(db: Executor, e: Evaluation): Promise<EvaluationFigures> {
  const period = { start: e.periodStart, end: e.periodEnd };
  return compileFigures(db, { chainId: e.chainId, period, previous: previousPeriod(period) });
}

/** The active coordinators (the owners one can choose when starting by hand). */
export async function coordinatorChoices(db: Db, user: User | null): Promise<Owner[]> {
  requireCoordinator(user);
  return repo.listActiveCoordinators(db.kysely);
}

// Writing the sections and the workflow (points 3 and 4)

/** The problems of the state an evaluation must be in to be changed by `action`. */
function stateProblem(e: { status: string }, wanted: EvaluationStatus): FieldProblem[] {
  if (e.status === wanted) return [];
  const message =
    e.status === 'approved'
      ? 'evaluation.error.approvedNoEdit'
      : e.status === 'in_review'
        ? 'evaluation.error.inReviewNoEdit'
        : 'evaluation.error.notInReview';
  return [problem('form', message)];
}

function checkVersion(row: repo.EvaluationRow, expectedVersion: string | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.updated_at)
    throw errors.editConflict('evaluation', row.id, row.updated_at);
}

const sectionColumns = (s: EvaluationSections) => ({
  summary: s.summary,
  analysis: s.analysis,
  conclusions: s.conclusions,
  recommendations: s.recommendations,
  summary_en: s.summaryEn,
});

/**
 * Saves the sections of a draft (the Save button and the autosave); with `submit`, an owner
 * also sends it for review, which needs summary, analysis, conclusions and recommendations.
 * Returns the new edit version.
 */
export async function saveSections(
  db: Db,
  actor: Actor,
  user: User | null,
  id: string,
  input: SectionsInput,
  options: { expectedVersion?: string | undefined; submit?: boolean } = {},
): Promise<string> {
  requireCoordinator(user);
  const sections = parseOrThrow(sectionsSchema, input);
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findEvaluation(trx, id);
    if (!row) throw evaluationErrors.evaluationNotFound(id);
    const problems = stateProblem(row, 'draft');
    if (problems.length) throw errors.validation(problems);
    checkVersion(row, options.expectedVersion);
    if (options.submit) {
      const owners = await repo.listOwners(trx, [id]);
      const missing = REQUIRED_SECTIONS.filter((k) => sections[k] === '').map((k) =>
        problem(k, `evaluation.error.${k}Required`),
      );
      if (!owners.some((o) => o.id === user.id))
        missing.unshift(problem('form', 'evaluation.error.notOwner'));
      if (missing.length) throw errors.validation(missing);
    }
    const before = sectionColumns(sectionsOf(row));
    const after = sectionColumns(sections);
    const now = nowIso();
    const status = options.submit ? 'in_review' : row.status;
    const changed = await repo.updateEvaluation(
      trx,
      id,
      { ...after, status, updated_by: user.id, updated_at: now },
      row.updated_at,
    );
    if (changed === 0) throw errors.editConflict('evaluation', id, row.updated_at);
    await recordAudit(trx, actor, {
      entity: 'evaluation',
      entityId: id,
      action: options.submit ? 'submit' : 'update',
      changes: diff({ ...before, status: row.status }, { ...after, status }),
    });
    return now;
  });
}

/**
 * A review: a comment, or a coordinator who did not submit it returns it to draft (with a
 * comment) or approves it. Approval compiles the figures and freezes them with the sections
 * as version n+1, with the approver and the time, in the same transaction.
 */
export async function reviewEvaluation(
  db: Db,
  actor: Actor,
  user: User | null,
  id: string,
  input: ReviewInput,
  expectedVersion?: string,
  now: Date = new Date(),
): Promise<{ decision: ReviewInput['decision']; version: number | null }> {
  requireCoordinator(user);
  const v = parseOrThrow(reviewSchema, input);
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findEvaluation(trx, id);
    if (!row) throw evaluationErrors.evaluationNotFound(id);
    const problems: FieldProblem[] = [];
    if (v.decision === 'comment') {
      if (row.status === 'approved')
        problems.push(problem('form', 'evaluation.error.approvedNoEdit'));
    } else {
      problems.push(...stateProblem(row, 'in_review'));
      if (!problems.length && row.updated_by === user.id)
        problems.push(problem('decision', 'evaluation.error.ownReview'));
    }
    if (v.decision !== 'approve' && v.comment === '')
      problems.push(problem('comment', 'evaluation.error.commentRequired'));
    if (problems.length) throw errors.validation(problems);
    if (v.decision !== 'comment') checkVersion(row, expectedVersion);
    const at = now.toISOString();
    if (v.comment !== '') {
      await repo.insertComment(trx, {
        id: newId(),
        evaluation_id: id,
        author_id: user.id,
        body: v.comment,
        created_at: at,
      });
    }
    if (v.decision === 'comment') {
      await recordAudit(trx, actor, {
        entity: 'evaluation',
        entityId: id,
        action: 'comment',
        changes: { comment: { before: null, after: v.comment } },
      });
      return { decision: v.decision, version: null };
    }
    let version: number | null = null;
    const status = v.decision === 'approve' ? 'approved' : 'draft';
    if (v.decision === 'approve') {
      version = row.approved_version + 1;
      const period = { start: row.period_start, end: row.period_end };
      const figures = await compileFigures(trx, {
        chainId: row.chain_id,
        period,
        previous: previousPeriod(period),
      });
      await repo.insertVersion(trx, {
        id: newId(),
        evaluation_id: id,
        number: version,
        title: row.title,
        period_start: row.period_start,
        period_end: row.period_end,
        sections_json: JSON.stringify(sectionsOf(row)),
        figures_json: JSON.stringify(figures),
        approved_by: user.id,
        approved_at: at,
        published_at: null,
        published_by: null,
      });
    }
    const changed = await repo.updateEvaluation(
      trx,
      id,
      {
        status,
        ...(version ? { approved_version: version } : {}),
        updated_by: user.id,
        updated_at: at,
      },
      row.updated_at,
    );
    if (changed === 0) throw errors.editConflict('evaluation', id, row.updated_at);
    await recordAudit(trx, actor, {
      entity: 'evaluation',
      entityId: id,
      action: v.decision === 'approve' ? 'approve' : 'return',
      changes: {
        status: { before: row.status, after: status },
        ...(version ? { version: { before: row.approved_version, after: version } } : {}),
        ...(v.comment ? { comment: { before: null, after: v.comment } } : {}),
      },
    });
    return { decision: v.decision, version };
  });
}

/** "Start a new version": an approved evaluation returns to draft, its text kept. */
export async function startNewVersion(
  db: Db,
  actor: Actor,
  user: User | null,
  id: string,
  expectedVersion?: string,
): Promise<void> {
  requireCoordinator(user);
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findEvaluation(trx, id);
    if (!row) throw evaluationErrors.evaluationNotFound(id);
    if (row.status !== 'approved')
      throw errors.validation([problem('form', 'evaluation.error.notApproved')]);
    checkVersion(row, expectedVersion);
    const changed = await repo.updateEvaluation(
      trx,
      id,
      { status: 'draft', updated_by: user.id, updated_at: nowIso() },
      row.updated_at,
    );
    if (changed === 0) throw errors.editConflict('evaluation', id, row.updated_at);
    await recordAudit(trx, actor, {
      entity: 'evaluation',
      entityId: id,
      action: 'reopen',
      changes: statusChange('approved', 'draft'),
    });
  });
}

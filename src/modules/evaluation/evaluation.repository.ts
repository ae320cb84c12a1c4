import type { Executor } from '../../db/database.ts';
import { withUserName } from '../../db/joins.ts';
import { hasRow, tableAccess } from '../../db/table-access.ts';
import type { EvaluationTable, EvaluationVersionTable } from './evaluation.table.ts';

// The evaluation's SQL (issue 15): evaluations, owners, review comments, approved versions,
// and the few reads of meetings and coordinators the trigger and the reminders need. The
// reports engineer's files read versions through the exported functions here.

export type EvaluationRow = EvaluationTable;
export type VersionRow = EvaluationVersionTable;

const evaluations = tableAccess('evaluation', '*');
const evaluationIds = tableAccess('evaluation', ['id']);
const evaluationPeriods = tableAccess('evaluation', ['id', 'period_end']);

export const findEvaluation = evaluations.find;
export const findEvaluationOfMeeting = (db: Executor, meetingId: string) =>
  evaluationIds.findBy(db, { meeting_id: meetingId });

/** The evaluation of the chain whose period ends last before `before` (for the next period). */
export const findLatestEvaluationBefore = (db: Executor, chainId: string, before: string) =>
  evaluationPeriods.first(db, { chain_id: chainId, period_end: ['<', before] }, [
    ['period_end', 'desc'],
  ]);

/** Every evaluation, the latest period first (a few a decade: no paging needed). */
export const listEvaluations = (db: Executor) =>
  evaluations.list(
    db,
    {},
    [
      ['period_end', 'desc'],
      ['created_at', 'desc'],
    ],
    { limit: 500 },
  );

export const insertEvaluation = evaluations.insert;

/**
 * Changes an evaluation only over the version read (`updated_at`, decision 022): returns
 * the number of rows changed (0: someone saved in between).
 */
export const updateEvaluation = (
  db: Executor,
  id: string,
  values: Partial<Omit<EvaluationTable, 'id'>>,
  expectedUpdatedAt: string,
) => evaluations.updateVersioned(db, id, values, expectedUpdatedAt);

// Owners

const owners = tableAccess('evaluation_owner', '*');

export const insertOwners = (db: Executor, evaluationId: string, userIds: readonly string[]) =>
  owners.insertMany(
    db,
    userIds.map((user_id) => ({ evaluation_id: evaluationId, user_id })),
  );

/** The owners of evaluations with their names and addresses, by evaluation. */
export function listOwners(db: Executor, evaluationIds: readonly string[]) {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_owner')
    .innerJoin('app_user', 'app_user.id', 'evaluation_owner.user_id')
    .select([
      'evaluation_owner.evaluation_id',
      'app_user.id',
      'app_user.name',
      'app_user.email',
      'app_user.active',
      'app_user.language',
    ])
    .where('evaluation_owner.evaluation_id', 'in', evaluationIds)
    .orderBy('app_user.name')
    .execute();
}

/** The evaluations a user owns that are not approved (their tasks). */
export function listOpenOwnedBy(db: Executor, userId: string) {
  return db
    .selectFrom('evaluation')
    .innerJoin('evaluation_owner', 'evaluation_owner.evaluation_id', 'evaluation.id')
    .select(['evaluation.id', 'evaluation.title', 'evaluation.due_on', 'evaluation.status'])
    .where('evaluation_owner.user_id', '=', userId)
    .where('evaluation.status', '!=', 'approved')
    .execute();
}

/** Evaluations in review the user neither owns nor submitted (a coordinator's reviews). */
export function listInReviewNotOwnedBy(db: Executor, userId: string) {
  return db
    .selectFrom('evaluation')
    .select(['evaluation.id', 'evaluation.title', 'evaluation.due_on'])
    .where('evaluation.status', '=', 'in_review')
    .where((eb) =>
      eb.or([eb('evaluation.updated_by', 'is', null), eb('evaluation.updated_by', '!=', userId)]),
    )
    .where((eb) =>
      eb.not(hasRow('evaluation_owner', 'evaluation_id', 'evaluation.id', { user_id: userId })(eb)),
    )
    .execute();
}

// Coordinators

/** The active coordinators (the possible owners), by name. */
export function listActiveCoordinators(db: Executor) {
  return db
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.name', 'app_user.email'])
    .where('app_user.active', '=', 1)
    .where(hasRow('user_role', 'user_id', 'app_user.id', { role: 'coordinator' }))
    .orderBy('app_user.name')
    .execute();
}

// Comments

export const insertComment = tableAccess('evaluation_comment', '*').insert;

export function listComments(db: Executor, evaluationId: string) {
  return db
    .selectFrom('evaluation_comment')
    .$call((q) => withUserName(q, 'evaluation_comment.author_id', 'author'))
    .select(['evaluation_comment.id', 'evaluation_comment.body', 'evaluation_comment.created_at'])
    .where('evaluation_comment.evaluation_id', '=', evaluationId)
    .orderBy('evaluation_comment.created_at')
    .orderBy('evaluation_comment.id')
    .execute();
}

// Versions (also read by the reports engineer's pages)

export const insertVersion = tableAccess('evaluation_version', '*').insert;

/** An evaluation's approved versions with their approver's name (which the pages show). */
const versionsOf = (db: Executor, evaluationId: string) =>
  db
    .selectFrom('evaluation_version')
    .$call((q) => withUserName(q, 'evaluation_version.approved_by', 'approver'))
    .where('evaluation_version.evaluation_id', '=', evaluationId);

/** An evaluation's approved versions, newest first, with the approver's name. */
export const listVersions = (db: Executor, evaluationId: string) =>
  versionsOf(db, evaluationId)
    .select([
      'evaluation_version.id',
      'evaluation_version.number',
      'evaluation_version.approved_at',
      'evaluation_version.published_at',
    ])
    .orderBy('evaluation_version.number', 'desc')
    .execute();

/** One approved version (text and figures as frozen), with the approver's name. */
export const findVersion = (db: Executor, evaluationId: string, number: number) =>
  versionsOf(db, evaluationId)
    .selectAll('evaluation_version')
    .where('evaluation_version.number', '=', number)
    .executeTakeFirst();

/** The latest approval of all evaluations of a chain (the P10 line). */
export function findLatestApproval(db: Executor, chainId: string) {
  return db
    .selectFrom('evaluation_version')
    .innerJoin('evaluation', 'evaluation.id', 'evaluation_version.evaluation_id')
    .select([
      'evaluation.id',
      'evaluation.meeting_id',
      'evaluation.period_end',
      'evaluation_version.approved_at',
    ])
    .where('evaluation.chain_id', '=', chainId)
    .orderBy('evaluation.period_end', 'desc')
    .orderBy('evaluation_version.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// Meetings (read for the trigger and the P10 line; the meetings module writes them)

const meetingRows = tableAccess('meeting', [
  'id',
  'chain_id',
  'year',
  'host_city_id',
  'start_date',
  'end_date',
  'status',
]);
const heldMeetings = tableAccess('meeting', ['id', 'year', 'start_date', 'end_date', 'updated_at']);
const latestHeld = tableAccess('meeting', ['id', 'year', 'start_date', 'end_date']);
const held = (chainId: string, hostCityId: string) =>
  ({ chain_id: chainId, host_city_id: hostCityId, status: 'held' }) as const;

export const findMeetingRow = meetingRows.find;

/** The latest meeting held in a city before `year` (its end, else start date; and year). */
export const findPreviousHeldHostedBy = (
  db: Executor,
  chainId: string,
  hostCityId: string,
  year: number,
) =>
  heldMeetings.first(db, { ...held(chainId, hostCityId), year: ['<', year] }, [['year', 'desc']]);

/** The latest held meeting a city hosted (the P10 line), any year. */
export const findLatestHeldHostedBy = (db: Executor, chainId: string, hostCityId: string) =>
  latestHeld.first(db, held(chainId, hostCityId), [['year', 'desc']]);

// Reminders

/** Evaluations not approved whose due date lies within [from, to]: reminder candidates. */
export function listReminderCandidates(db: Executor) {
  return db
    .selectFrom('evaluation')
    .select([
      'id',
      'title',
      'due_on',
      'status',
      'reminder_before_sent_at',
      'reminder_after_sent_at',
    ])
    .where('status', '!=', 'approved')
    .where((eb) =>
      eb.or([eb('reminder_before_sent_at', 'is', null), eb('reminder_after_sent_at', 'is', null)]),
    )
    .execute();
}

/** Marks a reminder sent only if it was not (a second run sends nothing); true if claimed. */
export const claimReminder = (
  db: Executor,
  id: string,
  column: 'reminder_before_sent_at' | 'reminder_after_sent_at',
  at: string,
): Promise<boolean> => evaluations.claim(db, { id, status: ['!=', 'approved'] }, column, at);

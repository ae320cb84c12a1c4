import type { ExpressionBuilder } from 'kysely';
import { countWhere } from '../../db/aggregates.ts';
import type { Database, Executor } from '../../db/database.ts';
import { withUserName } from '../../db/joins.ts';
import { tableAccess } from '../../db/table-access.ts';

const TEMPLATE_COLUMNS = [
  'id',
  'position',
  'title_sv',
  'title_en',
  'description',
  'offset_months',
  'offset_days',
  'active',
] as const;

const templateTasks = tableAccess('host_plan_template_task', TEMPLATE_COLUMNS, {
  fixed: ['created_at'],
});

export const listTemplateTasks = (db: Executor, activeOnly = false) =>
  templateTasks.list(db, activeOnly ? { active: 1 } : {}, ['position', 'created_at']);

export type TemplateTaskRow = Awaited<ReturnType<typeof listTemplateTasks>>[number];

export const findTemplateTask = templateTasks.find;
export const insertTemplateTask = templateTasks.insert;
export const updateTemplateTask = templateTasks.update;

const TASK_COLUMNS = [
  'host_plan_task.id',
  'host_plan_task.meeting_id',
  'host_plan_task.template_task_id',
  'host_plan_task.position',
  'host_plan_task.title',
  'host_plan_task.description',
  'host_plan_task.due_on',
  'host_plan_task.owner_user_id',
  'host_plan_task.status',
  'host_plan_task.notes',
  'host_plan_task.reminded_on',
  'host_plan_task.completed_at',
] as const;

/** A meeting's plan tasks, with the template's English title where the task came from one. */
export function listPlanTasks(db: Executor, meetingId: string) {
  return db
    .selectFrom('host_plan_task')
    .leftJoin(
      'host_plan_template_task',
      'host_plan_template_task.id',
      'host_plan_task.template_task_id',
    )
    .$call((q) => withUserName(q, 'host_plan_task.owner_user_id', 'owner'))
    .select(TASK_COLUMNS)
    .select([
      'host_plan_template_task.title_sv as template_title_sv',
      'host_plan_template_task.title_en as template_title_en',
    ])
    .where('host_plan_task.meeting_id', '=', meetingId)
    .orderBy('host_plan_task.due_on')
    .orderBy('host_plan_task.position')
    .execute();
}

export type PlanTaskRow = Awaited<ReturnType<typeof listPlanTasks>>[number];

export function findPlanTask(db: Executor, meetingId: string, id: string) {
  return db
    .selectFrom('host_plan_task')
    .select(TASK_COLUMNS)
    .where('host_plan_task.meeting_id', '=', meetingId)
    .where('host_plan_task.id', '=', id)
    .executeTakeFirst();
}

/** Writes and counts; the reads above join the template and the owner. */
const planTasks = tableAccess('host_plan_task', '*', { fixed: ['meeting_id', 'created_at'] });

export const countPlanTasks = (db: Executor, meetingId: string) =>
  planTasks.count(db, { meeting_id: meetingId });

/**
 * What a set of plan tasks counts: how many, how many closed (done or not applicable) and
 * how many open ones are due before `today`.
 */
export const planTaskCounts = (
  eb: ExpressionBuilder<Database, 'host_plan_task'>,
  today: string,
) => [
  eb.fn.countAll<number>().as('total'),
  countWhere(eb, eb('status', 'in', ['done', 'not_applicable'])).as('closed'),
  countWhere(
    eb,
    eb.and([eb('status', 'in', ['todo', 'in_progress']), eb('due_on', '<', today)]),
  ).as('overdue'),
];

/** Per meeting: number of tasks, done ones and open ones due before `today`. */
export function listPlanCounts(db: Executor, today: string) {
  return db
    .selectFrom('host_plan_task')
    .select('meeting_id')
    .select((eb) => planTaskCounts(eb, today))
    .groupBy('meeting_id')
    .execute();
}

export const insertPlanTasks = planTasks.insertMany;
export const updatePlanTask = planTasks.update;

/** Active users holding the coordinator role: the possible task owners. */
export function listCoordinators(db: Executor) {
  return db
    .selectFrom('app_user')
    .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.name', 'app_user.email'])
    .where('user_role.role', '=', 'coordinator')
    .where('app_user.active', '=', 1)
    .distinct()
    .orderBy('app_user.name')
    .execute();
}

/** Open tasks with an active owner, due on or before `until`, with what a reminder needs. */
export function listOpenTasksDueBy(db: Executor, until: string) {
  return db
    .selectFrom('host_plan_task')
    .innerJoin('app_user', 'app_user.id', 'host_plan_task.owner_user_id')
    .innerJoin('meeting', 'meeting.id', 'host_plan_task.meeting_id')
    .select([
      'host_plan_task.id',
      'host_plan_task.meeting_id',
      'host_plan_task.title',
      'host_plan_task.due_on',
      'host_plan_task.reminded_on',
      'host_plan_task.owner_user_id',
      'app_user.email as owner_email',
      'app_user.name as owner_name',
      'meeting.year as meeting_year',
    ])
    .where('host_plan_task.status', 'in', ['todo', 'in_progress'])
    .where('app_user.active', '=', 1)
    .where('host_plan_task.due_on', '<=', until)
    .orderBy('host_plan_task.due_on')
    .execute();
}

export async function markReminded(db: Executor, ids: readonly string[], on: string) {
  if (ids.length === 0) return 0;
  return planTasks.updateWhere(db, { id: ['in', ids] }, { reminded_on: on });
}

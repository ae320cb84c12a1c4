import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { createAudited, diff, recordAudit, type Actor } from '../audit/index.ts';
import { findCityRecord, listCities, type City } from '../cities/index.ts';
import { addToPlainDate } from './delegation.dates.ts';
import * as meetings from './delegation.repository.ts';
import { meetingNotFound, type MeetingSummary } from './delegation.service.ts';
import { parseOrThrow, zodProblems } from '../../shared/validation.ts';
import * as repo from './host-plan.repository.ts';
import { planTaskForm, templateTaskForm, type TaskStatus } from './host-plan.schema.ts';
import { meetingsErrors } from './errors.ts';

/** The default template (issue 5, P5): offsets from the meeting's first day. */
export const DEFAULT_TEMPLATE = [
  { sv: 'Boka lokal för mötet', en: 'Book the venue', months: -12, days: 0 },
  {
    sv: 'Skicka inbjudan till vänorterna',
    en: 'Send the invitations to the twin cities',
    months: -8,
    days: 0,
  },
  { sv: 'Fastställ tema och program', en: 'Settle the theme and programme', months: -6, days: 0 },
  { sv: 'Boka talare', en: 'Book the speakers', months: -4, days: 0 },
  { sv: 'Samla in delegationslistor', en: 'Collect the delegation lists', months: -2, days: 0 },
  {
    sv: 'Ordna logistik (resor, hotell, kost, tillgänglighet)',
    en: 'Arrange the logistics (travel, hotels, diet, access)',
    months: -1,
    days: 0,
  },
  { sv: 'Dokumentera mötet', en: 'Document the meeting', months: 0, days: 14 },
  { sv: 'Utvärdera mötet', en: 'Evaluate the meeting', months: 3, days: 0 },
] as const;

export interface TemplateTask {
  id: string;
  position: number;
  titleSv: string;
  titleEn: string;
  offsetMonths: number;
  offsetDays: number;
  active: boolean;
}

const toTemplateTask = (r: repo.TemplateTaskRow): TemplateTask => ({
  id: r.id,
  position: r.position,
  titleSv: r.title_sv,
  titleEn: r.title_en,
  offsetMonths: r.offset_months,
  offsetDays: r.offset_days,
  active: r.active === 1,
});

/** Seeds the default template when there is none (first use); returns whether it did. */
export async function ensureDefaultTemplate(trx: Executor, actor: Actor): Promise<boolean> {
  if ((await repo.listTemplateTasks(trx)).length > 0) return false;
  const now = nowIso();
  for (const [i, task] of DEFAULT_TEMPLATE.entries()) {
    await repo.insertTemplateTask(trx, {
      id: newId(),
      position: i,
      title_sv: task.sv,
      title_en: task.en,
      description: null,
      offset_months: task.months,
      offset_days: task.days,
      active: 1,
      created_at: now,
      updated_at: now,
    });
  }
  await recordAudit(trx, actor, {
    entity: 'host_plan_template',
    entityId: null,
    action: 'seed',
    changes: { tasks: { before: 0, after: DEFAULT_TEMPLATE.length } },
  });
  return true;
}

/** The template, seeded with the default on first use. */
export async function getTemplate(db: Db, actor: Actor): Promise<TemplateTask[]> {
  let rows = await repo.listTemplateTasks(db.kysely);
  if (rows.length === 0) {
    await db.kysely.transaction().execute((trx) => ensureDefaultTemplate(trx, actor));
    rows = await repo.listTemplateTasks(db.kysely);
  }
  return rows.map(toTemplateTask);
}

const templateTaskNotFound = (id: string) => meetingsErrors.hostPlanTemplateTaskNotFound(id);
const taskNotFound = (id: string) => meetingsErrors.hostPlanTaskNotFound(id);

const parseTemplate = (values: Record<string, string>) => parseOrThrow(templateTaskForm, values);

export async function addTemplateTask(
  db: Db,
  actor: Actor,
  values: Record<string, string>,
): Promise<void> {
  const input = parseTemplate({ ...values, active: '1' });
  await db.kysely.transaction().execute(async (trx) => {
    await ensureDefaultTemplate(trx, actor);
    const all = await repo.listTemplateTasks(trx);
    await createAudited(
      trx,
      actor,
      { entity: 'host_plan_template_task', action: 'create' },
      repo.insertTemplateTask,
      {
        position: (all.at(-1)?.position ?? -1) + 1,
        title_sv: input.titleSv,
        title_en: input.titleEn || input.titleSv,
        description: null,
        offset_months: input.offsetMonths,
        offset_days: input.offsetDays,
        active: 1,
      },
    );
  });
}

export async function updateTemplateTask(
  db: Db,
  actor: Actor,
  id: string,
  values: Record<string, string>,
): Promise<void> {
  const existing = await repo.findTemplateTask(db.kysely, id);
  if (!existing) throw templateTaskNotFound(id);
  const input = parseTemplate(values);
  await db.kysely.transaction().execute(async (trx) => {
    const after = {
      title_sv: input.titleSv,
      title_en: input.titleEn || input.titleSv,
      offset_months: input.offsetMonths,
      offset_days: input.offsetDays,
      active: input.active ? 1 : 0,
    };
    await repo.updateTemplateTask(trx, id, { ...after, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      entity: 'host_plan_template_task',
      entityId: id,
      action: 'update',
      changes: diff(
        {
          title_sv: existing.title_sv,
          title_en: existing.title_en,
          offset_months: existing.offset_months,
          offset_days: existing.offset_days,
          active: existing.active,
        },
        after,
      ),
    });
  });
}

/** Moves a template task one step up or down (swaps positions with its neighbour). */
export async function moveTemplateTask(
  db: Db,
  actor: Actor,
  id: string,
  direction: string,
): Promise<void> {
  if (direction !== 'up' && direction !== 'down')
    throw errors.badRequest('direction must be up or down');
  await db.kysely.transaction().execute(async (trx) => {
    const all = await repo.listTemplateTasks(trx);
    const index = all.findIndex((t) => t.id === id);
    if (index < 0) throw templateTaskNotFound(id);
    const other = all[direction === 'up' ? index - 1 : index + 1];
    if (!other) return;
    const now = nowIso();
    // Renumber all to keep positions distinct, then swap the two.
    const order = all.map((t) => t.id);
    order[index] = other.id;
    order[all.indexOf(other)] = id;
    for (const [position, taskId] of order.entries())
      await repo.updateTemplateTask(trx, taskId, { position, updated_at: now });
    await recordAudit(trx, actor, {
      entity: 'host_plan_template_task',
      entityId: id,
      action: 'move',
      changes: { position: { before: index, after: order.indexOf(id) } },
    });
  });
}

/** Why a meeting cannot get a host plan, or null when it can. */
async function planRefusal(
  trx: Executor,
  meeting: meetings.MeetingRow,
): Promise<
  'hostPlan.error.notHome' | 'hostPlan.error.noStartDate' | 'hostPlan.error.exists' | null
> {
  const host = await findCityRecord(trx, { id: meeting.host_city_id });
  if (host?.kind !== 'home') return 'hostPlan.error.notHome';
  if (!meeting.start_date) return 'hostPlan.error.noStartDate';
  if ((await repo.countPlanTasks(trx, meeting.id)) > 0) return 'hostPlan.error.exists';
  return null;
}

/**
 * Creates a meeting's host plan (P5) from the active template tasks: for a meeting that
 * Gothenburg hosts, that has a start date and no plan yet. Due date = start + offsets.
 * Runs in the caller's transaction (the meeting service calls it when it plans a
 * Gothenburg meeting); audited. Throws a validation error naming why it cannot.
 */
export async function createHostPlan(
  trx: Executor,
  meetingId: string,
  actor: Actor,
  options: { ownerUserId?: string | null } = {},
): Promise<number> {
  const meeting = await meetings.findMeeting(trx, meetingId);
  if (!meeting) throw meetingNotFound(meetingId);
  const refusal = await planRefusal(trx, meeting);
  if (refusal) throw errors.validation([{ path: 'form', message: refusal }]);
  await ensureDefaultTemplate(trx, actor);
  const template = await repo.listTemplateTasks(trx, true);
  const now = nowIso();
  const rows = template.map((t, i) => ({
    id: newId(),
    meeting_id: meetingId,
    template_task_id: t.id,
    position: i,
    title: t.title_sv,
    description: t.description,
    due_on: addToPlainDate(meeting.start_date!, { months: t.offset_months, days: t.offset_days }),
    owner_user_id: options.ownerUserId ?? null,
    status: 'todo',
    notes: null,
    reminded_on: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertPlanTasks(trx, rows);
  await recordAudit(trx, actor, {
    entity: 'host_plan',
    entityId: meetingId,
    action: 'create',
    changes: { tasks: { before: 0, after: rows.length } },
  });
  return rows.length;
}

export interface PlanTask {
  id: string;
  title: string;
  titleEn: string | null;
  dueOn: string;
  ownerUserId: string | null;
  ownerName: string | null;
  status: TaskStatus;
  notes: string | null;
  overdue: boolean;
}

export interface HostPlan {
  meeting: MeetingSummary;
  host: City | null;
  tasks: PlanTask[];
  /** Why no plan can be created (when there is none), or null. */
  createRefusal: string | null;
  coordinators: { id: string; name: string }[];
}

const isOpen = (status: string) => status === 'todo' || status === 'in_progress';

export async function getHostPlan(db: Db, meetingId: string, today: string): Promise<HostPlan> {
  const meeting = await meetings.findMeeting(db.kysely, meetingId);
  if (!meeting) throw meetingNotFound(meetingId);
  const rows = await repo.listPlanTasks(db.kysely, meetingId);
  const cities = await listCities(db);
  return {
    meeting: {
      id: meeting.id,
      year: meeting.year,
      hostCityId: meeting.host_city_id,
      startDate: meeting.start_date,
      endDate: meeting.end_date,
      status: meeting.status,
      venue: meeting.venue,
    },
    host: cities.find((c) => c.id === meeting.host_city_id) ?? null,
    tasks: rows.map((r) => ({
      id: r.id,
      title: r.title,
      // The template's English title, while the task keeps the template's Swedish one.
      titleEn: r.template_title_sv === r.title ? r.template_title_en : null,
      dueOn: r.due_on,
      ownerUserId: r.owner_user_id,
      ownerName: r.owner_name,
      status: r.status as TaskStatus,
      notes: r.notes,
      overdue: isOpen(r.status) && r.due_on < today,
    })),
    createRefusal: rows.length > 0 ? null : await planRefusal(db.kysely, meeting),
    coordinators: (await repo.listCoordinators(db.kysely)).map((c) => ({ id: c.id, name: c.name })),
  };
}

/** Creates the plan from the page's button; the creating coordinator owns the tasks. */
export async function createHostPlanFor(db: Db, actor: Actor, meetingId: string): Promise<number> {
  return db.kysely
    .transaction()
    .execute((trx) => createHostPlan(trx, meetingId, actor, { ownerUserId: actor.userId }));
}

/** Changes a plan task: owner (a coordinator), due date, status, notes. */
export async function updatePlanTask(
  db: Db,
  actor: Actor,
  meetingId: string,
  taskId: string,
  values: Record<string, string>,
): Promise<void> {
  const meeting = await meetings.findMeeting(db.kysely, meetingId);
  if (!meeting) throw meetingNotFound(meetingId);
  const existing = await repo.findPlanTask(db.kysely, meetingId, taskId);
  if (!existing) throw taskNotFound(taskId);
  const parsed = planTaskForm.safeParse(values);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const owner = values.ownerUserId ?? '';
  if (owner && !(await repo.listCoordinators(db.kysely)).some((c) => c.id === owner))
    problems.push({ path: 'ownerUserId', message: 'hostPlan.error.ownerNotCoordinator' });
  if (!parsed.success || problems.length) throw errors.validation(problems);
  const input = parsed.data;
  await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const after = {
      owner_user_id: owner || null,
      due_on: input.dueOn,
      status: input.status,
      notes: input.notes.trim() || null,
      completed_at:
        input.status === 'done' ? (existing.status === 'done' ? existing.completed_at : now) : null,
    };
    await repo.updatePlanTask(trx, taskId, { ...after, updated_at: now });
    await recordAudit(trx, actor, {
      entity: 'host_plan_task',
      entityId: taskId,
      action: 'update',
      changes: diff(
        {
          owner_user_id: existing.owner_user_id,
          due_on: existing.due_on,
          status: existing.status,
          notes: existing.notes,
          completed_at: existing.completed_at,
        },
        after,
      ),
    });
  });
}

export interface HostPlanSummary {
  meeting: MeetingSummary;
  total: number;
  closed: number;
  overdue: number;
}

/** Meetings Gothenburg hosts (newest first) with their plan's progress. */
export async function hostPlanOverview(db: Db, today: string): Promise<HostPlanSummary[]> {
  const cities = await listCities(db);
  const home = cities.find((c) => c.kind === 'home');
  const counts = await repo.listPlanCounts(db.kysely, today);
  return (await meetings.listMeetings(db.kysely))
    .filter((m) => m.host_city_id === home?.id && m.status !== 'forecast')
    .map((m) => {
      const c = counts.find((x) => x.meeting_id === m.id);
      return {
        meeting: {
          id: m.id,
          year: m.year,
          hostCityId: m.host_city_id,
          startDate: m.start_date,
          endDate: m.end_date,
          status: m.status,
          venue: m.venue,
        },
        total: Number(c?.total ?? 0),
        closed: Number(c?.closed ?? 0),
        overdue: Number(c?.overdue ?? 0),
      };
    });
}

/**
 * Called by the meeting service whenever a meeting is scheduled or changed: once a
 * meeting Gothenburg hosts is planned (or confirmed) with a start date, its host plan is
 * created from the template in the same transaction (P5), owned by the coordinator who
 * planned it. Does nothing for other meetings or when the plan exists. Returns the
 * number of tasks created.
 */
export async function createHostPlanIfDue(
  trx: Executor,
  meetingId: string,
  actor: Actor,
): Promise<number> {
  const meeting = await meetings.findMeeting(trx, meetingId);
  if (!meeting || (meeting.status !== 'planned' && meeting.status !== 'confirmed')) return 0;
  if (await planRefusal(trx, meeting)) return 0;
  return createHostPlan(trx, meetingId, actor, { ownerUserId: actor.userId });
}

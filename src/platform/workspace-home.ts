import type { Db } from '../db/database.ts';
import type { PageContext } from './page-context.ts';
import type { User } from './identity.ts';

/**
 * What the workspace start page shows besides its links (issue 15, point 6; decision 024):
 * the things that wait for the signed-in person, with due dates, and for coordinators the
 * live status of every policy rule P1–P10. Each module adds its own through its descriptor
 * (`tasks`, `policy`); the start page asks these ports and names no module.
 */

/** Something the person must do next, e.g. "Answer the 2026 inventory" by a date. */
export interface WorkTask {
  /** A stable kind for grouping and tests, e.g. `evaluation.write`, `campaign.answer`. */
  kind: string;
  /** The text shown, already translated for the reader. */
  title: string;
  /** Where it is done (a path without language prefix). */
  href: string;
  /** The due date (YYYY-MM-DD), or null when there is none; overdue ones come first. */
  dueOn: string | null;
}

/** A module's tasks for one user (an empty list when it has none for them). */
export type TaskSource = (db: Db, user: User, ctx: PageContext) => Promise<WorkTask[]>;

export type PolicyRule = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8' | 'P9' | 'P10';

/** The live status of one policy rule, e.g. "P3: Gothenburg hosts in 2027 …" ✓. */
export interface PolicyRuleStatus {
  rule: PolicyRule;
  /** `ok`: the rule is followed; `attention`: something must be done; `info`: nothing to judge. */
  state: 'ok' | 'attention' | 'info';
  /** The status in one sentence, already translated for the reader. */
  text: string;
  /** Where the rule is handled (a path without language prefix). */
  href: string;
}

/** A module's lines of the policy panel (coordinators' start page). */
export type PolicyStatusSource = (db: Db, ctx: PageContext) => Promise<PolicyRuleStatus[]>;

/** A source that judges at a given instant (its tests pass their own `now`). */
export type TaskSourceAt = (db: Db, user: User, ctx: PageContext, now: Date) => Promise<WorkTask[]>;
export type PolicyStatusSourceAt = (
  db: Db,
  ctx: PageContext,
  now: Date,
) => Promise<PolicyRuleStatus[]>;

/**
 * The source's name without its `At` (`meetingTasksAt` → `meetingTasks`): the log names a
 * failing source by its function's name.
 */
function namedAfter<F extends (...args: never[]) => unknown>(fn: F, source: { name: string }): F {
  return Object.defineProperty(fn, 'name', { value: source.name.replace(/At$/, '') });
}

/** A source that judges at a given instant, judging at the time it runs (the home page's). */
export const tasksNow = (source: TaskSourceAt): TaskSource =>
  namedAfter<TaskSource>((db, user, ctx) => source(db, user, ctx, new Date()), source);
export const policyNow = (source: PolicyStatusSourceAt): PolicyStatusSource =>
  namedAfter<PolicyStatusSource>((db, ctx) => source(db, ctx, new Date()), source);

let taskSources: readonly TaskSource[] = [];
let policySources: readonly PolicyStatusSource[] = [];

/** Called by the module registry with every module's sources. */
export function installWorkspaceHome(
  tasks: readonly TaskSource[],
  policy: readonly PolicyStatusSource[],
): void {
  taskSources = [...tasks];
  policySources = [...policy];
}

/** Where a failing source is reported (the request's logger). */
export interface HomeLog {
  error(details: object, message: string): void;
}

/**
 * Asks every source side by side. A source that throws is logged and left out, so one
 * module's fault costs its own lines, not the whole start page.
 */
async function askAll<S extends TaskSource | PolicyStatusSource, T>(
  sources: readonly S[],
  ask: (source: S) => Promise<T[]>,
  log: HomeLog,
  port: 'tasks' | 'policy',
): Promise<T[]> {
  const settled = await Promise.allSettled(sources.map((source) => ask(source)));
  return settled.flatMap((result, i) => {
    if (result.status === 'fulfilled') return result.value;
    log.error(
      { err: result.reason as unknown, port, source: sources[i]?.name || `#${i}` },
      'workspace start page source failed',
    );
    return [];
  });
}

/** Every module's tasks for the user: overdue first, then by due date, undated last. */
export async function workTasks(
  db: Db,
  user: User,
  ctx: PageContext,
  log: HomeLog,
): Promise<WorkTask[]> {
  const tasks = await askAll(taskSources, (source) => source(db, user, ctx), log, 'tasks');
  return tasks.sort((a, b) => {
    if (a.dueOn === b.dueOn) return a.title.localeCompare(b.title, ctx.i18n.locale);
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  });
}

/** Every module's policy lines, in rule order (P1 … P10). */
export async function policyStatus(
  db: Db,
  ctx: PageContext,
  log: HomeLog,
): Promise<PolicyRuleStatus[]> {
  const lines = await askAll(policySources, (source) => source(db, ctx), log, 'policy');
  const order = (r: PolicyRule) => Number(r.slice(1));
  return lines.sort((a, b) => order(a.rule) - order(b.rule));
}

// Helpers for the modules' sources: the shapes most of their lines share.

/**
 * A task that counts things waiting (e.g. "3 collaborations to review"), due by the first
 * of them: no task when nothing waits.
 */
export function countTask(count: number, task: WorkTask): WorkTask[] {
  return count > 0 ? [task] : [];
}

/** One rule's line maker: the rule and its page fixed, the state and the text given. */
export function policyLine(
  rule: PolicyRule,
  href: string,
): (state: PolicyRuleStatus['state'], text: string) => PolicyRuleStatus {
  return (state, text) => ({ rule, state, text, href });
}

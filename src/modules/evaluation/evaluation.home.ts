import type { Db } from '../../db/database.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { hasRole } from '../../platform/roles.ts';
import type {
  PolicyRuleStatus,
  PolicyStatusSource,
  TaskSource,
  WorkTask,
} from '../../platform/workspace-home.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import { getChain, listCities } from '../cities/index.ts';
import * as repo from './evaluation.repository.ts';
import { gothenburgToday } from './evaluation.service.ts';

/**
 * The evaluation's part of the workspace start page (decision 024): what waits for a
 * coordinator (writing the evaluations they own; reviewing those others submitted), and the
 * P10 line of the policy panel.
 */
export const evaluationTasks: TaskSource = async (db, user, ctx) => {
  if (!hasRole(user, 'coordinator')) return [];
  const { t, intl } = ctx.i18n;
  const [owned, reviews] = await Promise.all([
    repo.listOpenOwnedBy(db.kysely, user.id),
    repo.listInReviewNotOwnedBy(db.kysely, user.id),
  ]);
  const tasks: WorkTask[] = [];
  for (const e of owned) {
    if (e.status !== 'draft') continue;
    tasks.push({
      kind: 'evaluation.write',
      title: t('evaluation.task.write', { title: e.title, date: formatPlainDate(e.due_on, intl) }),
      href: `/workspace/evaluations/${e.id}`,
      dueOn: e.due_on,
    });
  }
  for (const e of reviews) {
    tasks.push({
      kind: 'evaluation.review',
      title: t('evaluation.task.review', { title: e.title }),
      href: `/workspace/evaluations/${e.id}`,
      dueOn: e.due_on,
    });
  }
  return tasks;
};

/** The day (in Gothenburg) of an approval instant, as a date. */
const approvedOn = (iso: string, locale: string) =>
  formatPlainDate(gothenburgToday(new Date(iso)), locale);

/** P10: whether the evaluation after the latest meeting Gothenburg hosted is approved. */
export async function p10Status(
  db: Db,
  ctx: PageContext,
  now: Date = new Date(),
): Promise<PolicyRuleStatus> {
  const { t, intl } = ctx.i18n;
  const [chain, cities] = await Promise.all([getChain(db), listCities(db)]);
  const home = cities.find((c) => c.kind === 'home');
  const href = '/workspace/evaluations';
  if (!chain || !home)
    return { rule: 'P10', state: 'info', text: t('evaluation.p10.noChain'), href };
  const meeting = await repo.findLatestHeldHostedBy(db.kysely, chain.id, home.id);
  if (!meeting) return { rule: 'P10', state: 'info', text: t('evaluation.p10.noMeeting'), href };
  const year = String(meeting.year);
  const evaluation = await repo.findEvaluationOfMeeting(db.kysely, meeting.id);
  const row = evaluation ? await repo.findEvaluation(db.kysely, evaluation.id) : undefined;
  if (row && row.approved_version > 0) {
    const version = await repo.findVersion(db.kysely, row.id, row.approved_version);
    return {
      rule: 'P10',
      state: 'ok',
      text: t('evaluation.p10.approved', {
        year,
        date: version ? approvedOn(version.approved_at, intl) : '',
      }),
      href: `/workspace/evaluations/${row.id}`,
    };
  }
  if (row) {
    const overdue = row.due_on < gothenburgToday(now);
    return {
      rule: 'P10',
      state: 'attention',
      text: t(overdue ? 'evaluation.p10.overdue' : 'evaluation.p10.due', {
        year,
        date: formatPlainDate(row.due_on, intl),
      }),
      href: `/workspace/evaluations/${row.id}`,
    };
  }
  // Held before evaluations were kept here: an approval covering its end counts.
  const latest = await repo.findLatestApproval(db.kysely, chain.id);
  const end = meeting.end_date ?? meeting.start_date ?? `${year}-12-31`;
  if (latest && latest.period_end >= end)
    return {
      rule: 'P10',
      state: 'ok',
      text: t('evaluation.p10.approved', { year, date: approvedOn(latest.approved_at, intl) }),
      href: `/workspace/evaluations/${latest.id}`,
    };
  return {
    rule: 'P10',
    state: 'attention',
    text: t('evaluation.p10.missing', { year }),
    href: '/workspace/evaluations/new',
  };
}

export const evaluationPolicy: PolicyStatusSource = async (db, ctx) => [await p10Status(db, ctx)];

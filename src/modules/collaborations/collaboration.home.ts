import {
  countTask,
  policyLine,
  policyNow,
  tasksNow,
  type PolicyRuleStatus,
  type PolicyStatusSourceAt,
  type TaskSourceAt,
  type WorkTask,
} from '../../platform/workspace-home.ts';
import { addDays, formatPlainDate, gothenburgDay } from '../../shared/dates.ts';
import { listCities, localized } from '../cities/index.ts';
import * as repo from './home.repository.ts';

// What the collaborations module adds to the workspace start page (decision 028): the
// review queue and campaigns running short for coordinators, answers owed and items
// returned for reporters, and the policy lines P7 and P8.

/** Days within which the office aims to review a submission (its due date on the start page). */
export const REVIEW_DAYS = 14;
/** Days before a campaign's deadline from which its missing answers show to coordinators. */
export const CAMPAIGN_WARNING_DAYS = 14;
/** How many items of one kind a start page lists at most. */
const MAX_ITEMS = 20;

export const collaborationTasksAt: TaskSourceAt = async (db, user, ctx, now) => {
  const { t } = ctx.i18n;
  const today = gothenburgDay(now);
  const coordinator = user.roles.some((g) => g.role === 'coordinator');
  const organisations = [
    ...new Set(
      user.roles.flatMap((g) =>
        g.role === 'reporter' && g.organisationId ? [g.organisationId] : [],
      ),
    ),
  ];
  if (!coordinator && organisations.length === 0) return [];

  const [queue, campaigns, owed, collaborations, exchanges] = await Promise.all([
    coordinator ? repo.reviewQueue(db.kysely) : null,
    coordinator ? repo.listOpenCampaignCounts(db.kysely, MAX_ITEMS) : [],
    repo.listOwedAnswers(db.kysely, organisations, MAX_ITEMS),
    repo.listReturnedCollaborations(db.kysely, organisations, MAX_ITEMS),
    repo.listReturnedExchanges(db.kysely, organisations, MAX_ITEMS),
  ]);
  const tasks: WorkTask[] = [];

  if (queue) {
    const dueOn = queue.oldest ? addDays(gothenburgDay(new Date(queue.oldest)), REVIEW_DAYS) : null;
    tasks.push(
      ...countTask(queue.collaborations, {
        kind: 'review.collaborations',
        title: t('home.collaborations.task.reviewCollaborations', { count: queue.collaborations }),
        href: '/workspace/review',
        dueOn,
      }),
      ...countTask(queue.exchanges, {
        kind: 'review.exchanges',
        title: t('home.collaborations.task.reviewExchanges', { count: queue.exchanges }),
        href: '/workspace/review',
        dueOn,
      }),
    );
  }

  const warnFrom = addDays(today, CAMPAIGN_WARNING_DAYS);
  for (const c of campaigns) {
    if (c.deadline > warnFrom) continue;
    const missing = Number(c.asked) - Number(c.answered);
    tasks.push(
      ...countTask(missing, {
        kind: 'campaign.missing',
        title: t('home.collaborations.task.campaignMissing', { count: missing, title: c.title }),
        href: `/workspace/campaigns/${c.id}`,
        dueOn: c.deadline,
      }),
    );
  }

  for (const c of owed) {
    tasks.push({
      kind: 'campaign.answer',
      title:
        organisations.length > 1
          ? t('home.collaborations.task.answerFor', {
              title: c.title,
              organisation: c.organisation_name,
            })
          : t('home.collaborations.task.answer', { title: c.title }),
      href: `/workspace/campaigns/${c.id}/answer`,
      dueOn: c.deadline,
    });
  }

  for (const c of collaborations) {
    tasks.push({
      kind: 'collaboration.returned',
      title: t('home.collaborations.task.returnedCollaboration', { title: c.title }),
      href: `/workspace/collaborations/${c.id}/edit`,
      dueOn: null,
    });
  }

  if (exchanges.length > 0) {
    const cities = await listCities(db);
    for (const e of exchanges) {
      const city = cities.find((c) => c.id === e.city_id);
      tasks.push({
        kind: 'exchange.returned',
        title: t('home.collaborations.task.returnedExchange', {
          city: city ? localized(city, ctx.i18n.locale).name : '',
          date: formatPlainDate(e.occurred_on, ctx.i18n.intl),
        }),
        href: `/workspace/exchanges/${e.id}/edit`,
        dueOn: null,
      });
    }
  }
  return tasks;
};

/** The collaborations module's tasks for the signed-in user. */
export const collaborationHomeTasks = tasksNow(collaborationTasksAt);

export const collaborationPolicyAt: PolicyStatusSourceAt = async (db, ctx, now) => {
  const { t } = ctx.i18n;
  const today = gothenburgDay(now);
  const [running, campaign] = await Promise.all([
    repo.runningCollaborations(db.kysely),
    repo.latestCampaignCounts(db.kysely),
  ]);
  const lines: PolicyRuleStatus[] = [];

  // P7: administrations and companies run their collaborations. Attention: a planned or
  // ongoing collaboration belongs to an organisation no longer active (nobody runs it).
  const p7 = policyLine('P7', '/workspace/collaborations');
  lines.push(
    running.orphaned > 0
      ? p7('attention', t('home.collaborations.p7.orphaned', { count: running.orphaned }))
      : running.total > 0
        ? p7(
            'ok',
            t('home.collaborations.p7.ok', {
              count: running.total,
              organisations: running.organisations,
            }),
          )
        : p7('info', t('home.collaborations.p7.none')),
  );

  // P8: they inform the office. Attention: the latest campaign's deadline has passed and
  // organisations have not answered; info while it runs; ok when everyone answered.
  if (!campaign) {
    lines.push(policyLine('P8', '/workspace/campaigns')('info', t('home.collaborations.p8.none')));
  } else {
    const asked = Number(campaign.asked);
    const answered = Number(campaign.answered);
    const args = {
      answered,
      asked,
      title: campaign.title,
      deadline: formatPlainDate(campaign.deadline, ctx.i18n.intl),
    };
    const p8 = policyLine('P8', `/workspace/campaigns/${campaign.id}`);
    if (answered >= asked) lines.push(p8('ok', t('home.collaborations.p8.all', args)));
    else if (campaign.status === 'open' && campaign.deadline >= today)
      lines.push(p8('info', t('home.collaborations.p8.running', args)));
    else lines.push(p8('attention', t('home.collaborations.p8.missing', args)));
  }
  return lines;
};

/** The collaborations module's lines of the policy panel (P7, P8). */
export const collaborationHomePolicy = policyNow(collaborationPolicyAt);

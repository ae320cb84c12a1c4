import type { Db } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import {
  policyLine,
  policyNow,
  tasksNow,
  type PolicyRuleStatus,
  type PolicyStatusSourceAt,
  type TaskSourceAt,
  type WorkTask,
} from '../../platform/workspace-home.ts';
import { currentYear, formatDateRange } from '../../shared/dates.ts';
import { getChain, listCities, localized, type City } from '../cities/index.ts';
import { addToPlainDate, gothenburgDate } from './delegation.dates.ts';
import * as repo from './home.repository.ts';
import { rotationOverview } from './rotation.service.ts';

// What the meetings module adds to the workspace start page (decision 028): host-plan
// tasks, delegations to fill in or confirm, and the policy lines P2–P5.

/** How far ahead a host-plan task shows on its owner's start page. */
export const HOST_PLAN_HORIZON_DAYS = 30;
/** How many coming meetings the delegation tasks look at. */
const COMING_MEETINGS = 3;
/** How many host-plan tasks a start page lists at most. */
const MAX_PLAN_TASKS = 20;

const has = (user: User, role: User['roles'][number]['role']) =>
  user.roles.some((g) => g.role === role);

/** The meetings still to come that have not started (or have no dates yet). */
async function comingMeetings(db: Db, today: string, limit = COMING_MEETINGS) {
  const rows = await repo.listComingMeetings(db.kysely, Number(today.slice(0, 4)), limit + 2);
  return rows.filter((m) => m.start_date === null || m.start_date >= today).slice(0, limit);
}

export const meetingTasksAt: TaskSourceAt = async (db, user, ctx, now) => {
  const { t } = ctx.i18n;
  const today = gothenburgDate(now);
  const presidium = has(user, 'presidium');
  const partnerCities = user.roles.flatMap((g) =>
    g.role === 'partner' && g.cityId ? [g.cityId] : [],
  );
  const coordinator = has(user, 'coordinator');
  if (!presidium && partnerCities.length === 0 && !coordinator) return [];

  const tasks: WorkTask[] = [];
  const planTasks = coordinator
    ? repo.listOpenPlanTasksFor(
        db.kysely,
        user.id,
        addToPlainDate(today, { days: HOST_PLAN_HORIZON_DAYS }),
        MAX_PLAN_TASKS,
      )
    : Promise.resolve([]);

  if (presidium || partnerCities.length > 0) {
    const [cities, meetings] = await Promise.all([listCities(db), comingMeetings(db, today)]);
    const chain = await getChain(db, cities);
    const members = new Map((chain?.members ?? []).map((m) => [m.city.id, m.city]));
    const home = [...members.values()].find((c) => c.kind === 'home');
    const mine: City[] = [
      ...(presidium && home ? [home] : []),
      ...partnerCities.flatMap((id) => members.get(id) ?? []),
    ];
    const states = await repo.listDelegationStates(
      db.kysely,
      meetings.map((m) => m.id),
      mine.map((c) => c.id),
    );
    const name = (id: string) => {
      const city = cities.find((c) => c.id === id);
      return city ? localized(city, ctx.i18n.locale).name : '';
    };
    for (const meeting of meetings) {
      for (const city of mine) {
        const state = states.find((s) => s.meeting_id === meeting.id && s.city_id === city.id);
        if (state?.status === 'confirmed') continue;
        const nominated = state !== undefined && Number(state.members) > 0;
        const args = { year: meeting.year, host: name(meeting.host_city_id), city: name(city.id) };
        const title =
          city.kind === 'home'
            ? nominated
              ? t('home.meetings.task.confirmHome', args)
              : t('home.meetings.task.nominateHome', args)
            : nominated
              ? t('home.meetings.task.confirmPartner', args)
              : t('home.meetings.task.fillPartner', args);
        tasks.push({
          kind: city.kind === 'home' ? 'delegation.confirm' : 'delegation.fill',
          title,
          href: `/workspace/meetings/${meeting.id}/delegations/${city.slug}`,
          dueOn: meeting.start_date,
        });
      }
    }
  }

  for (const task of await planTasks) {
    tasks.push({
      kind: 'hostPlan.task',
      title: t('home.meetings.task.hostPlan', { year: task.year, title: task.title }),
      href: `/workspace/meetings/${task.meeting_id}/host-plan`,
      dueOn: task.due_on,
    });
  }
  return tasks;
};

/** The meetings module's tasks for the signed-in user. */
export const meetingTasks = tasksNow(meetingTasksAt);

export const meetingPolicyAt: PolicyStatusSourceAt = async (db, ctx, now) => {
  const { t } = ctx.i18n;
  const today = gothenburgDate(now);
  const thisYear = currentYear(now);
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  if (!chain) return [];
  const home = chain.members.find((m) => m.city.kind === 'home')?.city ?? null;
  const name = (id: string) => {
    const city = cities.find((c) => c.id === id);
    return city ? localized(city, ctx.i18n.locale).name : '';
  };
  const [meetings, rotation] = await Promise.all([
    comingMeetings(db, today, 10),
    rotationOverview(db, chain, thisYear, chain.members.length + 1, thisYear),
  ]);
  const next = meetings[0] ?? null;
  const homeMeeting = home ? (meetings.find((m) => m.host_city_id === home.id) ?? null) : null;
  const [states, plan] = await Promise.all([
    next && home ? repo.listDelegationStates(db.kysely, [next.id], [home.id]) : [],
    homeMeeting ? repo.planCounts(db.kysely, homeMeeting.id, today) : null,
  ]);
  const lines: PolicyRuleStatus[] = [];

  // P2: the twin cities meet every other year. Attention: no meeting registered within
  // the chain's interval from this year (the next one is not yet planned).
  const p2 = policyLine('P2', '/workspace/meetings');
  const lastYearOfWindow = thisYear + chain.intervalYears - 1;
  if (next && next.year <= lastYearOfWindow + 1) {
    lines.push(
      p2(
        'ok',
        next.start_date
          ? t('home.meetings.p2.ok', {
              host: name(next.host_city_id),
              dates: formatDateRange(next.start_date, next.end_date, ctx.i18n.intl),
            })
          : t('home.meetings.p2.okUndated', { year: next.year, host: name(next.host_city_id) }),
      ),
    );
  } else {
    lines.push(
      p2(
        'attention',
        t('home.meetings.p2.attention', { from: thisYear, to: lastYearOfWindow + 1 }),
      ),
    );
  }

  // P3: Gothenburg hosts every eighth year. Attention: the chain's cycle (or the forecast
  // distance between Gothenburg's next two turns) is not eight years.
  const p3 = policyLine('P3', '/workspace/meetings');
  const turn = rotation.p3;
  if (turn && rotation.homeNext) {
    const args = { year: rotation.homeNext.year, members: chain.members.length };
    lines.push(
      turn.ok
        ? p3('ok', t('home.meetings.p3.ok', { ...args, cycle: turn.cycleYears }))
        : p3(
            'attention',
            t('home.meetings.p3.attention', {
              ...args,
              cycle: turn.forecastYears ?? turn.cycleYears,
            }),
          ),
    );
  } else {
    lines.push(p3('attention', t('home.meetings.p3.noTurn')));
  }

  // P4: the presidium confirms Gothenburg's delegation. Attention: the next meeting's
  // delegation is not confirmed (not nominated, or nominated and waiting).
  const p4 = policyLine('P4', '/workspace/delegations');
  const state = states[0];
  if (!next) lines.push(p4('info', t('home.meetings.p4.noMeeting')));
  else if (state?.status === 'confirmed')
    lines.push(
      p4('ok', t('home.meetings.p4.ok', { year: next.year, count: Number(state.members) })),
    );
  else if (state && Number(state.members) > 0)
    lines.push(
      p4(
        'attention',
        t('home.meetings.p4.unconfirmed', { year: next.year, count: Number(state.members) }),
      ),
    );
  else lines.push(p4('attention', t('home.meetings.p4.none', { year: next.year })));

  // P5: the City Executive Office plans the meeting Gothenburg hosts. Attention: the
  // registered meeting has no host plan, or tasks of it are overdue.
  const p5 = policyLine('P5', '/workspace/host-plan');
  if (!homeMeeting || !plan)
    lines.push(
      p5(
        'info',
        rotation.homeNext
          ? t('home.meetings.p5.notRegistered', { year: rotation.homeNext.year })
          : t('home.meetings.p5.noTurn'),
      ),
    );
  else if (plan.total === 0)
    lines.push(p5('attention', t('home.meetings.p5.noPlan', { year: homeMeeting.year })));
  else if (plan.overdue > 0)
    lines.push(
      p5(
        'attention',
        t('home.meetings.p5.overdue', { year: homeMeeting.year, count: plan.overdue }),
      ),
    );
  else
    lines.push(
      p5(
        'ok',
        t('home.meetings.p5.ok', {
          year: homeMeeting.year,
          closed: plan.closed,
          total: plan.total,
        }),
      ),
    );
  return lines;
};

/** The meetings module's lines of the policy panel (P2–P5). */
export const meetingPolicy = policyNow(meetingPolicyAt);

import type { FastifyInstance } from 'fastify';
import type { PlainKey } from '../../platform/i18n/i18n.ts';
import { PERMISSION_ROLES } from '../../platform/permissions.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { pageContext, renderPage } from '../../platform/render.ts';
import {
  policyStatus,
  workTasks,
  type PolicyRule,
  type PolicyRuleStatus,
  type WorkTask,
} from '../../platform/workspace-home.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import { Layout } from '../../ui/layout.tsx';
import type { Role } from '../accounts/index.ts';

type LinkKey =
  Extract<PlainKey, `workspace.link.${string}`> extends `workspace.link.${infer K}`
    ? K extends `${string}.hint`
      ? never
      : K
    : never;

interface WorkspaceLink {
  key: LinkKey;
  href: string;
  /** Roles that see the link; `any` is every logged-in user. */
  roles: readonly Role[] | 'any';
}

const GROUPS: { title: PlainKey; links: WorkspaceLink[] }[] = [
  {
    title: 'workspace.group.twinCities',
    links: [
      { key: 'proposals', href: '/workspace/proposals', roles: ['coordinator'] },
      { key: 'decisions', href: '/workspace/decisions', roles: ['council'] },
      { key: 'cities', href: '/workspace/cities', roles: ['coordinator'] },
    ],
  },
  {
    title: 'workspace.group.meetings',
    links: [
      { key: 'meetings', href: '/workspace/meetings', roles: ['coordinator', 'partner'] },
      {
        key: 'delegations',
        href: '/workspace/delegations',
        roles: ['presidium', 'partner', 'coordinator'],
      },
      { key: 'hostPlans', href: '/workspace/host-plan', roles: ['coordinator'] },
      { key: 'hostPlanTemplate', href: '/workspace/host-plan-template', roles: ['coordinator'] },
    ],
  },
  {
    title: 'workspace.group.reporting',
    links: [
      { key: 'collaborations', href: '/workspace/collaborations', roles: 'any' },
      { key: 'exchanges', href: '/workspace/exchanges', roles: 'any' },
      { key: 'review', href: '/workspace/review', roles: ['coordinator'] },
      { key: 'evaluations', href: '/workspace/evaluations', roles: ['coordinator'] },
      { key: 'campaigns', href: '/workspace/campaigns', roles: ['coordinator', 'reporter'] },
      { key: 'import', href: '/workspace/import', roles: ['coordinator', 'reporter'] },
      { key: 'areas', href: '/workspace/areas', roles: ['coordinator'] },
      { key: 'knowledge', href: '/workspace/knowledge', roles: PERMISSION_ROLES.internal },
    ],
  },
  {
    title: 'workspace.group.information',
    links: [
      { key: 'news', href: '/workspace/news', roles: ['coordinator'] },
      { key: 'newsletter', href: '/workspace/newsletter', roles: ['coordinator'] },
    ],
  },
  {
    title: 'workspace.group.account',
    links: [
      { key: 'account', href: '/account', roles: 'any' },
      { key: 'admin', href: '/admin/users', roles: ['admin'] },
    ],
  },
];

/**
 * The workspace start page: for each role, the tasks it has, grouped by the policy's
 * areas. A link shows only when its page exists in this build and the user's roles
 * reach it, so the page never offers a door that answers 403 or 404.
 */
export async function workspacePages(app: FastifyInstance): Promise<void> {
  app.get('/workspace', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const roles = new Set(request.user?.roles.map((g) => g.role) ?? []);
    const groups = GROUPS.map((g) => ({
      title: g.title,
      links: g.links.filter(
        (l) =>
          (l.roles === 'any' || l.roles.some((r) => roles.has(r))) &&
          app.hasRoute({ method: 'GET', url: l.href }),
      ),
    })).filter((g) => g.links.length > 0);
    const ctx = pageContext(request, reply);
    const user = request.user;
    // The modules' sources run side by side; the policy panel only for coordinators.
    const [tasks, policy] = await Promise.all([
      user ? workTasks(app.db, user, ctx, request.log) : [],
      roles.has('coordinator') ? policyStatus(app.db, ctx, request.log) : null,
    ]);
    return renderPage(
      reply,
      WorkspacePage,
      { groups, roles: [...roles], tasks, policy, today: gothenburgToday() },
      { ctx },
    );
  });
}

/** Today's plain date in Gothenburg (what "overdue" is measured against). */
function gothenburgToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

const RULES: readonly PolicyRule[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'];
const STATE_SYMBOL = { ok: '✓', attention: '!', info: 'i' } as const;

function WorkspacePage({
  ctx,
  groups,
  roles,
  tasks,
  policy,
  today,
}: {
  ctx: PageContext;
  groups: { title: PlainKey; links: WorkspaceLink[] }[];
  roles: Role[];
  tasks: WorkTask[];
  policy: PolicyRuleStatus[] | null;
  today: string;
}) {
  const { t } = ctx.i18n;
  const tr = ctx.i18n.tDynamic;
  return (
    <Layout ctx={ctx} title={t('workspace.title')}>
      <h1>{t('workspace.title')}</h1>
      <p class="lead">{t('workspace.lead', { name: ctx.user?.name ?? '' })}</p>
      <p>
        {t('workspace.roles', { roles: ctx.i18n.formatList(roles.map((r) => tr(`role.${r}`))) })}
      </p>
      <TaskList ctx={ctx} tasks={tasks} today={today} roles={roles} />
      {policy ? <PolicyPanel ctx={ctx} lines={policy} /> : null}
      {groups.length === 0 ? <p>{t('workspace.none')}</p> : null}
      {groups.map((g, i) => (
        <section key={g.title} aria-labelledby={`workspace-group-${i}`}>
          <h2 id={`workspace-group-${i}`}>{t(g.title)}</h2>
          <ul class="card-list workspace-cards">
            {g.links.map((l) => (
              <li class="card" key={l.href}>
                <h3 class="card-title">
                  <a href={l.href}>{tr(`workspace.link.${l.key}`)}</a>
                </h3>
                <p>{tr(`workspace.link.${l.key}.hint`)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** The roles whose empty task list says what would show there, and what to do meanwhile. */
const EMPTY_FOR = ['coordinator', 'reporter', 'presidium', 'partner', 'council'] as const;

/** "Att göra": what waits for the person, overdue first, each a link with its due date. */
function TaskList({
  ctx,
  tasks,
  today,
  roles,
}: {
  ctx: PageContext;
  tasks: WorkTask[];
  today: string;
  roles: Role[];
}) {
  const { t } = ctx.i18n;
  const overdue = tasks.filter((task) => task.dueOn !== null && task.dueOn < today).length;
  return (
    <section aria-labelledby="workspace-todo" class="work-tasks">
      <h2 id="workspace-todo">{t('workspace.todo.title')}</h2>
      {tasks.length === 0 ? (
        <>
          <p>{t('workspace.todo.empty')}</p>
          {EMPTY_FOR.filter((role) => roles.includes(role)).map((role) => (
            <p key={role} class="hint" data-role={role}>
              {t(`workspace.todo.emptyFor.${role}`)}
            </p>
          ))}
        </>
      ) : (
        <>
          <p>{t('workspace.todo.summary', { count: tasks.length, overdue })}</p>
          <ul class="task-list">
            {tasks.map((task, i) => {
              const late = task.dueOn !== null && task.dueOn < today;
              return (
                <li key={i} class={late ? 'task task-overdue' : 'task'} data-kind={task.kind}>
                  <a href={task.href}>{task.title}</a>
                  {task.dueOn === null ? null : (
                    <p class="task-due">
                      {late ? (
                        <>
                          <strong class="task-late">
                            <span aria-hidden="true">! </span>
                            {t('workspace.todo.overdue')}
                          </strong>{' '}
                          {t('workspace.todo.wasDue', {
                            date: formatPlainDate(task.dueOn, ctx.i18n.intl),
                          })}
                        </>
                      ) : task.dueOn === today ? (
                        t('workspace.todo.dueToday')
                      ) : (
                        t('workspace.todo.due', {
                          date: formatPlainDate(task.dueOn, ctx.i18n.intl),
                        })
                      )}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** "Policyn just nu": every rule P1–P10 with its state in text and a symbol, linked. */
function PolicyPanel({ ctx, lines }: { ctx: PageContext; lines: PolicyRuleStatus[] }) {
  const { t } = ctx.i18n;
  const tr = ctx.i18n.tDynamic;
  return (
    <section aria-labelledby="workspace-policy" class="policy-panel">
      <h2 id="workspace-policy">{t('workspace.policy.title')}</h2>
      <p>{t('workspace.policy.lead')}</p>
      <ul class="policy-lines">
        {RULES.flatMap((rule) => {
          const own = lines.filter((l) => l.rule === rule);
          const shown: PolicyRuleStatus[] =
            own.length > 0
              ? own
              : [{ rule, state: 'info', text: t('workspace.policy.unknown'), href: '/policy' }];
          return shown.map((line, i) => (
            <li key={`${rule}-${i}`} class={`policy-line policy-${line.state}`} data-rule={rule}>
              <p class="policy-line-head">
                <span class="policy-state">
                  <span aria-hidden="true" class="policy-symbol">
                    {STATE_SYMBOL[line.state]}
                  </span>{' '}
                  {tr(`workspace.policy.state.${line.state}`)}
                </span>{' '}
                <a href={line.href}>
                  {rule} {tr(`workspace.policy.rule.${rule}`)}
                </a>
              </p>
              <p class="policy-line-text">{line.text}</p>
            </li>
          ));
        })}
      </ul>
    </section>
  );
}

import type { FastifyInstance } from 'fastify';
import type { PlainKey } from '../../platform/i18n/i18n.ts';
import { PERMISSION_ROLES } from '../../platform/permissions.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
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
    return sendPage(
      reply,
      <WorkspacePage ctx={pageContext(request, reply)} groups={groups} roles={[...roles]} />,
    );
  });
}

function WorkspacePage({
  ctx,
  groups,
  roles,
}: {
  ctx: PageContext;
  groups: { title: PlainKey; links: WorkspaceLink[] }[];
  roles: Role[];
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
      {groups.length === 0 ? <p>{t('workspace.none')}</p> : null}
      {groups.map((g, i) => (
        <section key={g.title} aria-labelledby={`workspace-group-${i}`}>
          <h2 id={`workspace-group-${i}`}>{t(g.title)}</h2>
          <ul class="card-list">
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

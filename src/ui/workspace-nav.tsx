import type { PlainKey } from '../platform/i18n/i18n.ts';
import type { PageContext } from '../platform/page-context.ts';
import { PERMISSION_ROLES } from '../platform/permissions.ts';
import type { Role } from '../platform/roles.ts';

/**
 * The workspace's places (issue 19, point 3; decision 034): one name each, the same key as
 * the start page's launcher (`workspace.link.<key>`), so the navigation, the launcher, the
 * page's heading and its title say the same thing. A place is listed only for the roles
 * that may use it (the same roles as the start page's launchers and the routes'
 * permissions); `also` are paths of pages that belong to the place without being below it.
 */
export interface WorkspacePlace {
  key: string;
  label: PlainKey;
  href: string;
  /** Roles that see the place; `any` is every signed-in person. */
  roles: readonly Role[] | 'any';
  also?: readonly (string | RegExp)[];
}

export const WORKSPACE_PLACES: readonly WorkspacePlace[] = [
  { key: 'home', label: 'workspace.title', href: '/workspace', roles: 'any' },
  {
    key: 'proposals',
    label: 'workspace.link.proposals',
    href: '/workspace/proposals',
    roles: ['coordinator'],
  },
  {
    key: 'decisions',
    label: 'workspace.link.decisions',
    href: '/workspace/decisions',
    roles: ['council'],
  },
  {
    key: 'cities',
    label: 'workspace.link.cities',
    href: '/workspace/cities',
    roles: ['coordinator'],
  },
  {
    key: 'meetings',
    label: 'workspace.link.meetings',
    href: '/workspace/meetings',
    roles: ['coordinator', 'partner'],
  },
  {
    key: 'delegations',
    label: 'workspace.link.delegations',
    href: '/workspace/delegations',
    roles: ['presidium', 'partner', 'coordinator'],
    // A meeting's delegation pages belong here: presidium and partner contacts reach them from here.
    also: [/^\/workspace\/meetings\/[^/]+\/delegations(?:\/|$)/],
  },
  {
    key: 'hostPlans',
    label: 'workspace.link.hostPlans',
    href: '/workspace/host-plan',
    roles: ['coordinator'],
    also: ['/workspace/host-plan-template', /^\/workspace\/meetings\/[^/]+\/host-plan(?:\/|$)/],
  },
  {
    key: 'collaborations',
    label: 'workspace.link.collaborations',
    href: '/workspace/collaborations',
    roles: 'any',
    also: ['/workspace/import', '/workspace/areas'],
  },
  {
    key: 'exchanges',
    label: 'workspace.link.exchanges',
    href: '/workspace/exchanges',
    roles: 'any',
  },
  {
    key: 'review',
    label: 'workspace.link.review',
    href: '/workspace/review',
    roles: ['coordinator'],
  },
  {
    key: 'campaigns',
    label: 'workspace.link.campaigns',
    href: '/workspace/campaigns',
    roles: ['coordinator', 'reporter'],
  },
  {
    key: 'evaluations',
    label: 'workspace.link.evaluations',
    href: '/workspace/evaluations',
    roles: ['coordinator'],
  },
  {
    key: 'records',
    label: 'workspace.link.records',
    href: '/workspace/records',
    roles: ['coordinator'],
  },
  {
    key: 'knowledge',
    label: 'workspace.link.knowledge',
    href: '/workspace/knowledge',
    roles: PERMISSION_ROLES.internal,
  },
  { key: 'news', label: 'workspace.link.news', href: '/workspace/news', roles: ['coordinator'] },
  {
    key: 'newsletter',
    label: 'workspace.link.newsletter',
    href: '/workspace/newsletter',
    roles: ['coordinator'],
  },
];

const within = (path: string, href: string) => path === href || path.startsWith(`${href}/`);

/** Is this a page of the workspace (where its navigation shows)? */
export function isWorkspacePath(path: string): boolean {
  return within(path, '/workspace');
}

/** The places a signed-in person may use, in the navigation's order. */
export function placesFor(ctx: PageContext): WorkspacePlace[] {
  const roles = new Set(ctx.user?.roles.map((g) => g.role) ?? []);
  return WORKSPACE_PLACES.filter((p) => p.roles === 'any' || p.roles.some((r) => roles.has(r)));
}

/**
 * The place a path belongs to: the start page only at `/workspace` itself, otherwise the
 * place whose address (or one of its `also`) is the longest prefix of the path.
 */
export function placeOf(path: string): WorkspacePlace | null {
  let best: { place: WorkspacePlace; length: number } | null = null;
  for (const place of WORKSPACE_PLACES) {
    if (place.key === 'home') continue;
    for (const address of [place.href, ...(place.also ?? [])]) {
      const length =
        typeof address === 'string'
          ? within(path, address)
            ? address.length
            : -1
          : (address.exec(path)?.[0].length ?? -1);
      if (length > (best?.length ?? -1)) best = { place, length };
    }
  }
  if (best) return best.place;
  return path === '/workspace' ? (WORKSPACE_PLACES[0] ?? null) : null;
}

/**
 * The workspace navigation: the person's places, the current one marked. On the place's
 * own page `aria-current="page"`; on a page within it (a meeting, a form) `"true"`, and the
 * breadcrumbs say where exactly.
 */
export function WorkspaceNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const current = placeOf(ctx.path);
  return (
    <nav class="workspace-nav" aria-label={t('layout.workspaceNav')}>
      <div class="container">
        <ul>
          {placesFor(ctx).map((place) => (
            <li key={place.key}>
              <a
                href={place.href}
                aria-current={
                  current?.key !== place.key ? undefined : ctx.path === place.href ? 'page' : 'true'
                }
              >
                {t(place.label)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** One step of the breadcrumbs: a page above this one (the last step is the page itself). */
export interface Crumb {
  href: string;
  label: string;
}

/**
 * The breadcrumbs of a page deeper than a place of the workspace: Arbetsyta › the place ›
 * the steps the page names (`trail`, e.g. the meeting) › the page itself. A place's own
 * page and the start page have none (the navigation says where you are).
 */
export function workspaceCrumbs(ctx: PageContext, trail: readonly Crumb[] = []): Crumb[] {
  const { t } = ctx.i18n;
  const place = placeOf(ctx.path);
  if (!place || ctx.path === place.href || ctx.path === '/workspace') return [];
  const steps: Crumb[] = [{ href: '/workspace', label: t('workspace.title') }];
  // The place only when the person may use it (a 403 page below it names no door they lack).
  if (placesFor(ctx).includes(place)) steps.push({ href: place.href, label: t(place.label) });
  for (const step of trail) {
    if (!steps.some((s) => s.href === step.href) && step.href !== ctx.path) steps.push(step);
  }
  return steps;
}

/** Breadcrumbs: an ordered list of links, then the current page's name (not a link). */
export function Breadcrumbs({
  ctx,
  steps,
  current,
}: {
  ctx: PageContext;
  steps: readonly Crumb[];
  current: string;
}) {
  if (steps.length === 0) return null;
  return (
    <nav class="breadcrumbs container" aria-label={ctx.i18n.t('layout.breadcrumbs')}>
      <ol>
        {steps.map((s) => (
          <li key={s.href}>
            <a href={s.href}>{s.label}</a>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

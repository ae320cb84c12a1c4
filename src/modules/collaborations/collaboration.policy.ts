import type { RoleGrant } from '../accounts/index.ts';

/** Who may do what with collaborations and exchanges (P7, P8). */
interface PolicyUser {
  roles: readonly RoleGrant[];
}

const isCoordinator = (user: PolicyUser | null) =>
  user?.roles.some((g) => g.role === 'coordinator') ?? false;

/** The organisations a user reports for ('all' for coordinators). */
export function reportingOrganisations(user: PolicyUser | null): 'all' | string[] {
  if (!user) return [];
  if (isCoordinator(user)) return 'all';
  return [
    ...new Set(
      user.roles.flatMap((g) =>
        g.role === 'reporter' && g.organisationId ? [g.organisationId] : [],
      ),
    ),
  ];
}

export const collaborationPolicy = {
  /** Registers or changes items of this organisation: its reporters and the coordinators. */
  canChange(user: PolicyUser | null, organisationId: string): boolean {
    const orgs = reportingOrganisations(user);
    return orgs === 'all' || orgs.includes(organisationId);
  },
  /** Registers anything at all. */
  canReport(user: PolicyUser | null): boolean {
    const orgs = reportingOrganisations(user);
    return orgs === 'all' || orgs.length > 0;
  },
  /** Acknowledges or returns reports; manages the areas. */
  canReview: (user: PolicyUser | null) => isCoordinator(user),
  /** Everyone logged in reads internal items too; the public only public, published ones. */
  readsInternal: (user: PolicyUser | null) => user !== null,
};

import { holds } from '../../platform/permissions.ts';
import type { RoleGrant } from '../accounts/index.ts';
import type { Scope } from './collaboration.repository.ts';

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
  /**
   * What a user reads of collaborations and exchanges (decision 016):
   * - Gothenburg's own roles (permission `internal`): everything, with contacts and review;
   * - a partner contact (and no Gothenburg role): the public, published ones and those that
   *   involve their own city, without Gothenburg staff's contacts or the review;
   * - anyone else (visitors, accounts without a role): the public, published ones.
   */
  readScope(user: PolicyUser | null): Scope {
    if (!user) return 'public';
    if (holds(user, 'internal')) return 'internal';
    const partnerCityIds = [
      ...new Set(user.roles.flatMap((g) => (g.role === 'partner' && g.cityId ? [g.cityId] : []))),
    ];
    return partnerCityIds.length > 0 ? { partnerCityIds } : 'public';
  },
  /**
   * Sees what is about Gothenburg's staff: a collaboration's contact (name, e-mail) and the
   * review (state, comments, who submitted and reviewed).
   */
  readsStaffDetails: (scope: Scope) => scope === 'internal',
  /** Exports of collaborations with their contacts: Gothenburg's own roles. */
  canExport: (user: PolicyUser | null) => holds(user, 'internal'),
  /** The knowledge bank, Gothenburg's internal learning: Gothenburg's own roles. */
  readsKnowledge: (user: PolicyUser | null) => holds(user, 'internal'),
};

import type { User } from '../accounts/index.ts';
import type { CityKind } from '../cities/index.ts';

/** What a delegation rule is about: whose delegation, at whose meeting. */
export interface DelegationScope {
  cityId: string;
  cityKind: CityKind;
  /** The host city of the meeting. */
  hostCityId: string;
}

export type DelegationAction = 'read' | 'manage' | 'readLogistics';

/** Why an action is refused: a message key shown on the 403 page. */
export type DelegationRefusal =
  | 'delegation.forbidden.presidiumOnly'
  | 'delegation.forbidden.ownCity'
  | 'delegation.forbidden.readOnly'
  | 'delegation.forbidden.logistics';

const has = (user: User, role: User['roles'][number]['role']) =>
  user.roles.some((g) => g.role === role);
const isPartnerOf = (user: User, cityId: string) =>
  user.roles.some((g) => g.role === 'partner' && g.cityId === cityId);

/**
 * Who may do what with a delegation (policy P4, DESIGN.md §5):
 * - Gothenburg's delegation (city kind `home`) is nominated, changed and confirmed only by
 *   the presidium; coordinators read it (they organise), nobody else changes it.
 * - A twin city's delegation is managed by that city's partner contacts only;
 *   coordinators and the presidium read it.
 * - Private logistics: the delegation's managers and the organisers (coordinators, and
 *   the partner contact of the meeting's host city).
 * Returns null when allowed, else the reason.
 */
export function delegationRefusal(
  user: User,
  action: DelegationAction,
  scope: DelegationScope,
): DelegationRefusal | null {
  const manager =
    scope.cityKind === 'home' ? has(user, 'presidium') : isPartnerOf(user, scope.cityId);
  switch (action) {
    case 'read':
      return has(user, 'presidium') || has(user, 'coordinator') || has(user, 'partner')
        ? null
        : 'delegation.forbidden.readOnly';
    case 'manage':
      if (manager) return null;
      if (scope.cityKind === 'home') return 'delegation.forbidden.presidiumOnly';
      return has(user, 'coordinator') || has(user, 'presidium')
        ? 'delegation.forbidden.readOnly'
        : 'delegation.forbidden.ownCity';
    case 'readLogistics':
      return manager || isOrganiser(user, scope.hostCityId)
        ? null
        : 'delegation.forbidden.logistics';
  }
}

/** The organisers of a meeting: Gothenburg's coordinators and the host city's partner contact. */
export function isOrganiser(user: User, hostCityId: string): boolean {
  return has(user, 'coordinator') || isPartnerOf(user, hostCityId);
}

/** Which cities' delegations a user works with on the overview: null means all. */
export function delegationScopeOf(user: User, homeCityId: string | null): string[] | null {
  if (has(user, 'coordinator')) return null;
  const ids = new Set<string>();
  if (has(user, 'presidium') && homeCityId) ids.add(homeCityId);
  for (const g of user.roles) if (g.role === 'partner' && g.cityId) ids.add(g.cityId);
  return [...ids];
}

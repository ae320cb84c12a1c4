import { isOneOf } from '../shared/one-of.ts';

/** The roles of DESIGN.md §5. A user has one or more. */
export const ROLES = [
  'staff',
  'reporter',
  'coordinator',
  'presidium',
  'council',
  'partner',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = isOneOf(ROLES);

/** A role and its scope: a reporter belongs to an organisation, a partner contact to a city. */
export interface RoleGrant {
  role: Role;
  organisationId: string | null;
  cityId: string | null;
}

/** Whether a user holds any of the roles. */
export function hasRole(
  user: { roles: RoleGrant[] } | null | undefined,
  ...roles: Role[]
): boolean {
  return !!user && user.roles.some((g) => roles.includes(g.role));
}

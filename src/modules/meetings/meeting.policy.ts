import type { RoleGrant } from '../accounts/index.ts';

/** Who is asking: the roles (with their city scope) of a logged-in user. */
export interface MeetingUser {
  roles: readonly RoleGrant[];
}

/**
 * Who edits a meeting (issue 5; DESIGN §5): Gothenburg's coordinators edit every meeting
 * (they run the Gothenburg-hosted ones and coordinate the chain); a partner contact edits
 * only the meetings their own city hosts.
 */
export function canEditMeeting(user: MeetingUser | null, hostCityId: string): boolean {
  if (!user) return false;
  return user.roles.some(
    (g) => g.role === 'coordinator' || (g.role === 'partner' && g.cityId === hostCityId),
  );
}

/** Changes to the rotation order (swaps, skipped turns) are the coordinators' (P5). */
export function canAdjustRotation(user: MeetingUser | null): boolean {
  return !!user?.roles.some((g) => g.role === 'coordinator');
}

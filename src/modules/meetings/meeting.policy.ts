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

/**
 * Gothenburg's roles that work with the twin-city meetings: the coordinators run and
 * coordinate them (P5), the presidium handles the politicians' participation (P4), the
 * council secretariat serves the council and its presidium.
 */
export const MEETING_WORK_ROLES = ['coordinator', 'presidium', 'council'] as const;

/**
 * Who opens a meeting's internal documents (decision 016): Gothenburg's roles that work
 * with the meetings, and the partner contacts of the cities that take part in this one
 * (`participantCityIds`: its host and every city with a delegation to it). Not Gothenburg's
 * other roles (staff, reporters, administrators), not other cities' partner contacts.
 * Public documents are everyone's.
 */
export function canReadInternalDocuments(
  user: MeetingUser | null,
  participantCityIds: readonly string[],
): boolean {
  if (!user) return false;
  return user.roles.some(
    (g) =>
      (MEETING_WORK_ROLES as readonly string[]).includes(g.role) ||
      (g.role === 'partner' && g.cityId !== null && participantCityIds.includes(g.cityId)),
  );
}

/**
 * Who opens a meeting document the registrar marked secret (offentlighets- och
 * sekretesslagen; the records module, decision 040): only Gothenburg's roles that work with
 * the meetings. A secret document is the city's own: never another city's partner contact,
 * even of a city that takes part.
 */
export function canReadSecretDocuments(user: MeetingUser | null): boolean {
  return (
    !!user && user.roles.some((g) => (MEETING_WORK_ROLES as readonly string[]).includes(g.role))
  );
}

import type { Role } from './roles.ts';

/**
 * Every route declares who may call it (`config.permission`). A route without one
 * stops the app at start-up. Each permission names the roles that hold it; `public`
 * is everyone, `authenticated` every logged-in user. Services check the finer rules
 * (e.g. a reporter's own organisation) in their `*.policy.ts`.
 */
export const PERMISSION_ROLES = {
  public: 'everyone',
  authenticated: 'any-role',
  /**
   * Gothenburg's own accounts, every role but the partner contacts of the twin cities:
   * Gothenburg's internal information (the knowledge bank, exports with staff contacts).
   * Decision 016.
   */
  internal: ['staff', 'reporter', 'coordinator', 'presidium', 'council', 'admin'],
  admin: ['admin'],
  /** Stadsledningskontoret's coordinators: proposals, city facts, reviews, host planning. */
  coordinator: ['coordinator'],
  /** The council secretariat: records council decisions. */
  council: ['council'],
  /** KF:s presidium: nominates and confirms Gothenburg's delegation (P4). */
  presidium: ['presidium'],
  /** Who works on meetings: Gothenburg's coordinators and the partner contacts (own city, checked in the service). */
  meetings: ['coordinator', 'partner'],
  /** Who works on delegations: the presidium (Gothenburg), partner contacts (own city), coordinators (organisers). */
  delegations: ['presidium', 'partner', 'coordinator'],
  /** Who keeps a city's facts: coordinators (every city, saved at once) and partner contacts (own city, as a suggestion a coordinator reviews; decision 036). */
  cityFacts: ['coordinator', 'partner'],
  /** Who reports collaborations and exchanges: reporters (own organisation, checked in the service) and coordinators. */
  reporting: ['reporter', 'coordinator'],
} as const satisfies Record<string, 'everyone' | 'any-role' | readonly Role[]>;

export type Permission = keyof typeof PERMISSION_ROLES;
export const PERMISSIONS = Object.keys(PERMISSION_ROLES) as Permission[];

/** Whether a user (null: anonymous) holds a permission. */
export function holds(
  user: { roles: readonly { role: Role }[] } | null,
  permission: Permission,
): boolean {
  const rule = PERMISSION_ROLES[permission];
  if (rule === 'everyone') return true;
  if (!user) return false;
  if (rule === 'any-role') return true;
  return user.roles.some((g) => (rule as readonly Role[]).includes(g.role));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

export interface RegisteredRoute {
  method: string | string[];
  url: string;
  permission: Permission | undefined;
}

export class UndeclaredPermissionError extends Error {
  constructor(routes: RegisteredRoute[]) {
    super(
      'Routes without a declared permission (set config.permission): ' +
        routes.map((r) => `${String(r.method)} ${r.url}`).join(', '),
    );
    this.name = 'UndeclaredPermissionError';
  }
}

/**
 * Every route declares who may call it (`config.permission`). A route without one
 * stops the app at start-up (see assertEveryRouteDeclared). The accounts issue adds
 * the role-based permissions; the foundation has only public routes.
 */
export const PERMISSIONS = ['public'] as const;
export type Permission = (typeof PERMISSIONS)[number];

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

import type { User } from '../accounts/index.ts';

/** Who imports for which organisation (checked in import.service.ts). */
export const importPolicy = {
  /** Coordinators for any organisation; reporters for their own. */
  importFor: (user: User, organisationId: string): boolean =>
    user.roles.some(
      (g) =>
        g.role === 'coordinator' || (g.role === 'reporter' && g.organisationId === organisationId),
    ),
  /** Only coordinators may take the organisation from a column of the file (many organisations). */
  organisationFromColumn: (user: User): boolean => user.roles.some((g) => g.role === 'coordinator'),
};

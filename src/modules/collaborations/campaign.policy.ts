import type { User } from '../accounts/index.ts';

/**
 * The finer rules of campaigns (inventering), checked in campaign.service.ts. The route's
 * permission (`reporting`: reporters and coordinators) lets a caller in; these decide
 * what that caller may do with a campaign.
 */
export const campaignPolicy = {
  /** Only the City Executive Office's coordinators start and close campaigns (P8). */
  run: (user: User): boolean => user.roles.some((g) => g.role === 'coordinator'),
  /** Coordinators see every campaign's table. */
  seeAll: (user: User): boolean => user.roles.some((g) => g.role === 'coordinator'),
  /** A reporter answers for their own organisation only. */
  answerFor: (user: User, organisationId: string): boolean =>
    user.roles.some((g) => g.role === 'reporter' && g.organisationId === organisationId),
};

/** The organisations a user reports for (their reporter grants). */
export function reporterOrganisations(user: User): string[] {
  return [
    ...new Set(
      user.roles.flatMap((g) =>
        g.role === 'reporter' && g.organisationId ? [g.organisationId] : [],
      ),
    ),
  ];
}

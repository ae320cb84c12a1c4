import { AppError, defineErrors, type ModuleErrorCodes } from '../../shared/errors.ts';

/**
 * The error codes of council decisions and proposals. The registry joins them into the one catalogue
 * (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const decisionsErrorSpecs = defineErrors({
  DECISION_NOT_FOUND: {
    status: 404,
    when: 'No council decision has the given id (also when a new decision names an unknown decision it supersedes).',
    message: 'No such decision',
  },
  PROPOSAL_NOT_FOUND: {
    status: 404,
    when: 'No proposal on a twin or partner city has the given id.',
    message: 'No such proposal',
  },
});

declare module '../../shared/errors.ts' {
  interface ErrorCodes extends ModuleErrorCodes<typeof decisionsErrorSpecs> {}
}

const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/** The factories: the usual way to make these errors. */
export const decisionsErrors = {
  decisionNotFound: (id: string) => new AppError('DECISION_NOT_FOUND', undefined, { id }),
  proposalNotFound: (id?: string) => new AppError('PROPOSAL_NOT_FOUND', undefined, withId(id)),
} as const;

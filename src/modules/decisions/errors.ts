import { defineErrors, errorAbout } from '../../shared/errors.ts';

/**
 * The error codes of council decisions and proposals. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
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

/** The factories: the usual way to make these errors. */
export const decisionsErrors = {
  decisionNotFound: errorAbout('DECISION_NOT_FOUND'),
  proposalNotFound: errorAbout('PROPOSAL_NOT_FOUND'),
} as const;

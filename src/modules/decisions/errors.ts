import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of council decisions and proposals. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: decisionsErrorSpecs, factories: decisionsErrors } = defineErrors({
  DECISION_NOT_FOUND: {
    status: 404,
    when: 'No council decision has the given id (also when a new decision names an unknown decision it supersedes).',
    message: 'No such decision',
    about: 'id',
  },
  PROPOSAL_NOT_FOUND: {
    status: 404,
    when: 'No proposal on a twin or partner city has the given id.',
    message: 'No such proposal',
    about: 'id',
  },
});

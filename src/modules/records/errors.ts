import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of public records. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: recordsErrorSpecs, factories: recordsErrors } = defineErrors({
  RECORD_NOT_FOUND: {
    status: 404,
    when: 'No decision, report or meeting document of the given kind has the given id (the register form of a record that does not exist), or no record has the case number or period asked to be exported.',
    message: 'No such record',
    cut: [
      ['kind', 20],
      ['id', 100],
    ],
  },
});

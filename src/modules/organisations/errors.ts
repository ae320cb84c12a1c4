import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of the register of administrations and companies. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: organisationsErrorSpecs, factories: organisationsErrors } = defineErrors({
  ORGANISATION_NOT_FOUND: {
    status: 404,
    when: 'No administration or company in the register has the given id.',
    message: 'No such organisation',
    about: 'id',
  },
});

import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of the yearly overview. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: overviewErrorSpecs, factories: overviewErrors } = defineErrors({
  OVERVIEW_YEAR_NOT_FOUND: {
    status: 404,
    when: 'The yearly overview was asked for a year that is not four digits between 1946 and the current year.',
    message: 'No overview for this year',
    page: { text: 'overview.err.yearNotFound' },
    cut: [['year', 20]],
  },
});

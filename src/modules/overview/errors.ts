import { AppError, defineErrors, type ModuleErrorCodes } from '../../shared/errors.ts';

/**
 * The error codes of the yearly overview. The registry joins them into the one catalogue
 * (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const overviewErrorSpecs = defineErrors({
  OVERVIEW_YEAR_NOT_FOUND: {
    status: 404,
    when: 'The yearly overview was asked for a year that is not four digits between 1946 and the current year.',
    message: 'No overview for this year',
    page: { text: 'overview.err.yearNotFound' },
  },
});

declare module '../../shared/errors.ts' {
  interface ErrorCodes extends ModuleErrorCodes<typeof overviewErrorSpecs> {}
}

/** The factories: the usual way to make these errors. */
export const overviewErrors = {
  overviewYearNotFound: (year: string) =>
    new AppError('OVERVIEW_YEAR_NOT_FOUND', undefined, { year: year.slice(0, 20) }),
} as const;

import { AppError, defineErrors, type ModuleErrorCodes } from '../../shared/errors.ts';

/**
 * The error codes of the register of administrations and companies. The registry joins them into the one catalogue
 * (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const organisationsErrorSpecs = defineErrors({
  ORGANISATION_NOT_FOUND: {
    status: 404,
    when: 'No administration or company in the register has the given id.',
    message: 'No such organisation',
  },
});

declare module '../../shared/errors.ts' {
  interface ErrorCodes extends ModuleErrorCodes<typeof organisationsErrorSpecs> {}
}

const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/** The factories: the usual way to make these errors. */
export const organisationsErrors = {
  organisationNotFound: (id?: string) =>
    new AppError('ORGANISATION_NOT_FOUND', undefined, withId(id)),
} as const;

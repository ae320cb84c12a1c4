import { AppError, defineErrors, type ModuleErrorCodes } from '../../shared/errors.ts';

/**
 * The error codes of collaborations, exchanges, areas, campaigns and imports. The registry joins them into the one catalogue
 * (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const collaborationsErrorSpecs = defineErrors({
  NOT_YOUR_ORGANISATION: {
    status: 403,
    when: 'A reporter tries to change a collaboration or exchange that another organisation owns.',
    message: 'Only the reporters of the owner organisation and the coordinators may change this',
    page: { text: 'collab.err.notYourOrganisation' },
  },
  COLLABORATION_NOT_FOUND: {
    status: 404,
    when: 'No collaboration has the given id, or the public asks for one that is internal or not yet published.',
    message: 'No such collaboration',
  },
  EXCHANGE_NOT_FOUND: {
    status: 404,
    when: 'No experience exchange has the given id.',
    message: 'No such exchange',
  },
  AREA_NOT_FOUND: {
    status: 404,
    when: 'No collaboration area has the given id.',
    message: 'No such area',
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    when: 'No campaign (inventory of collaborations) has the given id.',
    message: 'No such campaign',
  },
  IMPORT_NOT_FOUND: {
    status: 404,
    when: 'No import started by the calling user has the given id, or its uploaded data is gone.',
    message: 'No such import',
  },
  CAMPAIGN_CLOSED: {
    status: 409,
    when: 'An answer to a campaign is given or changed after the campaign was closed.',
    message: 'The campaign is closed; its answers are frozen',
    page: { text: 'error.campaignClosed.text' },
  },
});

declare module '../../shared/errors.ts' {
  interface ErrorCodes extends ModuleErrorCodes<typeof collaborationsErrorSpecs> {}
}

/** The factories: the usual way to make these errors. */
export const collaborationsErrors = {
  collaborationNotFound: (id: string) => new AppError('COLLABORATION_NOT_FOUND', undefined, { id }),
  exchangeNotFound: (id: string) => new AppError('EXCHANGE_NOT_FOUND', undefined, { id }),
  notYourOrganisation: () => new AppError('NOT_YOUR_ORGANISATION'),
  areaNotFound: (id: string) => new AppError('AREA_NOT_FOUND', undefined, { id }),
  campaignNotFound: (id: string) => new AppError('CAMPAIGN_NOT_FOUND', undefined, { id }),
  campaignClosed: (id: string) => new AppError('CAMPAIGN_CLOSED', undefined, { id }),
  importNotFound: (id: string) => new AppError('IMPORT_NOT_FOUND', undefined, { id }),
} as const;

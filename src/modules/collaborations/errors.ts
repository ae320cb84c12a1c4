import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of collaborations, exchanges, areas, campaigns and imports. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: collaborationsErrorSpecs, factories: collaborationsErrors } = defineErrors({
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
    about: 'id',
  },
  EXCHANGE_NOT_FOUND: {
    status: 404,
    when: 'No experience exchange has the given id.',
    message: 'No such exchange',
    about: 'id',
  },
  AREA_NOT_FOUND: {
    status: 404,
    when: 'No collaboration area has the given id.',
    message: 'No such area',
    about: 'id',
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    when: 'No campaign (inventory of collaborations) has the given id.',
    message: 'No such campaign',
    about: 'id',
  },
  IMPORT_NOT_FOUND: {
    status: 404,
    when: 'No import started by the calling user has the given id, or its uploaded data is gone.',
    message: 'No such import',
    about: 'id',
  },
  CAMPAIGN_CLOSED: {
    status: 409,
    when: 'An answer to a campaign is given or changed after the campaign was closed.',
    message: 'The campaign is closed; its answers are frozen',
    page: { text: 'error.campaignClosed.text' },
    about: 'id',
  },
});

/**
 * The public surface of the organisations module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export { organisationForm } from './organisation.schema.ts';
export type { OrganisationInput } from './organisation.schema.ts';
export {
  createOrganisation,
  findOrganisationBySlug,
  listOrganisations,
  setOrganisationActive,
  slugify,
  updateOrganisation,
} from './organisation.service.ts';
export type { Organisation } from './organisation.service.ts';
export { organisationsErrors } from './errors.ts';

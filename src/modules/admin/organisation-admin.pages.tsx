import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { formPage } from '../../platform/form-page.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { organisationForm, type OrganisationInput } from '../organisations/index.ts';
import {
  createOrganisation,
  listOrganisations,
  setOrganisationActive,
  updateOrganisation,
} from '../organisations/index.ts';
import { ADMIN, activeRoute, byId } from './admin-routes.ts';
import { OrganisationPage, OrganisationsPage } from './views/organisations-page.tsx';
import { organisationsErrors } from '../organisations/index.ts';

/** The register of administrations and companies. */
export function organisationAdminRoutes(scope: FastifyInstance): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  const renderOrganisations = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: OrganisationInput,
  ) =>
    renderPage(reply, OrganisationsPage, {
      organisations: await listOrganisations(app.db.kysely),
      values,
    });

  formPage(
    app,
    '/admin/organisations',
    { config: ADMIN },
    {
      show: renderOrganisations,
      form: (request) => ({
        values: readForm(request.body, organisationForm),
        submit: (v) => createOrganisation(app.db, actorOf(request), v),
        done: () => ({ to: '/admin/organisations', flash: 'flash.saved' }),
      }),
    },
  );

  const renderOrganisation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: OrganisationInput,
  ) => {
    const organisation = (await listOrganisations(app.db.kysely)).find((o) => o.id === id);
    if (!organisation) throw organisationsErrors.organisationNotFound(id);
    return renderPage(reply, OrganisationPage, { organisation, values });
  };

  byId(app, 'get', '/admin/organisations/:id', (request, reply, id) =>
    renderOrganisation(request, reply, id),
  );

  byId(app, 'post', '/admin/organisations/:id', (request, reply, id) =>
    submitForm(request, reply, {
      values: readForm(request.body, organisationForm),
      submit: (v) => updateOrganisation(app.db, actorOf(request), id, v),
      invalid: ({ values }) => renderOrganisation(request, reply, id, values),
      done: () => ({ to: '/admin/organisations', flash: 'flash.saved' }),
    }),
  );

  activeRoute(app, '/admin/organisations', {
    set: (actor, id, active) => setOrganisationActive(app.db, actor, id, active),
    invalid: (request, reply) => renderOrganisations(request, reply),
    back: () => '/admin/organisations',
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { formStrings, readForm, submitForm } from '../../platform/forms.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
import { errors } from '../../shared/errors.ts';
import { organisationForm, type OrganisationInput } from '../organisations/index.ts';
import {
  createOrganisation,
  listOrganisations,
  setOrganisationActive,
  updateOrganisation,
} from '../organisations/index.ts';
import { OrganisationPage, OrganisationsPage } from './views/organisations-page.tsx';

const ADMIN = { permission: 'admin' } as const;
const idParams = z.object({ id: z.string().max(100) });

/** The register of administrations and companies. */
export function organisationAdminRoutes(scope: FastifyInstance): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  const renderOrganisations = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: OrganisationInput,
  ) =>
    sendPage(
      reply,
      <OrganisationsPage
        ctx={pageContext(request, reply)}
        organisations={await listOrganisations(app.db.kysely)}
        values={values}
      />,
    );

  app.get('/admin/organisations', { config: ADMIN }, async (request, reply) =>
    renderOrganisations(request, reply),
  );

  app.post('/admin/organisations', { config: ADMIN }, async (request, reply) =>
    submitForm(request, reply, {
      values: readForm(request.body, organisationForm, 320),
      submit: (v) => createOrganisation(app.db, actorOf(request), v),
      invalid: ({ values }) => renderOrganisations(request, reply, values),
      done: () => ({ to: '/admin/organisations', flash: 'flash.saved' }),
    }),
  );

  const renderOrganisation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: OrganisationInput,
  ) => {
    const organisation = (await listOrganisations(app.db.kysely)).find((o) => o.id === id);
    if (!organisation) throw errors.organisationNotFound(id);
    return sendPage(
      reply,
      <OrganisationPage
        ctx={pageContext(request, reply)}
        organisation={organisation}
        values={values}
      />,
    );
  };

  app.get(
    '/admin/organisations/:id',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => renderOrganisation(request, reply, request.params.id),
  );

  app.post(
    '/admin/organisations/:id',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        values: readForm(request.body, organisationForm, 320),
        submit: (v) => updateOrganisation(app.db, actorOf(request), id, v),
        invalid: ({ values }) => renderOrganisation(request, reply, id, values),
        done: () => ({ to: '/admin/organisations', flash: 'flash.saved' }),
      });
    },
  );

  app.post(
    '/admin/organisations/:id/active',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        values: formStrings(request.body, ['active'], 10),
        submit: (v) => setOrganisationActive(app.db, actorOf(request), id, v.active === '1'),
        invalid: () => renderOrganisations(request, reply),
        done: () => ({ to: '/admin/organisations', flash: 'flash.saved' }),
      });
    },
  );
}

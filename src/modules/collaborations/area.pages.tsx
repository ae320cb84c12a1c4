import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { formPage } from '../../platform/form-page.ts';
import { formStrings, readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { addArea, areasForForms, renameArea, setAreaActive } from './area.service.ts';
import { areaForm, type AreaInput } from './collaboration.schema.ts';
import { COORDINATOR, idParams } from './report.routes.tsx';
import { AreasPage, areaFieldId } from './views/area-pages.tsx';

/** The areas of collaborations (P7): coordinators add, rename and (de)activate them. */
export const areaPages: FastifyPluginAsyncZod = async (app) => {
  const render = async (request: FastifyRequest, reply: FastifyReply, values?: AreaInput) =>
    renderPage(reply, AreasPage, { areas: await areasForForms(app.db), values });
  const done = () => ({ to: '/workspace/areas', flash: 'collab.flash.areaSaved' as const });

  formPage(
    app,
    '/workspace/areas',
    { config: COORDINATOR },
    {
      show: render,
      form: (request) => ({
        values: readForm(request.body, areaForm),
        submit: (values) => addArea(app.db, actorOf(request), values),
        done,
      }),
    },
  );

  app.post(
    '/workspace/areas/:id',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        values: readForm(request.body, areaForm),
        submit: (values) => renameArea(app.db, actorOf(request), id, values),
        invalid: () => render(request, reply),
        done,
        // The problems belong to the name fields in the area's own table row.
        fieldOf: (path) => (path ? areaFieldId(id, path) : 'form'),
      });
    },
  );

  app.post(
    '/workspace/areas/:id/active',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(request, reply, {
        values: formStrings(request.body, ['active'], 2),
        submit: (values) => setAreaActive(app.db, actorOf(request), id, values.active === '1'),
        invalid: () => render(request, reply),
        done,
      });
    },
  );
};

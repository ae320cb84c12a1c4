import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { formPage } from '../../platform/form-page.ts';
import { formStrings, readForm, submitForm, type FormSpec } from '../../platform/forms.ts';
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

  /** A form in one area's table row: a refusal shows the list again, success returns to it. */
  const rowForm = <V, R>(
    path: string,
    read: (body: unknown) => V,
    form: (request: FastifyRequest, id: string) => Pick<FormSpec<V, R>, 'submit' | 'fieldOf'>,
  ) =>
    app.post(path, { config: COORDINATOR, schema: { params: idParams } }, async (request, reply) =>
      submitForm(request, reply, {
        values: read(request.body),
        ...form(request, request.params.id),
        invalid: () => render(request, reply),
        done,
      }),
    );

  rowForm(
    '/workspace/areas/:id',
    (body) => readForm(body, areaForm),
    (request, id) => ({
      submit: (values) => renameArea(app.db, actorOf(request), id, values),
      // The problems belong to the name fields in the area's own table row.
      fieldOf: (path) => (path ? areaFieldId(id, path) : 'form'),
    }),
  );

  rowForm(
    '/workspace/areas/:id/active',
    (body) => formStrings(body, ['active'], 2),
    (request, id) => ({
      submit: (values) => setAreaActive(app.db, actorOf(request), id, values.active === '1'),
    }),
  );
};

import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { checkForm, readForm, rerender, submitForm } from '../../platform/forms.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { renderPage } from '../../platform/render.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { planOf } from './records.plan.ts';
import {
  caseExportForm,
  periodExportForm,
  recordForm,
  registerFilterForm,
  type RegisterFilter,
} from './records.schema.ts';
import {
  exportSip,
  getRecord,
  listRegister,
  registerRecord,
  type RecordRow,
  type SipScope,
} from './records.service.ts';
import { RecordPage } from './views/record-page.tsx';
import { RegisterPage } from './views/register-page.tsx';
import { zipArchive } from './zip.ts';

const REGISTRAR = { permission: 'coordinator' } as const;
const SOFTWARE = { name: 'Vänortsportalen', version: '0.1.0' };

const recordParams = z.object({ kind: z.string().max(20), id: z.string().max(100) });

const registrarOf = (request: FastifyRequest) => ({
  actor: actorOf(request),
  user: request.user,
});

/** The registrar's register, registration form and E-ARK SIP export. */
export const recordsPages: FastifyPluginAsyncZod = async (app) => {
  const readFilter = (request: FastifyRequest) => {
    const read = readForm(request.query, registerFilterForm);
    const values = Object.fromEntries(
      Object.entries(read).map(([k, v]) => [k, String(v).trim()]),
    ) as Record<keyof RegisterFilter, string>;
    const { errors, data: filter } = checkForm(request.i18n, read, registerFilterForm, values);
    return { values, errors, filter };
  };

  const renderRegister = async (
    request: FastifyRequest,
    reply: FastifyReply,
    exportValues?: Record<string, string>,
  ) => {
    const { values, errors, filter } = readFilter(request);
    const page = pageRequest((request.query as { page?: unknown }).page);
    const { records, total } = filter
      ? await listRegister(app.db.kysely, filter, page)
      : { records: [], total: 0 };
    const render = () =>
      renderPage(
        reply,
        RegisterPage,
        {
          records,
          info: pageInfo(page, total, records.length),
          filter: values,
          plan: planOf(app.config),
          ...(exportValues ? { exportValues } : {}),
        },
        { withCsrf: true },
      );
    return filter ? render() : rerender(request, reply, errors, render);
  };

  app.get('/workspace/records', { config: REGISTRAR }, async (request, reply) =>
    renderRegister(request, reply),
  );

  const renderRecord = (
    request: FastifyRequest,
    reply: FastifyReply,
    record: RecordRow,
    values?: Record<string, string>,
  ) =>
    renderPage(
      reply,
      RecordPage,
      {
        record,
        plan: planOf(app.config),
        values: values ?? {
          caseNumber: record.case_number ?? '',
          secrecy: record.secret ? 'secret' : 'public',
          ground: record.secrecy_ground ?? '',
          classification: record.classification ?? '',
        },
      },
      { withCsrf: true },
    );

  pageWithForms(
    app,
    '/workspace/records/:kind/:id',
    { config: REGISTRAR, schema: { params: recordParams } },
    async (request, reply, { kind, id }) =>
      renderRecord(request, reply, await getRecord(app.db.kysely, kind, id)),
  ).post('', (request, reply, { kind, id }, run) =>
    run({
      values: readForm(request.body, recordForm),
      submit: (v) => registerRecord(app.db, registrarOf(request), kind, id, v, app.config),
      invalid: async ({ values }) =>
        renderRecord(request, reply, await getRecord(app.db.kysely, kind, id), values),
      done: () => ({ to: `/workspace/records/${kind}/${id}`, flash: 'records.flash.registered' }),
    }),
  );

  /** The package as a ZIP streamed to the browser. */
  const sendZip = (reply: FastifyReply, sip: Awaited<ReturnType<typeof exportSip>>) =>
    reply
      .status(200)
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${sip.filename}"`)
      .type('application/zip')
      .send(Readable.from(zipArchive(sip.entries)));

  const exportRoute = <S extends typeof caseExportForm | typeof periodExportForm>(
    path: string,
    schema: S,
    scope: (values: z.output<S>) => SipScope,
  ) =>
    app.post(path, { config: REGISTRAR }, async (request, reply) => {
      const values = readForm(request.body, schema);
      return submitForm(request, reply, {
        values,
        submit: async (raw) =>
          exportSip(
            app.db,
            registrarOf(request),
            scope(parseOrThrow(schema, raw) as z.output<S>),
            app.config,
            SOFTWARE,
          ),
        invalid: ({ values: v }) => renderRegister(request, reply, v as Record<string, string>),
        refused: (error) =>
          error.code === 'RECORD_NOT_FOUND'
            ? {
                [schema === caseExportForm ? 'exportCase' : 'exportFrom']: request.i18n.t(
                  'records.err.nothingToExport',
                ),
              }
            : null,
        show: (sip) => sendZip(reply, sip),
      });
    });

  exportRoute('/workspace/records/export/case', caseExportForm, (v) => ({
    caseNumber: v.exportCase,
  }));
  exportRoute('/workspace/records/export/period', periodExportForm, (v) => ({
    from: v.exportFrom,
    to: v.exportTo,
  }));
};

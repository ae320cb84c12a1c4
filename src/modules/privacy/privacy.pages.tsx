import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { checkForm, readForm, rerender, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { pdfAvailable, printPdf } from '../evaluation/index.ts';
import { personHtml } from './export.html.tsx';
import { ruleDays } from './privacy.register.ts';
import {
  correctForm,
  eraseForm,
  exportForm,
  personExportForm,
  personForm,
  type PersonQuery,
} from './privacy.schema.ts';
import {
  correctPersonData,
  erasePersonData,
  erasurePlan,
  exportPersonData,
  personData,
  type PersonData,
} from './privacy.service.ts';
import { retentionDryRun } from './retention.service.ts';
import { AccountDataPage } from './views/account-data-page.tsx';
import { AdminPrivacyPage, CorrectedPage, ErasedPage } from './views/admin-page.tsx';
import { RegisterPage } from './views/register-page.tsx';
import { RetentionPage } from './views/retention-page.tsx';

const PUBLIC = { permission: 'public', pageCache: true } as const;
const ADMIN = { permission: 'admin' } as const;
const SIGNED_IN = { permission: 'authenticated' } as const;

const day = () => new Date().toISOString().slice(0, 10);

interface ExportFile {
  body: string | Buffer;
  type: string;
  filename: string;
}

/** The export as a file: the JSON, or the readable document printed as PDF by Chromium. */
async function produce(
  request: FastifyRequest,
  format: string,
  data: PersonData & { producedAt: string },
): Promise<ExportFile> {
  if (format === 'pdf')
    return {
      body: await printPdf(
        personHtml(request.i18n, data, data.producedAt),
        request.server.config.pdf,
      ),
      type: 'application/pdf',
      filename: `personuppgifter-${day()}.pdf`,
    };
  return {
    body: JSON.stringify(data, null, 2),
    type: 'application/json; charset=utf-8',
    filename: `personuppgifter-${day()}.json`,
  };
}

/** The export `input` asks for (the person and the format), produced as a file; audited. */
function exportFile(app: FastifyInstance, request: FastifyRequest, input: unknown) {
  return exportPersonData(
    app.db,
    actorOf(request),
    input,
    (data, format) => produce(request, format, data),
    app.config,
  );
}

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .status(200)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .type(file.type)
    .send(file.body);
}

/** `/privacy`, the public register of personal data, in the five languages. */
export const privacyPublicPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/privacy', { config: PUBLIC }, async (request, reply) =>
    renderPage(reply, RegisterPage, { days: ruleDays(app.config) }),
  );
};

/** A signed-in person's own data: `/account/data` and its downloads. */
export const privacyAccountPages: FastifyPluginAsyncZod = async (app) => {
  const own = (request: FastifyRequest) => ({ email: request.user!.email, name: '' });

  app.get('/account/data', { config: SIGNED_IN }, async (request, reply) => {
    const data = await personData(app.db, own(request), app.config);
    return renderPage(reply, AccountDataPage, { data, pdf: pdfAvailable(app.config.pdf) });
  });

  app.post('/account/data/export', { config: SIGNED_IN }, async (request, reply) => {
    const values = readForm(request.body, exportForm);
    return submitForm(request, reply, {
      values,
      submit: (v) => exportFile(app, request, { ...own(request), format: v.format }),
      invalid: async () =>
        renderPage(reply, AccountDataPage, {
          data: await personData(app.db, own(request), app.config),
          pdf: pdfAvailable(app.config.pdf),
        }),
      show: (file) => sendFile(reply, file),
    });
  });
};

/** The administrator's page: find, export, correct, erase; the retention dry run. */
export const privacyAdminPages: FastifyPluginAsyncZod = async (app) => {
  /** The person asked about, or null with the problems (none when nothing was asked yet). */
  const readPerson = (request: FastifyRequest, source: unknown) => {
    const read = readForm(source, personForm);
    const values = { email: read.email.trim(), name: read.name.trim() };
    const { errors, data: query } = checkForm(request.i18n, read, personForm, values);
    return { values, errors, query };
  };

  const renderAdmin = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email: string; name: string },
    query: PersonQuery | null,
    correctValues?: Record<string, unknown>,
  ) => {
    const data = query ? await personData(app.db, query, app.config) : null;
    return renderPage(
      reply,
      AdminPrivacyPage,
      {
        values: query ? { email: query.email, name: query.name } : values,
        data,
        plan: data ? erasurePlan(data) : [],
        pdf: pdfAvailable(app.config.pdf),
        ...(correctValues ? { correctValues } : {}),
      },
      { withCsrf: true },
    );
  };

  app.get('/admin/privacy', { config: ADMIN }, async (request, reply) => {
    const asked = typeof (request.query as Record<string, unknown>).email === 'string';
    const { values, errors, query } = readPerson(request, request.query);
    if (asked && !query)
      return rerender(request, reply, errors, () => renderAdmin(request, reply, values, null));
    return renderAdmin(request, reply, values, asked ? query : null);
  });

  app.post('/admin/privacy/export', { config: ADMIN }, async (request, reply) => {
    const values = readForm(request.body, personExportForm);
    const person = readPerson(request, request.body);
    return submitForm(request, reply, {
      values,
      submit: (v) => exportFile(app, request, v),
      invalid: () => renderAdmin(request, reply, person.values, person.query),
      show: (file) => sendFile(reply, file),
    });
  });

  app.post('/admin/privacy/correct', { config: ADMIN }, async (request, reply) => {
    const values = readForm(request.body, correctForm);
    const person = readPerson(request, request.body);
    return submitForm(request, reply, {
      values,
      submit: (v) => correctPersonData(app.db, actorOf(request), v),
      invalid: ({ values: v }) => renderAdmin(request, reply, person.values, person.query, v),
      show: (lines) => renderPage(reply, CorrectedPage, { lines }),
    });
  });

  app.post('/admin/privacy/erase', { config: ADMIN }, async (request, reply) => {
    const values = readForm(request.body, eraseForm);
    const person = readPerson(request, request.body);
    return submitForm(request, reply, {
      values,
      submit: (v) => erasePersonData(app.db, actorOf(request), v, app.config),
      invalid: () => renderAdmin(request, reply, person.values, person.query),
      show: (lines) => renderPage(reply, ErasedPage, { email: person.values.email, lines }),
    });
  });

  app.get('/admin/privacy/retention', { config: ADMIN }, async (request, reply) => {
    const results = await retentionDryRun(app.db, new Date(), app.config);
    return renderPage(reply, RetentionPage, { results });
  });
};

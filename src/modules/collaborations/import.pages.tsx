import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import { REPORTING, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import type { Actor } from '../audit/index.ts';
import { formStrings, keepInputProblems, submitForm } from '../../platform/forms.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { renderPage } from '../../platform/render.ts';
import { uploadedFile } from '../../platform/uploads.ts';
import { errors as appErrors } from '../../shared/errors.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { User } from '../accounts/index.ts';
import { importPolicy } from './import.policy.ts';
import * as repo from './import.repository.ts';
import { ALL_FIELDS, guessMapping, type ImportMapping } from './import.rows.ts';
import {
  checkImport,
  getImportJob,
  importHeaders,
  listImportJobs,
  startImport,
  uploadImport,
} from './import.service.ts';
import { runImport } from './import.run.ts';
import { ImportJobPage, ImportPage } from './views/import-pages.tsx';

const PROBLEMS_PER_PAGE = 50;

const userOf = (request: FastifyRequest): User => {
  if (!request.user) throw appErrors.unauthenticated();
  return request.user;
};

const MAPPING_FIELDS = ALL_FIELDS.map((field) => `map-${field}` as const);

/** Imports that run after their response; awaited when the app closes. */
const running = new Set<Promise<unknown>>();

function runInBackground(db: Db, log: FastifyBaseLogger, actor: Actor, id: string): void {
  const task = runImport(db, actor, id)
    .catch((error: unknown) => log.error({ err: error, importJob: id }, 'import failed'))
    .finally(() => running.delete(task));
  running.add(task);
}

/** Import of collaborations from Excel or CSV: upload, column mapping, dry run, import. */
export const importPages: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  const organisationsFor = async (user: User) =>
    (await repo.listActiveOrganisations(app.db.kysely)).filter((o) =>
      importPolicy.importFor(user, o.id),
    );

  const renderUpload = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: { organisation: string; kind: string },
  ) => {
    const user = userOf(request);
    return renderPage(reply, ImportPage, {
      organisations: await organisationsFor(user),
      allowColumn: importPolicy.organisationFromColumn(user),
      jobs: await listImportJobs(app.db, user),
      values,
    });
  };

  app.get('/workspace/import', { config: REPORTING }, (request, reply) =>
    renderUpload(request, reply),
  );

  // An unreadable, empty or oversize file is reported by the service, field by field.
  app.post(
    '/workspace/import',
    { config: { ...REPORTING, uploads: true } },
    async (request, reply) => {
      const sent = formStrings(request.body, ['organisation', 'kind'], 100);
      const file = uploadedFile(request.body, 'file');
      return submitForm(request, reply, {
        values: keepInputProblems(
          { organisation: sent.organisation, kind: sent.kind || 'collaboration' },
          sent,
        ),
        submit: (values) =>
          uploadImport(app.db, actorOf(request), userOf(request), {
            filename: file?.filename ?? '',
            contentType: file?.mimetype ?? '',
            data: file?.data ?? null,
            truncated: file?.truncated ?? false,
            ...values,
          }),
        invalid: ({ values }) => renderUpload(request, reply, values),
        done: (job) => ({ to: `/workspace/import/${job.id}`, flash: 'import.flash.uploaded' }),
      });
    },
  );

  const renderJob = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { mapping?: ImportMapping; remap?: boolean } = {},
  ) => {
    const job = await getImportJob(app.db, userOf(request), id);
    const q = (request.query ?? {}) as Record<string, unknown>;
    const remap = form.remap ?? (q.remap === '1' && job.status === 'checked');
    const showMapping = job.status === 'uploaded' || job.status === 'failed' || remap;
    const headers = showMapping ? await importHeaders(app.db, job) : null;
    const page = pageRequest(q.page, PROBLEMS_PER_PAGE);
    const problems = job.problems.slice(page.offset, page.offset + page.limit);
    return renderPage(reply, ImportJobPage, {
      job,
      headers,
      mapping: form.mapping ?? job.mapping ?? (headers ? guessMapping(headers, job.kind) : {}),
      remap,
      problems,
      info: pageInfo(page, job.problems.length, problems.length),
    });
  };

  const jobPage = pageWithForms(
    app,
    '/workspace/import/:id',
    { config: REPORTING, schema: { params: idParams } },
    (request, reply, { id }) => renderJob(request, reply, id),
  );

  jobPage.post('/check', (request, reply, { id }, run) => {
    const sent = formStrings(request.body, MAPPING_FIELDS, 300);
    const mapping: ImportMapping = {};
    for (const field of ALL_FIELDS) if (sent[`map-${field}`]) mapping[field] = sent[`map-${field}`];
    return run({
      values: keepInputProblems(mapping, sent),
      submit: (values) => checkImport(app.db, actorOf(request), userOf(request), id, values),
      invalid: ({ values }) => renderJob(request, reply, id, { mapping: values, remap: true }),
      done: () => ({ to: `/workspace/import/${id}`, flash: 'import.flash.checked' }),
    });
  });

  jobPage.post('/start', (request, _reply, { id }, run) => {
    const actor = actorOf(request);
    return run({
      values: formStrings(request.body, ['onlyValid'], 2),
      submit: async (values) => {
        await startImport(app.db, actor, userOf(request), id, values.onlyValid === '1');
        // The import runs after this response; the job page shows its progress.
        runInBackground(app.db, request.log, actor, id);
      },
      done: () => ({ to: `/workspace/import/${id}`, flash: 'import.flash.started' }),
    });
  });
};

import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { actorOf } from '../../platform/auth.ts';
import type { Actor } from '../audit/index.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { errors as appErrors } from '../../shared/errors.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import type { User } from '../accounts/index.ts';
import type { UploadedFile } from '../decisions/index.ts';
import { problemErrors } from '../decisions/index.ts';
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
  type ImportJob,
} from './import.service.ts';
import { runImport } from './import.run.ts';
import { ImportJobPage, ImportPage } from './views/import-pages.tsx';

const REPORTING = { permission: 'reporting' } as const;
const idParams = z.object({ id: z.string().max(100) });
const PROBLEMS_PER_PAGE = 50;

const userOf = (request: FastifyRequest): User => {
  if (!request.user) throw appErrors.unauthenticated();
  return request.user;
};
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function uploadedFile(body: unknown): UploadedFile | undefined {
  const file = (body as Record<string, unknown> | undefined)?.file;
  if (typeof file !== 'object' || file === null || !('data' in file)) return undefined;
  const upload = file as UploadedFile;
  if (upload.filename === '' && upload.data.length === 0) return undefined;
  return upload;
}

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
    status = 200,
    extra: { values?: { organisation: string; kind: string }; errors?: FieldErrors } = {},
  ) => {
    const user = userOf(request);
    return sendPage(
      reply,
      <ImportPage
        ctx={pageContext(request, reply)}
        organisations={await organisationsFor(user)}
        allowColumn={importPolicy.organisationFromColumn(user)}
        jobs={await listImportJobs(app.db, user)}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get('/workspace/import', { config: REPORTING }, (request, reply) =>
    renderUpload(request, reply),
  );

  app.post(
    '/workspace/import',
    { config: { ...REPORTING, uploads: true } },
    async (request, reply) => {
      const user = userOf(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const organisation = str(body.organisation, 100);
      const kind = str(body.kind, 40) || 'collaboration';
      const file = uploadedFile(body);
      let job: ImportJob;
      try {
        job = await uploadImport(app.db, actorOf(request), user, {
          filename: file?.filename ?? '',
          contentType: file?.mimetype ?? '',
          data: file?.data ?? null,
          truncated: file?.truncated ?? false,
          organisation,
          kind,
        });
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors)
          return renderUpload(request, reply, 400, { values: { organisation, kind }, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/import/${job.id}`,
        request.i18n.t('import.flash.uploaded'),
      );
    },
  );

  const renderJob = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    extra: { mapping?: ImportMapping; errors?: FieldErrors; remap?: boolean } = {},
  ) => {
    const job = await getImportJob(app.db, userOf(request), id);
    const q = (request.query ?? {}) as Record<string, unknown>;
    const remap = extra.remap ?? (q.remap === '1' && job.status === 'checked');
    const showMapping = job.status === 'uploaded' || job.status === 'failed' || remap;
    const headers = showMapping ? await importHeaders(app.db, job) : null;
    const page = pageRequest(q.page, PROBLEMS_PER_PAGE);
    const problems = job.problems.slice(page.offset, page.offset + page.limit);
    return sendPage(
      reply,
      <ImportJobPage
        ctx={pageContext(request, reply)}
        job={job}
        headers={headers}
        mapping={extra.mapping ?? job.mapping ?? (headers ? guessMapping(headers, job.kind) : {})}
        remap={remap}
        problems={problems}
        info={pageInfo(page, job.problems.length, problems.length)}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get(
    '/workspace/import/:id',
    { config: REPORTING, schema: { params: idParams } },
    (request, reply) => renderJob(request, reply, request.params.id),
  );

  app.post(
    '/workspace/import/:id/check',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const mapping: ImportMapping = {};
      for (const field of ALL_FIELDS) {
        const header = str(body[`map-${field}`], 300);
        if (header) mapping[field] = header;
      }
      try {
        await checkImport(app.db, actorOf(request), userOf(request), request.params.id, mapping);
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors)
          return renderJob(request, reply, request.params.id, 400, {
            mapping,
            errors,
            remap: true,
          });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/import/${request.params.id}`,
        request.i18n.t('import.flash.checked'),
      );
    },
  );

  app.post(
    '/workspace/import/:id/start',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const actor = actorOf(request);
      try {
        await startImport(
          app.db,
          actor,
          userOf(request),
          request.params.id,
          body.onlyValid === '1',
        );
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderJob(request, reply, request.params.id, 400, { errors });
        throw error;
      }
      // The import runs after this response; the job page shows its progress.
      runInBackground(app.db, request.log, actor, request.params.id);
      return redirectWithFlash(
        reply,
        `/workspace/import/${request.params.id}`,
        request.i18n.t('import.flash.started'),
      );
    },
  );
};

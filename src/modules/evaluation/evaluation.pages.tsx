import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COORDINATOR, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { formPage, pageWithForms } from '../../platform/form-page.ts';
import { formStrings, readForm, readVersion } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { isAppError } from '../../shared/errors.ts';
import { compareFigures, compareSections } from './compare.ts';
import {
  compareQuery,
  reviewSchema,
  sectionsSchema,
  startSchema,
  type ReviewInput,
  type SectionsInput,
  type StartInput,
} from './evaluation.schema.ts';
import {
  configureEvaluation,
  coordinatorChoices,
  evaluationDetail,
  gothenburgToday,
  listEvaluations,
  reviewEvaluation,
  saveSections,
  startEvaluation,
  startNewVersion,
} from './evaluation.service.ts';
import { versionsToCompare } from './evaluation.versions.ts';
import { ComparePage } from './views/workspace-compare.tsx';
import { EvaluationPage } from './views/workspace-evaluation.tsx';
import { EvaluationsPage, NewEvaluationPage } from './views/workspace-list.tsx';

/** The header the autosave script sends: the answer is JSON instead of a redirect. */
const AUTOSAVE_HEADER = 'x-autosave';

/**
 * The time of day in Gothenburg, e.g. "14.02" (sv: the Swedish Language Council's style,
 * where ICU writes "14:02"), "14.02" (da, fi), "14:02" (nb) or "2:02 PM" (en).
 */
function timeOfDay(iso: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Stockholm',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
  return locale === 'sv' ? text.replace(':', '.') : text;
}

/** The coordinators' pages of the evaluation (P10): list, manual start, one evaluation, comparison. */
export const evaluationPages: FastifyPluginAsyncZod = async (app) => {
  configureEvaluation(app.config);

  app.get('/workspace/evaluations', { config: COORDINATOR }, async (request, reply) => {
    const evaluations = await listEvaluations(app.db, request.user);
    return renderPage(reply, EvaluationsPage, { evaluations, today: gothenburgToday() });
  });

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, values?: StartInput) =>
    renderPage(reply, NewEvaluationPage, {
      coordinators: await coordinatorChoices(app.db, request.user),
      values,
    });

  formPage(
    app,
    '/workspace/evaluations/new',
    { config: COORDINATOR },
    {
      show: renderNew,
      form: (request) => ({
        values: readForm(request.body, startSchema),
        submit: (values) => startEvaluation(app.db, actorOf(request), request.user, values),
        done: (id) => ({ to: `/workspace/evaluations/${id}`, flash: 'evaluation.flash.started' }),
        // A problem of one chosen owner (owners.2) belongs to the whole group.
        fieldOf: (path) => path.split('.')[0] || 'form',
      }),
    },
  );

  /** The evaluation's page; after a refused form, with what it sent (`error`: why refused). */
  const renderEvaluation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    sent: {
      sections?: SectionsInput;
      review?: ReviewInput;
      version?: string | undefined;
      error?: unknown;
    } = {},
  ) => {
    const detail = await evaluationDetail(app.db, request.user, id);
    const saved = detail.evaluation;
    const conflict = isAppError(sent.error, 'EDIT_CONFLICT');
    return renderPage(reply, EvaluationPage, {
      detail,
      today: gothenburgToday(),
      sectionValues: sent.sections,
      reviewValues: sent.review,
      // After a conflict the forms carry the saved version: saving again is a knowing choice.
      version: conflict ? saved.updatedAt : (sent.version ?? saved.updatedAt),
      conflict: conflict ? { savedAt: saved.updatedAt, values: saved.sections } : undefined,
    });
  };

  const evaluationPage = pageWithForms(
    app,
    '/workspace/evaluations/:id',
    { config: COORDINATOR, schema: { params: idParams } },
    (request, reply, { id }) => renderEvaluation(request, reply, id),
  );

  evaluationPage.post('/sections', (request, reply, { id }, run) => {
    const version = readVersion(request.body);
    const { action } = formStrings(request.body, ['action'], 20);
    const submit = action === 'submit';
    const autosave = request.headers[AUTOSAVE_HEADER] === '1' && !submit;
    const values = readForm(request.body, sectionsSchema);
    const form = {
      values,
      submit: () =>
        saveSections(app.db, actorOf(request), request.user, id, values, {
          expectedVersion: version,
          submit,
        }),
      invalid: ({ values: sent, error }: { values: SectionsInput; error: unknown }) =>
        renderEvaluation(request, reply, id, { sections: sent, version, error }),
    };
    if (autosave)
      return run({
        ...form,
        // The script shows "Sparat 14.02" and carries the new version in the form.
        show: (saved: string) =>
          reply
            .type('application/json; charset=utf-8')
            .header('cache-control', 'no-store')
            .send({
              version: saved,
              message: request.i18n.t('evaluation.autosave.saved', {
                time: timeOfDay(saved, request.i18n.locale),
              }),
            }),
      });
    return run({
      ...form,
      done: () => ({
        to: `/workspace/evaluations/${id}`,
        flash: submit ? 'evaluation.flash.submitted' : 'evaluation.flash.saved',
      }),
    });
  });

  evaluationPage.post('/review', (request, reply, { id }, run) => {
    const version = readVersion(request.body);
    return run({
      values: readForm(request.body, reviewSchema),
      submit: (values) =>
        reviewEvaluation(app.db, actorOf(request), request.user, id, values, version),
      invalid: ({ values, error }) =>
        renderEvaluation(request, reply, id, { review: values, version, error }),
      done: ({ decision, version: approved }) => ({
        to: `/workspace/evaluations/${id}`,
        flash:
          decision === 'approve'
            ? 'evaluation.flash.approved'
            : decision === 'return'
              ? 'evaluation.flash.returned'
              : 'evaluation.flash.commented',
        params: { version: approved ?? 0 },
      }),
    });
  });

  evaluationPage.post('/new-version', (request, reply, { id }, run) => {
    const version = readVersion(request.body);
    return run({
      values: {},
      submit: () => startNewVersion(app.db, actorOf(request), request.user, id, version),
      invalid: ({ error }) => renderEvaluation(request, reply, id, { version, error }),
      done: () => ({ to: `/workspace/evaluations/${id}`, flash: 'evaluation.flash.reopened' }),
    });
  });

  app.get(
    '/workspace/evaluations/:id/compare',
    { config: COORDINATOR, schema: { params: idParams, querystring: compareQuery } },
    async (request, reply) => {
      const { evaluation, from, to } = await versionsToCompare(
        app.db,
        request.user,
        request.params.id,
        request.query.from,
        request.query.to,
      );
      return renderPage(reply, ComparePage, {
        evaluation,
        from,
        to,
        sections: compareSections(from.sections, to.sections),
        figures: compareFigures(from.figures, to.figures),
      });
    },
  );
};

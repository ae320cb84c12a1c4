import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { errors } from '../../shared/errors.ts';
import type { Chain } from '../cities/index.ts';
import {
  chainOrThrow,
  editorOf,
  idParams,
  MEETINGS,
  submitOnMeetingPage,
} from './meeting.page-helpers.tsx';
import { canEditMeeting } from './meeting.policy.ts';
import { getMeetingDetail } from './meeting.service.ts';
import { CloseActionPage } from './views/meeting-confirm.tsx';
import type { Values } from './views/meeting-fields.tsx';
import { sectionHref } from './views/meeting-page.tsx';
import { closingNoteForm, outcomeForm } from './outcome.schema.ts';
import { closeAction, recordOutcome } from './outcome.service.ts';
import { meetingsErrors } from './errors.ts';

const closeParams = idParams.extend({ outcomeId: z.string().max(100) });

/** An outcome's fields on the meeting page. */
const OUTCOME = {
  kind: 'outcomeKind',
  text: 'outcomeText',
  responsibleCity: 'outcomeCity',
  dueOn: 'outcomeDue',
} as const;

/** A meeting's outcomes: recorded on its page; open actions closed there or at a later one. */
export const outcomePages: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/workspace/meetings/:id/outcomes',
    { config: MEETINGS, schema: { params: idParams } },
    async (request, reply) =>
      submitOnMeetingPage(app.db, request, reply, request.params.id, {
        form: outcomeForm,
        names: OUTCOME,
        flash: 'flash.outcomeRecorded',
        section: 'outcomes',
        submit: (c, input) => recordOutcome(c.db, c.chain, c.editor, c.meetingId, input),
      }),
  );

  /**
   * The open action of a meeting (its own or an earlier one's) for someone who may edit it;
   * `closedToo` for the re-rendered page of a refused close (closed in another tab: the
   * page says so at the field).
   */
  const openAction = async (
    request: FastifyRequest,
    chain: Chain,
    id: string,
    outcomeId: string,
    closedToo = false,
  ) => {
    const detail = await getMeetingDetail(app.db, chain, id, request.user);
    if (!canEditMeeting(request.user ?? null, detail.meeting.host.id)) throw errors.forbidden();
    const outcome = [...detail.followUps, ...detail.outcomes].find(
      (o) => o.id === outcomeId && o.kind === 'action' && (closedToo || !o.closedOn),
    );
    if (!outcome) throw meetingsErrors.outcomeNotFound(outcomeId);
    return { meeting: detail.meeting, outcome };
  };

  const renderClose = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chain: Chain,
    params: { id: string; outcomeId: string },
    values?: Values,
  ) => {
    const { meeting, outcome } = await openAction(
      request,
      chain,
      params.id,
      params.outcomeId,
      values !== undefined,
    );
    return renderPage(reply, CloseActionPage, { meeting, outcome, values });
  };

  // Closing an action is final (decision 033): the page asks first, with the closing note.
  app.get(
    '/workspace/meetings/:id/outcomes/:outcomeId/close',
    { config: MEETINGS, schema: { params: closeParams } },
    async (request, reply) =>
      renderClose(request, reply, await chainOrThrow(app.db), request.params),
  );

  app.post(
    '/workspace/meetings/:id/outcomes/:outcomeId/close',
    { config: MEETINGS, schema: { params: closeParams } },
    async (request, reply) => {
      const { id, outcomeId } = request.params;
      const chain = await chainOrThrow(app.db);
      const field = `closingNote-${outcomeId}`;
      const noteForm = z.object({ [field]: closingNoteForm.shape.closingNote });
      return submitForm(request, reply, {
        // The confirmation page's field, named by the action as it was on the meeting page.
        values: readForm(request.body, noteForm),
        submit: (values) =>
          closeAction(app.db, chain, editorOf(request), id, outcomeId, values[field] ?? ''),
        invalid: ({ values }) => renderClose(request, reply, chain, request.params, values),
        fieldOf: (path) => (path === 'closingNote' ? field : 'form'),
        done: () => ({ to: sectionHref(id, 'outcomes'), flash: 'flash.actionClosed' }),
      });
    },
  );
};

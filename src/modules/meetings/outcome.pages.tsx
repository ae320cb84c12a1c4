import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, MEETINGS, submitOnMeetingPage } from './meeting.page-helpers.tsx';
import { closingNoteForm, outcomeForm } from './outcome.schema.ts';
import { closeAction, recordOutcome } from './outcome.service.ts';

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

  app.post(
    '/workspace/meetings/:id/outcomes/:outcomeId/close',
    { config: MEETINGS, schema: { params: closeParams } },
    async (request, reply) => {
      const { id, outcomeId } = request.params;
      return submitOnMeetingPage(app.db, request, reply, id, {
        // Each open action has its own form on the page.
        form: closingNoteForm,
        names: { closingNote: `closingNote-${outcomeId}` },
        flash: 'flash.actionClosed',
        section: 'outcomes',
        submit: (c, input) =>
          closeAction(c.db, c.chain, c.editor, c.meetingId, outcomeId, input.closingNote),
      });
    },
  );
};

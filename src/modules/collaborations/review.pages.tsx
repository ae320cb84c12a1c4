import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { renderCollaboration } from './collaboration.pages.tsx';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { reviewForm } from './collaboration.schema.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import {
  nextInQueue,
  reviewItem,
  reviewQueue,
  type ReviewEntity,
  type ReviewMail,
} from './review.service.ts';
import { renderExchange } from './exchange.pages.tsx';
import { cityNames, COORDINATOR, idParams, userOf } from './report.routes.tsx';
import { ReviewQueuePage } from './views/review.tsx';

/**
 * Mail to reporters goes out in Swedish, the language of the city's staff: it reaches only
 * the organisation's reporters and the item's creator (a reporter or a coordinator).
 */
export function reviewMail(publicUrl: string): ReviewMail {
  const sv = i18nFor('sv');
  return {
    publicUrl,
    subject: (kind, title) => sv.tDynamic(`collab.mail.subject.${kind}`, { title }),
    text: (kind, title, comment, link) =>
      sv.tDynamic(`collab.mail.text.${kind}`, { title, comment, link }),
  };
}

/** How many items a page of the review queue lists. */
const QUEUE_PAGE_SIZE = 25;

/** Review (P8): the coordinators' queue, and acknowledging or returning one report. */
export const reviewPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/review', { config: COORDINATOR }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page, QUEUE_PAGE_SIZE);
    const [queue, names] = await Promise.all([
      reviewQueue(app.db.kysely, page),
      cityNames(app, request),
    ]);
    return renderPage(reply, ReviewQueuePage, {
      items: queue.items,
      info: pageInfo(page, queue.total, queue.items.length),
      cityNames: names,
    });
  });

  const review = (request: FastifyRequest, reply: FastifyReply, entity: ReviewEntity, id: string) =>
    submitForm(request, reply, {
      values: readForm(request.body, reviewForm),
      submit: async (values) => ({
        decision: values.decision,
        key: await reviewItem(
          app.db,
          app.mailer,
          actorOf(request),
          userOf(request),
          entity,
          id,
          values,
          reviewMail(app.config.publicUrl ?? `${request.protocol}://${request.host}`),
        ),
      }),
      invalid: ({ values }) =>
        entity === 'collaboration'
          ? renderCollaboration(app, request, reply, id, values)
          : renderExchange(app, request, reply, id, values),
      // On to the item after this one in the queue; back to the queue when none is left.
      done: async ({ decision, key }) => {
        const { next, remaining } = await nextInQueue(app.db.kysely, key);
        const done = decision === 'acknowledge' ? 'acknowledged' : 'returned';
        return next
          ? {
              to: `/workspace/${next.entity === 'collaboration' ? 'collaborations' : 'exchanges'}/${next.id}`,
              flash: `collab.flash.${done}Next`,
              params: { count: remaining },
            }
          : { to: '/workspace/review', flash: `collab.flash.${done}QueueEmpty` };
      },
    });

  app.post(
    '/workspace/collaborations/:id/review',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => review(request, reply, 'collaboration', request.params.id),
  );

  app.post(
    '/workspace/exchanges/:id/review',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => review(request, reply, 'exchange', request.params.id),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../../platform/downloads.ts';
import { handleError } from '../../platform/error-handler.tsx';
import { sendRefusal } from './delegation.pages.tsx';
import { DelegationForbidden, participantList } from './delegation.service.ts';
import { participantsPdf, participantsXlsx } from './participants.export.ts';

const params = z.object({ id: z.string().max(100) });
const query = z.object({ logistics: z.string().max(10).optional() });

/** Participant lists of a meeting: public fields, or with logistics for the organisers. */
export const participantPages: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler((error, request, reply) =>
    error instanceof DelegationForbidden
      ? sendRefusal(request, reply, error)
      : handleError(error, request, reply),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/workspace/meetings/:id/participants.${format}`,
      { config: { permission: 'delegations' }, schema: { params, querystring: query } },
      async (request, reply) => {
        const withLogistics = request.query.logistics === '1';
        const list = await participantList(app.db, request.user!, request.params.id, withLogistics);
        const data = { ...list, withLogistics };
        const name = `deltagare-${list.meeting.year}${withLogistics ? '-logistik' : ''}.${format}`;
        const body =
          format === 'pdf'
            ? await participantsPdf(request.i18n, data)
            : await participantsXlsx(request.i18n, data);
        return reply
          .type(
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', attachment(name))
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentYear } from '../../shared/dates.ts';
import { apiRoutes } from '../../platform/api-route.ts';
import { getChain } from '../cities/index.ts';
import { presentTurn } from './meeting.presenter.ts';
import { rotationJson, rotationQuery } from './meeting.schema.ts';
import { rotationOverview } from './rotation.service.ts';

export const rotationApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app);
  route.get(
    '/rotation',
    {
      permission: 'public',
      pageCache: true,
      tags: ['meetings'],
      operationId: 'getRotation',
      summary: 'The host rotation of the Nordic chain: meetings on record, then the forecast',
      description:
        'From `from` (default the current year), `count` turns (1–100, default 8): each ' +
        'registered meeting with its status (held, planned, confirmed, postponed, cancelled), ' +
        'then the forecast (`forecast`) continuing the order from the latest meeting, with ' +
        'postponements, cancellations, swaps, skipped turns and the current members taken ' +
        'into account. Bad values are refused with 400 VALIDATION_FAILED.',
      query: rotationQuery,
      response: rotationJson,
    },
    async (request) => {
      const chain = await getChain(app.db);
      if (!chain) return [];
      const { from, count } = request.query;
      const overview = await rotationOverview(app.db, chain, from ?? currentYear(), count);
      return overview.turns.map((turn) => presentTurn(turn, request.i18n.locale));
    },
  );
};

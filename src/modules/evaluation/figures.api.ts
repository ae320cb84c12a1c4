import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiRoutes } from '../../platform/api-route.ts';
import { evaluationFiguresJson, evaluationIdParams } from './figures.schema.ts';
import { evaluationFigures } from './figures.service.ts';

/** `GET /api/v1/evaluations/:id/figures` (issue 15, point 7): coordinators only. */
export const figuresApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app);
  route.get(
    '/evaluations/:id/figures',
    {
      permission: 'coordinator',
      tags: ['evaluation'],
      operationId: 'getEvaluationFigures',
      summary: 'The compiled figures of an evaluation (coordinators)',
      description:
        'The figures of the latest approved version as they were frozen (`version` its ' +
        'number), or, before any approval, compiled now from every record, internal ones ' +
        'included (`version` null): the period beside the period of the same length just ' +
        'before it, and the flags to act on. Labels are Swedish. A coordinator’s API token ' +
        '(`Authorization: Bearer …`); 401 without one, 403 for other roles, 404 ' +
        'EVALUATION_NOT_FOUND for an unknown id.',
      params: evaluationIdParams,
      response: evaluationFiguresJson,
    },
    async (request, reply) => {
      const result = await evaluationFigures(app.db, request.params.id);
      reply.header('cache-control', 'no-store');
      return { ...result, evaluationId: request.params.id };
    },
  );
};

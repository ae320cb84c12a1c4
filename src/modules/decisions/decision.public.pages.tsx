import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPage } from '../../platform/render.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { decisionIdParams } from './decision.schema.ts';
import { listDecisions } from './decision.service.ts';
import { getDecisionDetail } from './history.service.ts';
import { PublicDecisionPage } from './views/public-decision-page.tsx';
import { PublicDecisionsPage } from './views/public-decisions-page.tsx';

/** Decisions per page of the public register. */
export const PUBLIC_DECISIONS_PAGE_SIZE = 20;

/** The public register of council decisions: /decisions and /decisions/:id. */
export const decisionPublicPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/decisions',
    {
      config: { permission: 'public', pageCache: true },
      schema: { querystring: z.object({ page: z.string().max(20).optional() }) },
    },
    async (request, reply) => {
      const req = pageRequest(request.query.page, PUBLIC_DECISIONS_PAGE_SIZE);
      const { decisions, total } = await listDecisions(app.db.kysely, req);
      return renderPage(reply, PublicDecisionsPage, {
        decisions,
        info: pageInfo(req, total, decisions.length),
      });
    },
  );

  app.get(
    '/decisions/:id',
    { config: { permission: 'public', pageCache: true }, schema: { params: decisionIdParams } },
    async (request, reply) => {
      const detail = await getDecisionDetail(app.db, request.params.id);
      return renderPage(reply, PublicDecisionPage, { detail });
    },
  );
};

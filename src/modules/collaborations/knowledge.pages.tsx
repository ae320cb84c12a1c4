import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderPage } from '../../platform/render.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { searchKnowledge } from './knowledge.ts';
import { filterChoices } from './report.routes.tsx';
import { KnowledgePage } from './views/knowledge-page.tsx';

/**
 * The knowledge bank: full-text search over what collaborations and exchanges learned.
 * Gothenburg's internal learning, for Gothenburg's own roles; not for the twin cities'
 * partner contacts (decision 016).
 */
export const knowledgePages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workspace/knowledge',
    { config: { permission: 'internal' } },
    async (request, reply) => {
      const filters = lenientFilters(request.query);
      delete filters.status;
      delete filters.kind;
      const page = pageRequest((request.query as { page?: unknown }).page, 20);
      const [result, choices] = await Promise.all([
        searchKnowledge(app.db, filters, page),
        filterChoices(app, request),
      ]);
      return renderPage(reply, KnowledgePage, {
        filters,
        choices,
        result,
        info: pageInfo(page, result.total, result.hits.length),
      });
    },
  );
};

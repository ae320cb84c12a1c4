import type { FastifyInstance } from 'fastify';
import { renderPage } from '../../platform/render.ts';
import { datasetsModified } from './catalogue.service.ts';
import { DatasetsPage } from './views/datasets-page.tsx';

/** `/datasets` in every language: the open datasets, their downloads and the catalogue. */
export async function datasetsPages(app: FastifyInstance): Promise<void> {
  app.get(
    '/datasets',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) => {
      const base = (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(
        /\/$/,
        '',
      );
      return renderPage(reply, DatasetsPage, {
        modified: await datasetsModified(app.db),
        catalogueUrl: `${base}/datasets/dcat`,
        contactEmail: app.config.openDataContactEmail,
      });
    },
  );
}

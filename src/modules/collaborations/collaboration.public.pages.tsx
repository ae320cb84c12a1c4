import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderWithRelated } from '../../platform/related-content.ts';
import { renderPage } from '../../platform/render.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { listCities, localized } from '../cities/index.ts';
import { listOrganisations } from '../organisations/index.ts';
import { listAreas } from './area.service.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { partnerCities } from './collaboration.helpers.ts';
import { getCollaboration, listCollaborations } from './collaboration.service.ts';
import { exchangesOfCollaboration } from './exchange.service.ts';
import { areaChoice, cityChoice, organisationChoice } from './views/parts.tsx';
import { PublicCollaborationPage, PublicCollaborationsPage } from './views/public.tsx';

/** The open list of public, acknowledged collaborations (P7) and one collaboration. */
export const collaborationPublicPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/collaborations',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) => {
      const filters = lenientFilters(request.query);
      delete filters.q;
      const page = pageRequest((request.query as { page?: unknown }).page, 25);
      const locale = request.i18n.locale;
      const [{ collaborations, total }, cities, twins, areas, orgs] = await Promise.all([
        listCollaborations(app.db.kysely, filters, 'public', page),
        listCities(app.db),
        partnerCities(app.db),
        listAreas(app.db.kysely),
        listOrganisations(app.db.kysely),
      ]);
      return renderPage(reply, PublicCollaborationsPage, {
        filters,
        choices: {
          cities: twins.map((c) => cityChoice(locale, c)),
          areas: areas.map((a) => areaChoice(locale, a)),
          organisations: orgs.map((o) => organisationChoice(locale, o)),
        },
        collaborations,
        cityNames: new Map(cities.map((c) => [c.slug, localized(c, locale).name])),
        info: pageInfo(page, total, collaborations.length),
      });
    },
  );

  app.get(
    '/collaborations/:id',
    {
      config: { permission: 'public', pageCache: true },
      schema: { params: z.object({ id: z.string().max(100) }) },
    },
    async (request, reply) => {
      const c = await getCollaboration(app.db.kysely, request.params.id, 'public');
      const [exchanges, cities] = await Promise.all([
        exchangesOfCollaboration(app.db.kysely, c.id, 'public'),
        listCities(app.db),
      ]);
      return renderWithRelated(
        app.db,
        reply,
        { kind: 'collaboration', id: c.id },
        PublicCollaborationPage,
        {
          collaboration: c,
          exchanges,
          cityNames: new Map(cities.map((x) => [x.slug, localized(x, request.i18n.locale).name])),
        },
      );
    },
  );
};

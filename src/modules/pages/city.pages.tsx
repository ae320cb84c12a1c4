import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderWithRelated } from '../../platform/related-content.ts';
import { renderPage } from '../../platform/render.ts';
import { statusHistory } from '../decisions/index.ts';
import { listMeetings } from '../meetings/index.ts';
import { publicCollaborationsOfCity } from '../collaborations/index.ts';
import { citySlugParams } from './city.schema.ts';
import { getChain, getCity, listCities } from '../cities/index.ts';
import { CitiesPage } from './views/cities-page.tsx';
import { CityPage } from './views/city-page.tsx';

export const cityPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cities',
    { config: { permission: 'public', pageCache: true } },
    async (request, reply) => {
      const cities = await listCities(app.db);
      const chain = await getChain(app.db, cities);
      return renderPage(reply, CitiesPage, { cities, chain });
    },
  );

  app.get(
    '/cities/:slug',
    { config: { permission: 'public', pageCache: true }, schema: { params: citySlugParams } },
    async (request, reply) => {
      const city = await getCity(app.db, request.params.slug);
      const chain = await getChain(app.db);
      const meetings = chain ? await listMeetings(app.db, chain) : [];
      const history = await statusHistory(app.db, city.id);
      const collaborations =
        city.kind === 'twin'
          ? await publicCollaborationsOfCity(app.db.kysely, city.id, 5)
          : undefined;
      return renderWithRelated(app.db, reply, { kind: 'city', id: city.id }, CityPage, {
        city,
        chain,
        meetings,
        history,
        collaborations,
      });
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCity, presentCityList } from './city.presenter.ts';
import { statusHistories, statusHistory } from '../decisions/index.ts';
import { apiRoutes } from '../../platform/api-route.ts';
import { cityListJson, cityListQuery, cityJson, citySlugParams } from './city.schema.ts';
import { getChain, getCity, listCities } from '../cities/index.ts';

export const cityApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app, { permission: 'public', pageCache: true, tags: ['cities'] });
  route.get(
    '/cities',
    {
      operationId: 'listCities',
      summary: 'List the cities: the home city, twin cities and partner cities',
      description:
        'Home city first, then twin cities, then partner cities. Filter with `status` and ' +
        '`kind`; each city carries its dated status history with the decision behind each ' +
        'change. An unknown filter value is refused with 400 VALIDATION_FAILED.',
      query: cityListQuery,
      response: cityListJson,
    },
    async (request) => {
      const { status, kind } = request.query;
      const all = await listCities(app.db);
      const chain = await getChain(app.db, all);
      const cities = all.filter(
        (c) => (!status || c.status === status) && (!kind || c.kind === kind),
      );
      const histories = await statusHistories(
        app.db,
        cities.map((c) => c.id),
      );
      return presentCityList(cities, chain, histories, request.i18n.locale);
    },
  );

  route.get(
    '/cities/:slug',
    {
      operationId: 'getCity',
      summary: 'One city by its slug',
      params: citySlugParams,
      response: cityJson,
    },
    async (request) => {
      const city = await getCity(app.db, request.params.slug);
      const chain = await getChain(app.db);
      return presentCity(city, chain, await statusHistory(app.db, city.id), request.i18n.locale);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { presentCity, presentCityList } from './city.presenter.ts';
import { cityListJson, cityJson, citySlugParams, errorJson } from './city.schema.ts';
import { getChain, getCity, listCities } from './city.service.ts';

export const cityApi: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cities',
    {
      config: { permission: 'public', pageCache: true },
      schema: {
        tags: ['cities'],
        operationId: 'listCities',
        summary: 'List the cities: the home city, twin cities and partner cities',
        response: { 200: cityListJson },
      },
    },
    async () => {
      const cities = await listCities(app.db);
      const chain = await getChain(app.db, cities);
      return presentCityList(cities, chain);
    },
  );

  app.get(
    '/cities/:slug',
    {
      config: { permission: 'public', pageCache: true },
      schema: {
        tags: ['cities'],
        operationId: 'getCity',
        summary: 'One city by its slug',
        params: citySlugParams,
        response: { 200: cityJson, 404: errorJson },
      },
    },
    async (request) => {
      const city = await getCity(app.db, request.params.slug);
      const chain = await getChain(app.db);
      return presentCity(city, chain);
    },
  );
};

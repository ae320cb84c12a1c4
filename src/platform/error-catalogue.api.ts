import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorCodes, errorSpec } from '../shared/errors.ts';
import { apiRoutes } from './api-route.ts';
import { errorCodeJson, errorTitle } from './problem-details.ts';

const errorCatalogueJson = () =>
  z
    .object({
      data: z.array(
        z.object({
          code: errorCodeJson(),
          status: z.number().int().meta({ example: 404 }),
          title: z.string().meta({ example: 'City not found' }),
          description: z
            .string()
            .describe('When it happens')
            .meta({ example: 'No city in the register has the given slug.' }),
        }),
      ),
    })
    .meta({ id: 'ErrorCatalogue' });

/** The error catalogue, published: what each problem `type` (/api/errors#CODE) refers to. */
export const errorCatalogue = () => ({
  data: errorCodes().map((code) => ({
    code,
    status: errorSpec(code).status,
    title: errorTitle(code),
    description: errorSpec(code).when,
  })),
});

/** `GET /api/errors`: every error code the API can answer with. */
export const errorCatalogueApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app);
  route.get(
    '/api/errors',
    {
      permission: 'public',
      tags: ['errors'],
      operationId: 'listErrors',
      summary: 'Every error code, with its HTTP status, title and when it happens',
      description:
        'Every API error is RFC 9457 problem details (`application/problem+json`) whose ' +
        '`type` is `/api/errors#<code>`: a reference to the entry of that code in this list.',
      response: errorCatalogueJson(),
    },
    async () => errorCatalogue(),
  );
};

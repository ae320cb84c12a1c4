import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const OPENAPI_INFO = {
  title: 'Vänortsportalen API',
  version: '1.0.0',
  description:
    "Open data about the City of Gothenburg's twin cities (Aarhus, Bergen, Turku) and the Nordic twin-city chain.",
};

/** The OpenAPI document at /api/openapi.json and the browsable docs at /api/docs. */
export async function registerOpenApi(
  app: FastifyInstance,
  markPublic: (scope: FastifyInstance) => void,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: '/' }],
      tags: [
        { name: 'cities', description: 'The twin-city registry' },
        {
          name: 'decisions',
          description: 'Council decisions and proposals on twin and partner cities',
        },
        { name: 'accounts', description: 'The calling user (Bearer API token)' },
        { name: 'meetings', description: 'Twin-city meetings and the host rotation' },
        {
          name: 'collaborations',
          description: "Administrations' and companies' collaborations with the twin cities",
        },
        {
          name: 'errors',
          description: 'The error catalogue: every code an API problem (RFC 9457) can carry',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });
  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) => reply.type('application/json; charset=utf-8').send(app.swagger()),
  );
  await app.register(async (scope) => {
    markPublic(scope);
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: false },
    });
  });
}

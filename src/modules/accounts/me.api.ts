import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiRoutes } from '../../platform/api-route.ts';
import type { User } from './account.service.ts';
import { scopeSlugsOf, type ScopeSlugs } from './api-token.service.ts';
import { ROLES } from './roles.ts';

export const meJson = z
  .object({
    id: z.string(),
    email: z.string().meta({ example: 'samordnare@vanort.example' }),
    name: z.string(),
    roles: z.array(
      z.object({
        role: z.enum(ROLES),
        organisation: z
          .string()
          .nullable()
          .describe("Slug of a reporter's administration or company, else null"),
        city: z.string().nullable().describe("Slug of a twin-city contact's city, else null"),
      }),
    ),
  })
  .meta({ id: 'Me' });

export function presentMe(user: User, slugs: ScopeSlugs): z.output<typeof meJson> {
  const slug = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map((g) => ({
      role: g.role,
      organisation: slug(slugs.organisations, g.organisationId),
      city: slug(slugs.cities, g.cityId),
    })),
  };
}

/** Who the caller is: shows that an API token (or a session) works. */
export const meApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app);
  route.get(
    '/me',
    {
      permission: 'authenticated',
      tags: ['accounts'],
      operationId: 'getMe',
      summary: 'The calling user and their roles',
      description:
        'Send a personal API token as `Authorization: Bearer vpt_…` (create one at /account/tokens). ' +
        'The token acts with its user’s roles. 401 UNAUTHENTICATED without a token, ' +
        '401 INVALID_TOKEN for an unknown, expired or revoked one.',
      response: meJson,
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      const user = request.user!;
      return presentMe(user, await scopeSlugsOf(app.db, user));
    },
  );
};

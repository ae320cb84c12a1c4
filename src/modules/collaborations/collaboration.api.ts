import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wholeNumber } from '../../shared/validation.ts';
import { sendCsv } from '../../platform/downloads.ts';
import { translatedText } from '../../platform/i18n/api.ts';
import { requestedLocale } from '../../platform/i18n/plugin.ts';
import { UTF8_BOM } from '../../shared/csv.ts';
import { errors } from '../../shared/errors.ts';
import { apiRoutes } from '../../platform/api-route.ts';
import { listCities } from '../cities/index.ts';
import { collaborationFilters } from './collaboration.filters.ts';
import { collaborationPolicy } from './collaboration.policy.ts';
import {
  collaborationCsvLine,
  csvHeaderLine,
  presentCollaboration,
  type NamesIn,
} from './collaboration.presenter.ts';
import {
  eachCollaboration,
  getCollaboration,
  listCollaborationsAfter,
} from './collaboration.service.ts';

const LIMIT_ERROR = 'limit must be a whole number from 1 to 200';

const apiFilters = collaborationFilters.omit({ q: true });

export const collaborationListQuery = apiFilters.extend({
  limit: wholeNumber(1, 200, LIMIT_ERROR)
    .default(50)
    .describe('Collaborations per slice, 1–200 (default 50)'),
  cursor: z
    .string()
    .max(200)
    .optional()
    .describe('The `nextCursor` of the previous slice (opaque)'),
});

/** Cursors are opaque: base64url of the last row's (starts_on, id). */
const encodeCursor = (c: { startsOn: string; id: string }) =>
  Buffer.from(JSON.stringify([c.startsOn, c.id])).toString('base64url');

function decodeCursor(cursor: string): { startsOn: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      value[1].length <= 100
    )
      return { startsOn: value[0], id: value[1] };
  } catch {
    // falls through to the 400 below
  }
  throw errors.validation([{ path: 'cursor', message: 'cursor is not one this API gave out' }]);
}

const collaborationJson = z
  .object({
    id: z.string(),
    title: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
    cities: z.array(z.string()).describe('Slugs of the partner twin cities'),
    areas: z.array(z.string()).describe('Slugs of the areas'),
    kind: z.string(),
    status: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    goals: z.string().nullable(),
    results: z.string().nullable(),
    funding: z.object({
      kind: z.string().nullable(),
      programme: z.string().nullable(),
      amount: z.number().nullable().describe('Whole kronor'),
    }),
    strategyTags: z.array(z.string()),
    visibility: z.enum(['public', 'internal']),
    publishedAt: z.string().nullable(),
    contact: z
      .object({ name: z.string().nullable(), email: z.string().nullable() })
      .optional()
      .describe("Callers with one of Gothenburg's roles only"),
    review: z
      .object({ state: z.string(), comment: z.string().nullable() })
      .optional()
      .describe("Callers with one of Gothenburg's roles only"),
    localized: z
      .object({
        cities: z.array(z.object({ slug: z.string(), name: translatedText })),
        areas: z.array(z.object({ slug: z.string(), name: translatedText })),
      })
      .describe(
        'The cities and areas (as in `cities` and `areas`) with their names in the language ' +
          'of the response (`lang`, `Accept-Language`, else Swedish), or in Swedish, with ' +
          '`lang: sv`, when a name has no translation (areas have Swedish and English names)',
      ),
    links: z.object({ self: z.string(), html: z.string() }),
  })
  .meta({ id: 'Collaboration' });

const listJson = z
  .object({
    data: z.array(collaborationJson).describe('Latest start first'),
    page: z.object({
      limit: z.number().int(),
      nextCursor: z.string().nullable(),
      next: z.string().nullable(),
    }),
  })
  .meta({ id: 'CollaborationList' });

/**
 * Anonymous callers and tokens of users without a role see public, published ones only; a
 * partner contact's token also those of their own city (decision 016).
 */
const scopeOf = (request: FastifyRequest) => collaborationPolicy.readScope(request.user);

/** Open to everyone; a token (or a signed-in browser) of a user with a role sees more. */
const OPEN_OR_SIGNED_IN: Record<string, string[]>[] = [{}, { apiToken: [] }, { session: [] }];

const DESCRIPTION =
  'Filters: `city`, `area`, `organisation` (slugs), `year` (the period overlaps it), `status`, ' +
  '`kind`. Anonymous callers see public, acknowledged collaborations with public fields only; ' +
  "a personal API token (`Authorization: Bearer vpt_…`) of a user with one of Gothenburg's " +
  'roles also sees internal ones, contacts and review states; the token of a twin city’s ' +
  'partner contact sees the public ones and those of their own city, with public fields only.';

export const collaborationApi: FastifyPluginAsyncZod = async (app) => {
  // Anonymous callers share one answer per address and language (the page cache and its
  // validators); a token or a session bypasses it (decision 043).
  const route = apiRoutes(app, {
    permission: 'public',
    pageCache: true,
    tags: ['collaborations'],
    security: OPEN_OR_SIGNED_IN,
  });
  const namesIn = async (request: FastifyRequest): Promise<NamesIn> => ({
    locale: request.i18n.locale,
    cities: new Map((await listCities(app.db)).map((c) => [c.id, c])),
  });

  route.get(
    '/collaborations',
    {
      operationId: 'listCollaborations',
      summary: "Gothenburg's collaborations with its twin cities",
      description: `${DESCRIPTION} Paginated by keyset: \`limit\` 1–200 (default 50) and \`cursor\`; bad values are a 400.`,
      query: collaborationListQuery,
      response: listJson,
    },
    async (request, reply) => {
      const { limit, cursor, ...filters } = request.query;
      const scope = scopeOf(request);
      const after = cursor !== undefined ? decodeCursor(cursor) : null;
      const rows = await listCollaborationsAfter(app.db.kysely, filters, scope, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
      const params = new URLSearchParams(
        Object.entries({ ...filters, limit: String(limit) }).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      if (nextCursor) params.set('cursor', nextCursor);
      const lang = requestedLocale(request);
      if (lang) params.set('lang', lang);
      reply.header(
        'cache-control',
        scope === 'public' ? 'public, max-age=60' : 'private, no-store',
      );
      const names = await namesIn(request);
      return {
        data: page.map((c) =>
          presentCollaboration(c, collaborationPolicy.readsStaffDetails(scope), names),
        ),
        page: {
          limit,
          nextCursor,
          next: nextCursor ? `/api/v1/collaborations?${params.toString()}` : null,
        },
      };
    },
  );

  route.get(
    '/collaborations.csv',
    {
      pageCache: false, // the streamed CSV is not kept in the page cache
      operationId: 'exportCollaborationsCsv',
      summary: 'The same list as CSV (UTF-8 with BOM, comma-separated), streamed',
      description: DESCRIPTION,
      query: apiFilters,
      response: {
        description: 'The list as CSV',
        content: {
          'text/csv': {
            schema: z.string().describe('A header line, then one line per collaboration'),
          },
        },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const db = app.db.kysely;
      const filters = request.query;
      async function* lines() {
        yield UTF8_BOM + csvHeaderLine();
        for await (const c of eachCollaboration(db, filters, scope, 500))
          yield collaborationCsvLine(c);
      }
      const cache = scope === 'public' ? 'public, max-age=60' : 'private, no-store';
      return sendCsv(reply, 'samarbeten.csv', lines(), cache);
    },
  );

  route.get(
    '/collaborations/:id',
    {
      operationId: 'getCollaboration',
      summary: 'One collaboration',
      description: `404 COLLABORATION_NOT_FOUND for an unknown id or one the caller may not see. ${DESCRIPTION}`,
      params: z.object({ id: z.string().max(100) }),
      response: collaborationJson,
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const c = await getCollaboration(app.db.kysely, request.params.id, scope);
      reply.header(
        'cache-control',
        scope === 'public' ? 'public, max-age=60' : 'private, no-store',
      );
      return presentCollaboration(
        c,
        collaborationPolicy.readsStaffDetails(scope),
        await namesIn(request),
      );
    },
  );
};

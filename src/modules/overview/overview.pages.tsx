import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderPage } from '../../platform/render.ts';
import { overviewPickerQuery, overviewCityParams, overviewYearParams } from './overview.schema.ts';
import { overviewYears, parseOverviewYear, twinCities, yearOverview } from './overview.service.ts';
import { OverviewPage } from './views/overview-page.tsx';
import { currentYear } from '../../shared/dates.ts';
import { citiesErrors } from '../cities/index.ts';

const PUBLIC = { permission: 'public', pageCache: true } as const;

/**
 * The yearly overview (issue 14, point 3): `/overview` (this year), `/overview/:year` and
 * `/overview/:year/:city` (a twin city), in every language. A year that is not four digits
 * between 1946 and this year, or a city that is not a twin city, is a 404 page.
 */
export const overviewPages: FastifyPluginAsyncZod = async (app) => {
  /** The overview of a year, for all twin cities (null) or one (its slug). */
  const renderOverview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    citySlug: string | null,
  ) =>
    renderPage(reply, OverviewPage, {
      overview: await yearOverview(app.db, year, citySlug),
      years: overviewYears(),
    });

  // The year picker is a GET form on /overview: its choice redirects to the year's address.
  app.get(
    '/overview',
    { config: PUBLIC, schema: { querystring: overviewPickerQuery } },
    async (request, reply) => {
      const { year: yearText, city: citySlug } = request.query;
      if (yearText !== undefined || citySlug !== undefined) {
        const year = parseOverviewYear(yearText ?? String(currentYear()));
        const slug = citySlug ? citySlug : null;
        if (slug && !(await twinCities(app.db)).some((c) => c.slug === slug))
          throw citiesErrors.cityNotFound(slug);
        return reply.redirect(slug ? `/overview/${year}/${slug}` : `/overview/${year}`, 303);
      }
      return renderOverview(request, reply, currentYear(), null);
    },
  );

  app.get(
    '/overview/:year',
    { config: PUBLIC, schema: { params: overviewYearParams } },
    async (request, reply) => {
      const year = parseOverviewYear(request.params.year);
      return renderOverview(request, reply, year, null);
    },
  );

  app.get(
    '/overview/:year/:city',
    { config: PUBLIC, schema: { params: overviewCityParams } },
    async (request, reply) => {
      const year = parseOverviewYear(request.params.year);
      return renderOverview(request, reply, year, request.params.city);
    },
  );
};

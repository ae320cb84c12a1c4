import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { ALL_LOCALES } from '../../platform/i18n/locales.ts';
import { submitForm } from '../../platform/forms.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
import { cityFactsForm, updateCityFacts } from './city-facts.service.ts';
import { getCity, listCities, localized } from './city.service.ts';
import {
  CityFactsFormPage,
  CityFactsListPage,
  type CityFactsValues,
  type CityListEntry,
} from './views/city-facts-page.tsx';

const COORDINATOR = { permission: 'coordinator' } as const;
const slugParams = z.object({ slug: z.string().max(100) });

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The form's values from a posted body; anything not a string is empty, long text cut. */
function valuesFrom(body: unknown): CityFactsValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const names: CityFactsValues['names'] = {};
  const descriptions: CityFactsValues['descriptions'] = {};
  for (const lang of ALL_LOCALES) {
    names[lang] = str(b[`name_${lang}`], 1000);
    descriptions[lang] = str(b[`description_${lang}`], 20000);
  }
  return {
    names,
    descriptions,
    countryCode: str(b.countryCode, 100),
    region: str(b.region, 1000),
    latitude: str(b.latitude, 100),
    longitude: str(b.longitude, 100),
    population: str(b.population, 100),
    website: str(b.website, 1000),
    contactName: str(b.contactName, 1000),
    contactEmail: str(b.contactEmail, 1000),
  };
}

/** The coordinators edit the facts of a city; kind and status are never in this form. */
export const cityFactsPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/cities', { config: COORDINATOR }, async (request, reply) => {
    const cities = (await listCities(app.db)).map((c): CityListEntry => ({
      slug: c.slug,
      name: localized(c, request.i18n.locale).name,
      kind: c.kind,
      status: c.status,
    }));
    return sendPage(reply, <CityFactsListPage ctx={pageContext(request, reply)} cities={cities} />);
  });

  const entry = async (request: FastifyRequest, slug: string): Promise<CityListEntry> => {
    const city = await getCity(app.db, slug);
    return {
      slug: city.slug,
      name: localized(city, request.i18n.locale).name,
      kind: city.kind,
      status: city.status,
    };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values: CityFactsValues,
  ) =>
    sendPage(
      reply,
      <CityFactsFormPage
        ctx={pageContext(request, reply)}
        city={await entry(request, slug)}
        values={values}
      />,
    );

  app.get(
    '/workspace/cities/:slug',
    { config: COORDINATOR, schema: { params: slugParams } },
    async (request, reply) => {
      const form = await cityFactsForm(app.db, request.params.slug);
      return renderForm(request, reply, form.slug, form.values);
    },
  );

  app.post(
    '/workspace/cities/:slug',
    { config: COORDINATOR, schema: { params: slugParams } },
    async (request, reply) => {
      const { slug } = request.params;
      return submitForm(request, reply, {
        values: valuesFrom(request.body),
        submit: (values) => updateCityFacts(app.db, actorOf(request), slug, values),
        invalid: ({ values }) => renderForm(request, reply, slug, values),
        done: async (changed) => ({
          to: `/cities/${slug}`,
          flash: changed.length ? 'flash.cityFactsSaved' : 'flash.cityFactsUnchanged',
          params: { city: (await entry(request, slug)).name },
        }),
      });
    },
  );
};

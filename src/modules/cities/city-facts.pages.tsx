import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { ALL_LOCALES } from '../../platform/i18n/locales.ts';
import { keepInputProblems, readForm, submitForm } from '../../platform/forms.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
import { cityFactsFields } from './city-facts.schema.ts';
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

/** The form's values from a posted body, read by the form's schema (see `readForm`). */
function valuesFrom(body: unknown): CityFactsValues {
  const sent = readForm(body, cityFactsFields) as Record<string, string>;
  const field = (name: string) => sent[name] ?? '';
  const names: CityFactsValues['names'] = {};
  const descriptions: CityFactsValues['descriptions'] = {};
  for (const lang of ALL_LOCALES) {
    names[lang] = field(`name_${lang}`);
    descriptions[lang] = field(`description_${lang}`);
  }
  const values: CityFactsValues = {
    names,
    descriptions,
    countryCode: field('countryCode'),
    region: field('region'),
    latitude: field('latitude'),
    longitude: field('longitude'),
    population: field('population'),
    website: field('website'),
    contactName: field('contactName'),
    contactEmail: field('contactEmail'),
  };
  // What the reader refused (a value too long, …) goes with the values to submitForm.
  return keepInputProblems(values, sent);
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

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COORDINATOR } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import {
  keepInputProblems,
  readForm,
  readVersion,
  submitForm,
  type FormState,
} from '../../platform/forms.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { renderPage } from '../../platform/render.ts';
import { errors, isAppError } from '../../shared/errors.ts';
import { multiline } from '../../shared/validation.ts';
import { cityFactsFields } from './city-facts.schema.ts';
import { inputOf, updateCityFacts } from './city-facts.service.ts';
import {
  approveSuggestion,
  cityFactsAccess,
  cityFactsState,
  MAX_COMMENT,
  partnerLanguages,
  returnSuggestion,
  suggestCityFacts,
  withSuggestion,
  type CityFactsState,
} from './city-suggestion.service.ts';
import { getCity, listCities, localized } from './city.service.ts';
import {
  CityFactsFormPage,
  CityFactsListPage,
  SuggestionReviewPage,
  type CityFactsValues,
  type CityListEntry,
} from './views/city-facts-page.tsx';
import { citiesErrors } from './errors.ts';

/** Coordinators (every city) and partner contacts (their own city, checked in the service). */
const CITY_FACTS = { permission: 'cityFacts' } as const;
const slugParams = z.object({ slug: z.string().max(100) });
const commentForm = z.object({ comment: multiline(z.string().max(MAX_COMMENT)) });

/** The form's values from a posted body, read by the form's schema (see `readForm`). */
function valuesFrom(body: unknown): CityFactsValues {
  const sent = readForm(body, cityFactsFields) as Record<string, string>;
  const values: CityFactsValues = {};
  for (const name of Object.keys(cityFactsFields.shape)) values[name] = sent[name] ?? '';
  // What the reader refused (a value too long, …) goes with the values to submitForm.
  return keepInputProblems(values, sent);
}

/**
 * The city facts pages: the coordinators' list and form (saved at once), the partner
 * contact's form for their own city (saved as a suggestion, decision 036), and the
 * coordinators' review of a suggestion. Kind and status are never in these forms.
 */
export const cityFactsPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/cities', { config: COORDINATOR }, async (request, reply) => {
    const cities = (await listCities(app.db)).map((c): CityListEntry => ({
      slug: c.slug,
      name: localized(c, request.i18n.locale).name,
      kind: c.kind,
      status: c.status,
    }));
    return renderPage(reply, CityFactsListPage, { cities });
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

  /** The state of the city, and how the user may change it (403 when they may not). */
  const stateFor = async (request: FastifyRequest, slug: string) => {
    const state = await cityFactsState(app.db, slug);
    const access = cityFactsAccess(request.user ?? null, state.city.id);
    if (!access) throw errors.forbidden();
    return { state, access };
  };

  /**
   * The form with the saved values, or the person's after a refused save. After a conflict
   * (someone saved in between) it shows the saved version beside theirs and carries it.
   */
  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    refused?: { values: CityFactsValues; version: string | undefined; conflict: boolean },
  ) => {
    const { state, access } = await stateFor(request, slug);
    const saved = access === 'suggest' ? withSuggestion(state) : state.published;
    return renderPage(reply, CityFactsFormPage, {
      city: await entry(request, slug),
      values: refused?.values ?? saved,
      mode: access,
      languages: access === 'suggest' ? partnerLanguages(state.city.country_code) : undefined,
      version: !refused || refused.conflict ? versionOf(state, access) : refused.version,
      conflict: refused?.conflict ? { savedAt: savedAt(state, access), values: saved } : undefined,
      suggestion: state.suggestion,
    });
  };

  app.get(
    '/workspace/cities/:slug',
    { config: CITY_FACTS, schema: { params: slugParams } },
    async (request, reply) => renderForm(request, reply, request.params.slug),
  );

  app.post(
    '/workspace/cities/:slug',
    { config: CITY_FACTS, schema: { params: slugParams } },
    async (request, reply) => {
      const { slug } = request.params;
      const { state, access } = await stateFor(request, slug);
      const version = readVersion(request.body);
      const invalid = ({ values, error }: FormState<CityFactsValues>) =>
        renderForm(request, reply, slug, {
          values,
          version,
          conflict: isAppError(error, 'EDIT_CONFLICT'),
        });
      const city = (await entry(request, slug)).name;
      if (access === 'suggest')
        return submitForm(request, reply, {
          values: valuesFrom(request.body),
          submit: (values) =>
            suggestCityFacts(app.db, actorOf(request), request.user!, slug, values, version),
          invalid,
          done: (outcome) => ({
            to: `/workspace/cities/${slug}`,
            flash: `flash.citySuggestion.${outcome}`,
            params: { city },
          }),
        });
      return submitForm(request, reply, {
        values: valuesFrom(request.body),
        submit: (values) =>
          updateCityFacts(app.db, actorOf(request), slug, inputOf(values), version),
        invalid,
        done: (changed) => ({
          to: `/cities/${state.city.slug}`,
          flash: changed.length ? 'flash.cityFactsSaved' : 'flash.cityFactsUnchanged',
          params: { city },
        }),
      });
    },
  );

  /** The review of a city's pending suggestion (404 when none waits). */
  const renderReview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values?: Record<string, string>,
  ) => {
    const state = await cityFactsState(app.db, slug);
    const suggestion = state.suggestion;
    if (suggestion?.status !== 'pending') throw citiesErrors.citySuggestionNotFound(slug);
    const rows = Object.entries(suggestion.changes).map(([field, change]) => ({
      field,
      published: state.published[field] ?? '',
      suggested: change.after,
    }));
    return renderPage(reply, SuggestionReviewPage, {
      city: await entry(request, slug),
      suggestion,
      rows,
      values,
    });
  };

  const review = pageWithForms(
    app,
    '/workspace/cities/:slug/suggestion',
    { config: COORDINATOR, schema: { params: slugParams } },
    (request, reply, { slug }) => renderReview(request, reply, slug),
  );

  review.post('/approve', async (request, _reply, { slug }, run) => {
    const city = (await entry(request, slug)).name;
    return run({
      values: {},
      submit: () => approveSuggestion(app.db, actorOf(request), slug, readVersion(request.body)),
      done: () => ({
        to: `/workspace/cities/${slug}`,
        flash: 'flash.citySuggestion.approved',
        params: { city },
      }),
    });
  });

  review.post('/return', async (request, reply, { slug }, run) => {
    const city = (await entry(request, slug)).name;
    return run({
      values: readForm(request.body, commentForm),
      submit: (values) =>
        returnSuggestion(
          app.db,
          actorOf(request),
          slug,
          values.comment ?? '',
          readVersion(request.body),
        ),
      invalid: ({ values }) => renderReview(request, reply, slug, values as Record<string, string>),
      done: () => ({
        to: `/workspace/cities/${slug}`,
        flash: 'flash.citySuggestion.returned',
        params: { city },
      }),
    });
  });
};

/** The version a form saves over: an open suggestion's for the partner contact, else the city's. */
function versionOf(state: CityFactsState, access: 'edit' | 'suggest'): string {
  return access === 'suggest' ? state.version : state.city.updated_at;
}

/** When the version a conflict is shown against was saved. */
function savedAt(state: CityFactsState, access: 'edit' | 'suggest'): string {
  const open = state.suggestion && state.suggestion.status !== 'approved';
  return access === 'suggest' && open ? state.suggestion!.submittedAt : state.city.updated_at;
}

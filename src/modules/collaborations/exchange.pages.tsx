import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { exchangeForm, type ExchangeInput } from './collaboration.schema.ts';
import {
  changeExchange,
  collaborationChoices,
  getExchange,
  listExchanges,
  registerExchange,
  type Exchange,
} from './exchange.service.ts';
import {
  reportChoices,
  reportPages,
  scopeOf,
  sendReport,
  userOf,
  type RenderReport,
} from './report.routes.tsx';
import { ExchangeDetailPage, ExchangeFormPage, ExchangesPage } from './views/exchange-pages.tsx';

const valuesOf = (e: Exchange): ExchangeInput => ({
  organisation: e.organisation.slug,
  city: e.city.slug,
  occurredOn: e.occurredOn,
  direction: e.direction,
  participants: String(e.participants),
  activities: e.activities,
  learnings: e.learnings ?? '',
  collaboration: e.collaboration?.id ?? '',
  visibility: e.visibility,
});

/** One exchange's workspace page; the review routes show it again with their form. */
export const renderExchange: RenderReport = (app, request, reply, id, reviewValues) =>
  sendReport(
    app,
    request,
    reply,
    { entity: 'exchange', get: getExchange },
    id,
    async () => null,
    (page, e, names) => (
      <ExchangeDetailPage
        {...page}
        exchange={e}
        cityName={names.get(e.city.slug) ?? e.city.slug}
        reviewValues={reviewValues}
      />
    ),
  );

/** Experience exchanges in the workspace: the list, the new and edit forms, one exchange. */
export const exchangePages: FastifyPluginAsyncZod = async (app) =>
  reportPages(app, {
    base: '/workspace/exchanges',
    load: async (request, page) => {
      const all = lenientFilters(request.query);
      const filters = { city: all.city, organisation: all.organisation, year: all.year };
      const { exchanges, total } = await listExchanges(
        app.db.kysely,
        filters,
        scopeOf(request),
        page,
      );
      return { filters, rows: exchanges, total };
    },
    list: (list, { filters, rows }) => (
      <ExchangesPage
        {...list}
        filters={Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))}
        exchanges={rows}
      />
    ),
    form: exchangeForm,
    // "Add an exchange" on a collaboration's page names the collaboration.
    empty: (request) => ({
      ...readForm({}, exchangeForm),
      collaboration: readForm(request.query, exchangeForm).collaboration,
      visibility: 'public',
    }),
    valuesOf,
    service: { get: getExchange, register: registerExchange, change: changeExchange },
    renderForm: async (request, reply, form) => {
      const [{ orgs, organisations, cities }, collaborations] = await Promise.all([
        reportChoices(app, request),
        collaborationChoices(app.db.kysely, userOf(request)),
      ]);
      const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
      return renderPage(reply, ExchangeFormPage, {
        ...form,
        organisations,
        cities,
        collaborations: collaborations.map((c) => ({
          value: c.id,
          label:
            orgs.length > 1 ? `${c.title} (${orgNames.get(c.organisation_id) ?? ''})` : c.title,
        })),
      });
    },
    renderReport: (request, reply, id) => renderExchange(app, request, reply, id),
  });

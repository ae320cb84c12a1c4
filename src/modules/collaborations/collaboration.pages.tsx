import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { readForm } from '../../platform/forms.ts';
import { renderPage, sendPage } from '../../platform/render.ts';
import { areasForForms } from './area.service.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { collaborationForm, type CollaborationInput } from './collaboration.schema.ts';
import {
  changeCollaboration,
  getCollaboration,
  listCollaborations,
  registerCollaboration,
  type Collaboration,
} from './collaboration.service.ts';
import { exchangesOfCollaboration } from './exchange.service.ts';
import {
  cityNames,
  listRoute,
  refuseOtherOrganisations,
  reportChoices,
  reportPageProps,
  reportRoutes,
  scopeOf,
  userOf,
  type RenderReport,
} from './report.routes.tsx';
import {
  CollaborationDetailPage,
  CollaborationFormPage,
  CollaborationsPage,
} from './views/collaboration-pages.tsx';

const valuesOf = (c: Collaboration): CollaborationInput => ({
  organisation: c.organisation.slug,
  title: c.title,
  cities: c.cities.map((x) => x.slug),
  areas: c.areas.map((a) => a.slug),
  kind: c.kind,
  status: c.status,
  startsOn: c.startsOn,
  endsOn: c.endsOn ?? '',
  goals: c.goals ?? '',
  results: c.results ?? '',
  contactName: c.contactName ?? '',
  contactEmail: c.contactEmail ?? '',
  fundingKind: c.funding.kind ?? '',
  fundingProgramme: c.funding.programme ?? '',
  fundingAmount: c.funding.amount === null ? '' : String(c.funding.amount),
  strategyTags: c.strategyTags.join(', '),
  visibility: c.visibility,
});

const empty = (): CollaborationInput => ({
  ...readForm({}, collaborationForm),
  visibility: 'public',
});

/** One collaboration's workspace page; the review routes show it again with their form. */
export const renderCollaboration: RenderReport = async (app, request, reply, id, reviewValues) => {
  const scope = scopeOf(request);
  const c = await getCollaboration(app.db.kysely, id, scope);
  const [exchanges, names, page] = await Promise.all([
    exchangesOfCollaboration(app.db.kysely, id, scope),
    cityNames(app, request),
    reportPageProps(app, request, reply, 'collaboration', c),
  ]);
  return sendPage(
    reply,
    <CollaborationDetailPage
      {...page}
      collaboration={c}
      exchanges={exchanges}
      cityNames={names}
      reviewValues={reviewValues}
    />,
  );
};

/** Collaborations in the workspace: the list, the new and edit forms, one collaboration. */
export const collaborationPages: FastifyPluginAsyncZod = async (app) => {
  refuseOtherOrganisations(app);

  listRoute(
    app,
    '/workspace/collaborations',
    async (request, page) => {
      const filters = lenientFilters(request.query);
      delete filters.q;
      const { collaborations, total } = await listCollaborations(
        app.db.kysely,
        filters,
        scopeOf(request),
        page,
      );
      return { filters, rows: collaborations, total };
    },
    (list, { filters, rows }) => (
      <CollaborationsPage {...list} filters={filters} collaborations={rows} />
    ),
  );

  reportRoutes(app, {
    base: '/workspace/collaborations',
    form: collaborationForm,
    empty,
    valuesOf,
    find: (id) => getCollaboration(app.db.kysely, id, 'internal'),
    register: (request, values) =>
      registerCollaboration(app.db, actorOf(request), userOf(request), values),
    change: (request, id, values, version) =>
      changeCollaboration(app.db, actorOf(request), userOf(request), id, values, version),
    renderForm: async (request, reply, form) => {
      const [{ organisations, cities }, areas] = await Promise.all([
        reportChoices(app, request),
        areasForForms(app.db),
      ]);
      return renderPage(reply, CollaborationFormPage, { ...form, organisations, cities, areas });
    },
    renderReport: (request, reply, id) => renderCollaboration(app, request, reply, id),
  });
};

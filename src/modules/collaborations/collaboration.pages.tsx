import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
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
  reportChoices,
  reportPages,
  scopeOf,
  sendReport,
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
export const renderCollaboration: RenderReport = (app, request, reply, id, reviewValues) =>
  sendReport(
    app,
    request,
    reply,
    { entity: 'collaboration', get: getCollaboration },
    id,
    () => exchangesOfCollaboration(app.db.kysely, id, scopeOf(request)),
    (page, c, names, exchanges) => (
      <CollaborationDetailPage
        {...page}
        collaboration={c}
        exchanges={exchanges}
        cityNames={names}
        reviewValues={reviewValues}
      />
    ),
  );

/** Collaborations in the workspace: the list, the new and edit forms, one collaboration. */
export const collaborationPages: FastifyPluginAsyncZod = async (app) =>
  reportPages(app, {
    base: '/workspace/collaborations',
    load: async (request, page) => {
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
    list: (list, { filters, rows }) => (
      <CollaborationsPage {...list} filters={filters} collaborations={rows} />
    ),
    form: collaborationForm,
    empty,
    valuesOf,
    service: {
      get: getCollaboration,
      register: registerCollaboration,
      change: changeCollaboration,
    },
    renderForm: async (request, reply, form) => {
      const [{ organisations, cities }, areas] = await Promise.all([
        reportChoices(app, request),
        areasForForms(app.db),
      ]);
      return renderPage(reply, CollaborationFormPage, { ...form, organisations, cities, areas });
    },
    renderReport: (request, reply, id) => renderCollaboration(app, request, reply, id),
  });

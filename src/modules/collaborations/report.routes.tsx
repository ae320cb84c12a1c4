import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { actorOf } from '../../platform/auth.ts';
import { handleError } from '../../platform/error-handler.tsx';
import { readForm, readVersion, submitForm, type FormStrings } from '../../platform/forms.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { pageContext, sendPage } from '../../platform/render.ts';
import { isAppError } from '../../shared/errors.ts';
import { pageInfo, pageRequest, type PageInfo, type PageRequest } from '../../shared/pagination.ts';
import type { SavedVersion } from '../../ui/edit-conflict.tsx';
import { Layout } from '../../ui/layout.tsx';
import { listCities, localized } from '../cities/index.ts';
import { listOrganisations } from '../organisations/index.ts';
import { areasForForms } from './area.service.ts';
import { collaborationPolicy } from './collaboration.policy.ts';
import { partnerCities, type Reporter } from './collaboration.helpers.ts';
import type { ReviewInput } from './collaboration.schema.ts';
import type { Scope } from './collaboration.repository.ts';
import { organisationChoices } from './collaboration.service.ts';
import type { Change, Register } from './report.service.ts';
import { queuePlace, reviewHistory, type ReviewEntity } from './review.service.ts';
import { areaChoice, type Choices, cityChoice, organisationChoice } from './views/parts.tsx';

/**
 * What the workspace plugins of collaborations and exchanges share: the choices their
 * forms and filters offer, the refusal page, and the routes of a report (P8): the new and
 * edit forms, saved through the form helper, and its page.
 */

export type App = Parameters<FastifyPluginAsyncZod>[0];

export const AUTH = { permission: 'authenticated' } as const;
export const REPORTING = { permission: 'reporting' } as const;
export const COORDINATOR = { permission: 'coordinator' } as const;
export const idParams = z.object({ id: z.string().max(100) });

export const userOf = (request: FastifyRequest): Reporter => request.user!;

/** What the user reads of collaborations and exchanges (decision 016). */
export const scopeOf = (request: FastifyRequest) => collaborationPolicy.readScope(request.user);

/** City names in the reader's language, by slug. */
export async function cityNames(app: App, request: FastifyRequest) {
  return new Map(
    (await listCities(app.db)).map((c) => [c.slug, localized(c, request.i18n.locale).name]),
  );
}

/** What the filter forms offer: partner cities, areas, active organisations. */
export async function filterChoices(app: App, request: FastifyRequest): Promise<Choices> {
  const locale = request.i18n.locale;
  const [twins, areas, orgs] = await Promise.all([
    partnerCities(app.db),
    areasForForms(app.db),
    listOrganisations(app.db.kysely),
  ]);
  return {
    cities: twins.map((c) => cityChoice(locale, c)),
    areas: areas.map((a) => areaChoice(locale, a)),
    organisations: orgs.filter((o) => o.active).map((o) => organisationChoice(locale, o)),
  };
}

/** What every report form offers: the organisations the user reports for, the partner cities. */
export async function reportChoices(app: App, request: FastifyRequest) {
  const [orgs, twins] = await Promise.all([
    organisationChoices(app.db.kysely, userOf(request)),
    partnerCities(app.db),
  ]);
  return {
    orgs,
    organisations: orgs.map((o) => organisationChoice(request.i18n.locale, o)),
    cities: twins.map((c) => cityChoice(request.i18n.locale, c)),
  };
}

function Forbidden({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('error.forbidden.title')}>
      <h1>{t('error.forbidden.title')}</h1>
      <p>{t('collab.err.notYourOrganisation')}</p>
    </Layout>
  );
}

/** A reporter of another organisation: a 403 page that says why; nothing was changed. */
export const forbidden = (request: FastifyRequest, reply: FastifyReply) =>
  sendPage(reply, <Forbidden ctx={pageContext(request, reply)} />, 403);

/** The plugin's error handler (encapsulated): refusals by organisation get their own page. */
export function refuseOtherOrganisations(app: App) {
  app.setErrorHandler((error, request, reply) =>
    isAppError(error, 'NOT_YOUR_ORGANISATION')
      ? forbidden(request, reply)
      : handleError(error, request, reply),
  );
}

/** What every workspace list shows besides its rows: the filter choices, city names, who may report. */
export async function listPageProps(app: App, request: FastifyRequest, reply: FastifyReply) {
  const [names, choices] = await Promise.all([
    cityNames(app, request),
    filterChoices(app, request),
  ]);
  return {
    ctx: pageContext(request, reply),
    cityNames: names,
    choices,
    canReport: collaborationPolicy.canReport(request.user),
    canExport: collaborationPolicy.canExport(request.user),
    showReview: collaborationPolicy.readsStaffDetails(scopeOf(request)),
  };
}

/** Shows one report's workspace page; the review routes show it again with their form. */
export type RenderReport = (
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  reviewValues?: ReviewInput,
) => Promise<FastifyReply>;

/**
 * One report's workspace page: the report as the reader's scope sees it, what its page shows
 * besides (`more`, e.g. a collaboration's exchanges), the city names and what every report's
 * page shows, fetched together.
 */
export async function sendReport<T extends Report, M>(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: { entity: ReviewEntity; get: ReportService<never, T>['get'] },
  id: string,
  more: (report: T) => Promise<M>,
  render: (
    page: Awaited<ReturnType<typeof reportPageProps>>,
    report: T,
    names: Map<string, string>,
    more: M,
  ) => JSX.Element,
) {
  const report = await kind.get(app.db.kysely, id, scopeOf(request));
  const [extra, names, page] = await Promise.all([
    more(report),
    cityNames(app, request),
    reportPageProps(app, request, reply, kind.entity, report),
  ]);
  return sendPage(reply, render(page, report, names, extra));
}

type ListLoad = { rows: readonly unknown[]; total: number };
type ListRender<L> = (
  list: Awaited<ReturnType<typeof listPageProps>> & { info: PageInfo },
  loaded: L,
) => JSX.Element;

/**
 * A workspace list's route: the page asked for, its rows (`load` reads the filters from the
 * query) and what every list page shows, fetched together.
 */
export function listRoute<L extends ListLoad>(
  app: App,
  path: string,
  load: (request: FastifyRequest, page: PageRequest) => Promise<L>,
  render: ListRender<L>,
) {
  app.get(path, { config: AUTH }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page, 50);
    const [loaded, list] = await Promise.all([
      load(request, page),
      listPageProps(app, request, reply),
    ]);
    return sendPage(
      reply,
      render({ ...list, info: pageInfo(page, loaded.total, loaded.rows.length) }, loaded),
    );
  });
}

interface Report {
  id: string;
  organisation: { id: string };
  /** The version of the record: the edit form carries it (optimistic locking). */
  updatedAt: string;
  review: { state: string; submittedAt: string | null };
}

/** What an edit form shows besides the values: the version it saves over, and a conflict. */
export interface ReportFormState<V> {
  action: string;
  editing: boolean;
  values: V;
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
}

/** What every report's page shows besides the report: its review history, and who may act. */
export async function reportPageProps(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  entity: ReviewEntity,
  report: Report,
) {
  // A partner contact reads the report, not Gothenburg's review of it (decision 016).
  const showReview = collaborationPolicy.readsStaffDetails(scopeOf(request));
  const canReview = collaborationPolicy.canReview(request.user);
  // A coordinator reviewing it sees its place in the queue and the next item.
  const [history, queue] = await Promise.all([
    showReview ? reviewHistory(app.db.kysely, entity, report.id) : [],
    canReview && report.review.state === 'submitted'
      ? queuePlace(app.db.kysely, entity, report.id, report.review.submittedAt)
      : null,
  ]);
  return {
    ctx: pageContext(request, reply),
    history,
    showReview,
    canChange: collaborationPolicy.canChange(request.user, report.organisation.id),
    canReview,
    queue,
  };
}

/** The service functions of a report kind, as collaboration.service and exchange.service export them. */
export interface ReportService<I, T> {
  /** One report, if the scope may read it, else 404. */
  get: (db: Executor, id: string, scope: Scope) => Promise<T>;
  register: Register<I, { id: string }>;
  change: Change<I, unknown>;
}

export interface ReportSpec<S extends z.ZodObject, T extends Report> {
  /** The workspace address of the list, e.g. /workspace/exchanges. */
  base: string;
  /** The form's schema: the route reads the body by it, the service checks it. */
  form: S;
  /** A new report's values (the query may preset some). */
  empty: (request: FastifyRequest) => FormStrings<S>;
  /** The stored report as form values. */
  valuesOf: (report: T) => FormStrings<S>;
  /** The kind's service: reading one report, registering one, changing one. */
  service: ReportService<FormStrings<S>, T>;
  renderForm: (
    request: FastifyRequest,
    reply: FastifyReply,
    form: ReportFormState<FormStrings<S>>,
  ) => Promise<FastifyReply>;
  renderReport: (request: FastifyRequest, reply: FastifyReply, id: string) => Promise<FastifyReply>;
}

/** The routes of a report: GET and POST new, its page, GET and POST edit. */
export function reportRoutes<S extends z.ZodObject, T extends Report>(
  app: App,
  spec: ReportSpec<S, T>,
) {
  const { base, service } = spec;
  // The edit form reads the report whatever the reader's scope; who may change it is checked after.
  const find = (id: string) => service.get(app.db.kysely, id, 'internal');
  // A reporter's save enters the review queue; a coordinator's is published as it is.
  const saved = (request: FastifyRequest) =>
    collaborationPolicy.canReview(request.user)
      ? 'collab.flash.savedCoordinator'
      : 'collab.flash.saved';

  app.get(`${base}/new`, { config: REPORTING }, async (request, reply) => {
    if (!collaborationPolicy.canReport(request.user)) return forbidden(request, reply);
    return spec.renderForm(request, reply, {
      action: `${base}/new`,
      editing: false,
      values: spec.empty(request),
    });
  });

  app.post(`${base}/new`, { config: REPORTING }, async (request, reply) =>
    submitForm(request, reply, {
      values: readForm(request.body, spec.form),
      submit: (values) => service.register(app.db, actorOf(request), userOf(request), values),
      invalid: ({ values }) =>
        spec.renderForm(request, reply, { action: `${base}/new`, editing: false, values }),
      done: (report) => ({ to: `${base}/${report.id}`, flash: saved(request) }),
    }),
  );

  app.get(`${base}/:id`, { config: AUTH, schema: { params: idParams } }, async (request, reply) =>
    spec.renderReport(request, reply, request.params.id),
  );

  app.get(
    `${base}/:id/edit`,
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const report = await find(request.params.id);
      if (!collaborationPolicy.canChange(request.user, report.organisation.id))
        return forbidden(request, reply);
      return spec.renderForm(request, reply, {
        action: `${base}/${report.id}/edit`,
        editing: true,
        values: spec.valuesOf(report),
        version: report.updatedAt,
      });
    },
  );

  app.post(
    `${base}/:id/edit`,
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const version = readVersion(request.body);
      const action = `${base}/${id}/edit`;
      return submitForm(request, reply, {
        values: readForm(request.body, spec.form),
        submit: (values) =>
          service.change(app.db, actorOf(request), userOf(request), id, values, version),
        invalid: async ({ values, error }) => {
          if (!isAppError(error, 'EDIT_CONFLICT'))
            return spec.renderForm(request, reply, { action, editing: true, values, version });
          // Saved by someone else since the form was opened: the person's input, the saved
          // version's differing fields beside it, and the saved version to save over.
          const current = await find(id);
          return spec.renderForm(request, reply, {
            action,
            editing: true,
            values,
            version: current.updatedAt,
            conflict: { savedAt: current.updatedAt, values: spec.valuesOf(current) },
          });
        },
        done: () => ({ to: `${base}/${id}`, flash: saved(request) }),
      });
    },
  );
}

/** A report kind's workspace plugin: the refusal page, the list, and the report's routes. */
export function reportPages<S extends z.ZodObject, T extends Report, L extends ListLoad>(
  app: App,
  spec: ReportSpec<S, T> & {
    load: (request: FastifyRequest, page: PageRequest) => Promise<L>;
    list: ListRender<L>;
  },
) {
  refuseOtherOrganisations(app);
  listRoute(app, spec.base, spec.load, spec.list);
  reportRoutes(app, spec);
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { AppError } from '../../shared/errors.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import { listCities, localized } from '../cities/index.ts';
import { listOrganisations } from '../organisations/index.ts';
import { problemErrors } from '../decisions/index.ts';
import { addArea, areasForForms, renameArea, setAreaActive } from './area.service.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { collaborationsSv } from './collaboration.messages.ts';
import { collaborationPolicy } from './collaboration.policy.ts';
import { partnerCities } from './collaboration.helpers.ts';
import {
  changeCollaboration,
  getCollaboration,
  listCollaborations,
  organisationChoices,
  registerCollaboration,
  type Collaboration,
} from './collaboration.service.ts';
import {
  changeExchange,
  collaborationChoices,
  exchangesOfCollaboration,
  getExchange,
  listExchanges,
  registerExchange,
  type Exchange,
} from './exchange.service.ts';
import {
  reviewHistory,
  reviewItem,
  reviewQueue,
  type ReviewEntity,
  type ReviewMail,
} from './review.service.ts';
import { searchKnowledge } from './knowledge.ts';
import type { Choices } from './views/parts.tsx';
import {
  AreasPage,
  CollaborationDetailPage,
  CollaborationFormPage,
  CollaborationsPage,
  ExchangeDetailPage,
  ExchangeFormPage,
  ExchangesPage,
  KnowledgePage,
  ReviewQueuePage,
  type CollaborationValues,
  type ExchangeValues,
} from './views/workspace.tsx';

const AUTH = { permission: 'authenticated' } as const;
const REPORTING = { permission: 'reporting' } as const;
const COORDINATOR = { permission: 'coordinator' } as const;
const idParams = z.object({ id: z.string().max(100) });

/** Control characters other than tab and line breaks (PostgreSQL refuses NUL in text). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const str = (v: unknown, max: number) =>
  typeof v === 'string' ? v.replace(CONTROL, '').slice(0, max) : '';
const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .filter((x): x is string => typeof x === 'string')
    .slice(0, 50)
    .map((x) => str(x, 100));

/** Form values as typed (cut a little above the limits, so "too long" is still reported). */
function collaborationValues(body: unknown): CollaborationValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    organisation: str(b.organisation, 100),
    title: str(b.title, 400),
    cities: list(b.cities),
    areas: list(b.areas),
    kind: str(b.kind, 40),
    status: str(b.status, 40),
    startsOn: str(b.startsOn, 40),
    endsOn: str(b.endsOn, 40),
    goals: str(b.goals, 10_001),
    results: str(b.results, 10_001),
    contactName: str(b.contactName, 201),
    contactEmail: str(b.contactEmail, 201),
    fundingKind: str(b.fundingKind, 40),
    fundingProgramme: str(b.fundingProgramme, 201),
    fundingAmount: str(b.fundingAmount, 40),
    strategyTags: str(b.strategyTags, 1_001),
    visibility: str(b.visibility, 40),
  };
}

function exchangeValues(body: unknown): ExchangeValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    organisation: str(b.organisation, 100),
    city: str(b.city, 100),
    occurredOn: str(b.occurredOn, 40),
    direction: str(b.direction, 40),
    participants: str(b.participants, 40),
    activities: str(b.activities, 10_001),
    learnings: str(b.learnings, 10_001),
    collaboration: str(b.collaboration, 100),
    visibility: str(b.visibility, 40),
  };
}

const fromCollaboration = (c: Collaboration): CollaborationValues => ({
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

const fromExchange = (e: Exchange): ExchangeValues => ({
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

/** Mail to reporters goes out in Swedish, the language of the city's staff. */
export function reviewMail(publicUrl: string): ReviewMail {
  const fill = (template: string, params: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
  return {
    publicUrl,
    subject: (kind, title) => fill(collaborationsSv[`collab.mail.subject.${kind}`], { title }),
    text: (kind, title, comment, link) =>
      fill(collaborationsSv[`collab.mail.text.${kind}`], { title, comment, link }),
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

const isNotYours = (error: unknown) =>
  error instanceof AppError && error.code === 'NOT_YOUR_ORGANISATION';

/** The workspace of collaborations, exchanges, review, areas and the knowledge bank. */
export const collaborationPages: FastifyPluginAsyncZod = async (app) => {
  const cityNames = async (request: FastifyRequest) =>
    new Map(
      (await listCities(app.db)).map((c) => [c.slug, localized(c, request.i18n.locale).name]),
    );

  const choices = async (request: FastifyRequest): Promise<Choices> => {
    const [twins, areas, orgs] = await Promise.all([
      partnerCities(app.db),
      areasForForms(app.db),
      listOrganisations(app.db.kysely),
    ]);
    return {
      cities: twins.map((c) => ({ value: c.slug, label: localized(c, request.i18n.locale).name })),
      areas: areas.map((a) => ({
        value: a.slug,
        label: request.i18n.locale === 'en' ? a.nameEn : a.nameSv,
      })),
      organisations: orgs.filter((o) => o.active).map((o) => ({ value: o.slug, label: o.name })),
    };
  };

  const user = (request: FastifyRequest) => request.user!;
  const forbidden = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, <Forbidden ctx={pageContext(request, reply)} />, 403);

  // Collaborations.

  app.get('/workspace/collaborations', { config: AUTH }, async (request, reply) => {
    const filters = lenientFilters(request.query);
    delete filters.q;
    const page = pageRequest((request.query as { page?: unknown }).page, 50);
    const [{ collaborations, total }, names, ch] = await Promise.all([
      listCollaborations(app.db.kysely, filters, 'internal', page),
      cityNames(request),
      choices(request),
    ]);
    return sendPage(
      reply,
      <CollaborationsPage
        ctx={pageContext(request, reply)}
        filters={filters}
        choices={ch}
        collaborations={collaborations}
        cityNames={names}
        info={pageInfo(page, total, collaborations.length)}
        canReport={collaborationPolicy.canReport(request.user)}
      />,
    );
  });

  const renderCollaborationForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    editing: boolean,
    values: CollaborationValues,
    status = 200,
    errors?: FieldErrors,
  ) => {
    const [orgs, twins, areas] = await Promise.all([
      organisationChoices(app.db.kysely, user(request)),
      partnerCities(app.db),
      areasForForms(app.db),
    ]);
    return sendPage(
      reply,
      <CollaborationFormPage
        ctx={pageContext(request, reply)}
        action={action}
        editing={editing}
        values={values}
        errors={errors}
        organisations={orgs.map((o) => ({ value: o.slug, label: o.name }))}
        cities={twins.map((c) => ({
          value: c.slug,
          label: localized(c, request.i18n.locale).name,
        }))}
        areas={areas}
      />,
      status,
    );
  };

  const emptyCollaboration = (): CollaborationValues => ({
    ...collaborationValues({}),
    visibility: 'public',
  });

  app.get('/workspace/collaborations/new', { config: REPORTING }, async (request, reply) => {
    if (!collaborationPolicy.canReport(request.user)) return forbidden(request, reply);
    return renderCollaborationForm(
      request,
      reply,
      '/workspace/collaborations/new',
      false,
      emptyCollaboration(),
    );
  });

  const savedFlash = (request: FastifyRequest) =>
    request.i18n.t(
      collaborationPolicy.canReview(request.user)
        ? 'collab.flash.savedCoordinator'
        : 'collab.flash.saved',
    );

  app.post('/workspace/collaborations/new', { config: REPORTING }, async (request, reply) => {
    const values = collaborationValues(request.body);
    try {
      const c = await registerCollaboration(app.db, actorOf(request), user(request), values);
      return redirectWithFlash(reply, `/workspace/collaborations/${c.id}`, savedFlash(request));
    } catch (error) {
      if (isNotYours(error)) return forbidden(request, reply);
      const errors = problemErrors(request, error);
      if (errors)
        return renderCollaborationForm(
          request,
          reply,
          '/workspace/collaborations/new',
          false,
          values,
          400,
          errors,
        );
      throw error;
    }
  });

  const renderCollaboration = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    review?: { values: { decision: string; comment: string }; errors: FieldErrors },
  ) => {
    const c = await getCollaboration(app.db.kysely, id, 'internal');
    const [exchanges, names, history] = await Promise.all([
      exchangesOfCollaboration(app.db.kysely, id, 'internal'),
      cityNames(request),
      reviewHistory(app.db.kysely, 'collaboration', id),
    ]);
    return sendPage(
      reply,
      <CollaborationDetailPage
        ctx={pageContext(request, reply)}
        collaboration={c}
        exchanges={exchanges}
        cityNames={names}
        history={history}
        canChange={collaborationPolicy.canChange(request.user, c.organisation.id)}
        canReview={collaborationPolicy.canReview(request.user)}
        review={review}
      />,
      status,
    );
  };

  app.get(
    '/workspace/collaborations/:id',
    { config: AUTH, schema: { params: idParams } },
    async (request, reply) => renderCollaboration(request, reply, request.params.id),
  );

  app.get(
    '/workspace/collaborations/:id/edit',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const c = await getCollaboration(app.db.kysely, request.params.id, 'internal');
      if (!collaborationPolicy.canChange(request.user, c.organisation.id))
        return forbidden(request, reply);
      return renderCollaborationForm(
        request,
        reply,
        `/workspace/collaborations/${c.id}/edit`,
        true,
        fromCollaboration(c),
      );
    },
  );

  app.post(
    '/workspace/collaborations/:id/edit',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const values = collaborationValues(request.body);
      try {
        await changeCollaboration(app.db, actorOf(request), user(request), id, values);
        return redirectWithFlash(reply, `/workspace/collaborations/${id}`, savedFlash(request));
      } catch (error) {
        if (isNotYours(error)) return forbidden(request, reply);
        const errors = problemErrors(request, error);
        if (errors)
          return renderCollaborationForm(
            request,
            reply,
            `/workspace/collaborations/${id}/edit`,
            true,
            values,
            400,
            errors,
          );
        throw error;
      }
    },
  );

  const review = async (
    request: FastifyRequest,
    reply: FastifyReply,
    entity: ReviewEntity,
    id: string,
  ) => {
    const b = (request.body ?? {}) as Record<string, unknown>;
    const values = { decision: str(b.decision, 20), comment: str(b.comment, 2_001) };
    try {
      await reviewItem(
        app.db,
        app.mailer,
        actorOf(request),
        user(request),
        entity,
        id,
        values,
        reviewMail(app.config.publicUrl ?? `${request.protocol}://${request.host}`),
      );
      return redirectWithFlash(
        reply,
        '/workspace/review',
        request.i18n.t(
          values.decision === 'acknowledge' ? 'collab.flash.acknowledged' : 'collab.flash.returned',
        ),
      );
    } catch (error) {
      const errors = problemErrors(request, error);
      if (!errors) throw error;
      return entity === 'collaboration'
        ? renderCollaboration(request, reply, id, 400, { values, errors })
        : renderExchange(request, reply, id, 400, { values, errors });
    }
  };

  app.post(
    '/workspace/collaborations/:id/review',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => review(request, reply, 'collaboration', request.params.id),
  );

  // Exchanges.

  app.get('/workspace/exchanges', { config: AUTH }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page, 50);
    const all = lenientFilters(request.query);
    const filters = { city: all.city, organisation: all.organisation, year: all.year };
    const [{ exchanges, total }, names, ch] = await Promise.all([
      listExchanges(app.db.kysely, filters, page),
      cityNames(request),
      choices(request),
    ]);
    return sendPage(
      reply,
      <ExchangesPage
        ctx={pageContext(request, reply)}
        filters={Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))}
        choices={ch}
        exchanges={exchanges}
        cityNames={names}
        info={pageInfo(page, total, exchanges.length)}
        canReport={collaborationPolicy.canReport(request.user)}
      />,
    );
  });

  const renderExchangeForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    editing: boolean,
    values: ExchangeValues,
    status = 200,
    errors?: FieldErrors,
  ) => {
    const [orgs, twins, collaborations] = await Promise.all([
      organisationChoices(app.db.kysely, user(request)),
      partnerCities(app.db),
      collaborationChoices(app.db.kysely, user(request)),
    ]);
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return sendPage(
      reply,
      <ExchangeFormPage
        ctx={pageContext(request, reply)}
        action={action}
        editing={editing}
        values={values}
        errors={errors}
        organisations={orgs.map((o) => ({ value: o.slug, label: o.name }))}
        cities={twins.map((c) => ({
          value: c.slug,
          label: localized(c, request.i18n.locale).name,
        }))}
        collaborations={collaborations.map((c) => ({
          value: c.id,
          label:
            orgs.length > 1 ? `${c.title} (${orgNames.get(c.organisation_id) ?? ''})` : c.title,
        }))}
      />,
      status,
    );
  };

  app.get('/workspace/exchanges/new', { config: REPORTING }, async (request, reply) => {
    if (!collaborationPolicy.canReport(request.user)) return forbidden(request, reply);
    const q = (request.query ?? {}) as Record<string, unknown>;
    return renderExchangeForm(request, reply, '/workspace/exchanges/new', false, {
      ...exchangeValues({}),
      collaboration: str(q.collaboration, 100),
      visibility: 'public',
    });
  });

  app.post('/workspace/exchanges/new', { config: REPORTING }, async (request, reply) => {
    const values = exchangeValues(request.body);
    try {
      const e = await registerExchange(app.db, actorOf(request), user(request), values);
      return redirectWithFlash(reply, `/workspace/exchanges/${e.id}`, savedFlash(request));
    } catch (error) {
      if (isNotYours(error)) return forbidden(request, reply);
      const errors = problemErrors(request, error);
      if (errors)
        return renderExchangeForm(
          request,
          reply,
          '/workspace/exchanges/new',
          false,
          values,
          400,
          errors,
        );
      throw error;
    }
  });

  const renderExchange = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    review?: { values: { decision: string; comment: string }; errors: FieldErrors },
  ) => {
    const e = await getExchange(app.db.kysely, id);
    const [names, history] = await Promise.all([
      cityNames(request),
      reviewHistory(app.db.kysely, 'exchange', id),
    ]);
    return sendPage(
      reply,
      <ExchangeDetailPage
        ctx={pageContext(request, reply)}
        exchange={e}
        cityName={names.get(e.city.slug) ?? e.city.slug}
        history={history}
        canChange={collaborationPolicy.canChange(request.user, e.organisation.id)}
        canReview={collaborationPolicy.canReview(request.user)}
        review={review}
      />,
      status,
    );
  };

  app.get(
    '/workspace/exchanges/:id',
    { config: AUTH, schema: { params: idParams } },
    async (request, reply) => renderExchange(request, reply, request.params.id),
  );

  app.get(
    '/workspace/exchanges/:id/edit',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const e = await getExchange(app.db.kysely, request.params.id);
      if (!collaborationPolicy.canChange(request.user, e.organisation.id))
        return forbidden(request, reply);
      return renderExchangeForm(
        request,
        reply,
        `/workspace/exchanges/${e.id}/edit`,
        true,
        fromExchange(e),
      );
    },
  );

  app.post(
    '/workspace/exchanges/:id/edit',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const values = exchangeValues(request.body);
      try {
        await changeExchange(app.db, actorOf(request), user(request), id, values);
        return redirectWithFlash(reply, `/workspace/exchanges/${id}`, savedFlash(request));
      } catch (error) {
        if (isNotYours(error)) return forbidden(request, reply);
        const errors = problemErrors(request, error);
        if (errors)
          return renderExchangeForm(
            request,
            reply,
            `/workspace/exchanges/${id}/edit`,
            true,
            values,
            400,
            errors,
          );
        throw error;
      }
    },
  );

  app.post(
    '/workspace/exchanges/:id/review',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => review(request, reply, 'exchange', request.params.id),
  );

  // Review queue and areas (coordinators).

  app.get('/workspace/review', { config: COORDINATOR }, async (request, reply) => {
    const [queue, names] = await Promise.all([reviewQueue(app.db.kysely), cityNames(request)]);
    return sendPage(
      reply,
      <ReviewQueuePage
        ctx={pageContext(request, reply)}
        collaborations={queue.collaborations}
        exchanges={queue.exchanges}
        cityNames={names}
      />,
    );
  });

  const renderAreas = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { values?: { nameSv: string; nameEn: string }; errors?: FieldErrors } = {},
  ) =>
    sendPage(
      reply,
      <AreasPage
        ctx={pageContext(request, reply)}
        areas={await areasForForms(app.db)}
        {...extra}
      />,
      status,
    );

  const areaValues = (body: unknown) => {
    const b = (body ?? {}) as Record<string, unknown>;
    return { nameSv: str(b.nameSv, 200), nameEn: str(b.nameEn, 200) };
  };

  app.get('/workspace/areas', { config: COORDINATOR }, async (request, reply) =>
    renderAreas(request, reply),
  );

  app.post('/workspace/areas', { config: COORDINATOR }, async (request, reply) => {
    const values = areaValues(request.body);
    try {
      await addArea(app.db, actorOf(request), values);
    } catch (error) {
      const errors = problemErrors(request, error);
      if (errors) return renderAreas(request, reply, 400, { values, errors });
      throw error;
    }
    return redirectWithFlash(reply, '/workspace/areas', request.i18n.t('collab.flash.areaSaved'));
  });

  app.post(
    '/workspace/areas/:id',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      const values = areaValues(request.body);
      try {
        await renameArea(app.db, actorOf(request), request.params.id, values);
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return renderAreas(request, reply, 400, { errors });
        throw error;
      }
      return redirectWithFlash(reply, '/workspace/areas', request.i18n.t('collab.flash.areaSaved'));
    },
  );

  app.post(
    '/workspace/areas/:id/active',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      const active = str((request.body as Record<string, unknown> | undefined)?.active, 2) === '1';
      await setAreaActive(app.db, actorOf(request), request.params.id, active);
      return redirectWithFlash(reply, '/workspace/areas', request.i18n.t('collab.flash.areaSaved'));
    },
  );

  // The knowledge bank.

  app.get('/workspace/knowledge', { config: AUTH }, async (request, reply) => {
    const filters = lenientFilters(request.query);
    delete filters.status;
    delete filters.kind;
    const page = pageRequest((request.query as { page?: unknown }).page, 20);
    const [result, ch] = await Promise.all([
      searchKnowledge(app.db, filters, page),
      choices(request),
    ]);
    return sendPage(
      reply,
      <KnowledgePage
        ctx={pageContext(request, reply)}
        filters={filters}
        choices={ch}
        result={result}
        info={pageInfo(page, result.total, result.hits.length)}
      />,
    );
  });
};

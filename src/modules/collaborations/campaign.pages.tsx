import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { AppError, errors as appErrors } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import type { User } from '../accounts/index.ts';
import { problemErrors } from '../decisions/index.ts';
import { campaignPolicy } from './campaign.policy.ts';
import * as repo from './campaign.repository.ts';
import {
  answerCampaign,
  answeringOrganisation,
  campaignTable,
  closeCampaign,
  listCampaignsFor,
  organisationList,
  startCampaign,
} from './campaign.service.ts';
import {
  AnswerPage,
  CampaignPage,
  CampaignsPage,
  NewCampaignPage,
  type AnswerValues,
  type CampaignValues,
} from './views/campaign-pages.tsx';

const REPORTING = { permission: 'reporting' } as const;
const COORDINATOR = { permission: 'coordinator' } as const;
const idParams = z.object({ id: z.string().max(100) });

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .filter((x): x is string => typeof x === 'string')
    .slice(0, 500)
    .map((x) => x.slice(0, 100));

function campaignValues(body: unknown): CampaignValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    title: str(b.title, 400),
    periodFrom: str(b.periodFrom, 40),
    periodTo: str(b.periodTo, 40),
    deadline: str(b.deadline, 40),
    message: str(b.message, 6000),
    scope: str(b.scope, 20),
    organisations: list(b.organisations),
  };
}

function answerValues(body: unknown): AnswerValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return { answer: str(b.answer, 40), comment: str(b.comment, 3000) };
}

const userOf = (request: FastifyRequest): User => {
  if (!request.user) throw appErrors.unauthenticated();
  return request.user;
};

/** Campaigns (inventering): coordinators run them, reporters answer for their organisation. */
export const campaignPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/campaigns', { config: REPORTING }, async (request, reply) => {
    const user = userOf(request);
    const campaigns = await listCampaignsFor(app.db, user);
    return sendPage(
      reply,
      <CampaignsPage
        ctx={pageContext(request, reply)}
        campaigns={campaigns}
        canRun={campaignPolicy.run(user)}
      />,
    );
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { values?: CampaignValues; errors?: FieldErrors } = {},
  ) =>
    sendPage(
      reply,
      <NewCampaignPage
        ctx={pageContext(request, reply)}
        organisations={await repo.listActiveOrganisations(app.db.kysely)}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );

  app.get('/workspace/campaigns/new', { config: COORDINATOR }, (request, reply) =>
    renderNew(request, reply),
  );

  app.post('/workspace/campaigns/new', { config: COORDINATOR }, async (request, reply) => {
    const values = campaignValues(request.body);
    let id: string;
    try {
      id = (await startCampaign(app.db, actorOf(request), userOf(request), values)).id;
    } catch (error) {
      const errors = problemErrors(request, error);
      if (errors) return renderNew(request, reply, 400, { values, errors });
      throw error;
    }
    return redirectWithFlash(
      reply,
      `/workspace/campaigns/${id}`,
      request.i18n.t('campaign.flash.started'),
    );
  });

  app.get(
    '/workspace/campaigns/:id',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const user = userOf(request);
      const { campaign, responses } = await campaignTable(app.db, user, request.params.id);
      return sendPage(
        reply,
        <CampaignPage
          ctx={pageContext(request, reply)}
          campaign={campaign}
          responses={responses}
          canRun={campaignPolicy.run(user)}
        />,
      );
    },
  );

  const renderAnswer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    campaignId: string,
    status = 200,
    extra: { values?: AnswerValues; errors?: FieldErrors } = {},
  ) => {
    const user = userOf(request);
    const organisation = await answeringOrganisation(app.db, user, campaignId);
    const { campaign, responses } = await campaignTable(app.db, user, campaignId);
    const current = responses.find((r) => r.organisationId === organisation.id) ?? null;
    // A closed campaign shows the list as frozen, not as it is today.
    const frozen = campaign.status === 'closed' ? current?.snapshot : null;
    return sendPage(
      reply,
      <AnswerPage
        ctx={pageContext(request, reply)}
        campaign={campaign}
        organisation={organisation}
        list={frozen ?? (await organisationList(app.db, organisation.id, campaign))}
        current={current}
        values={extra.values}
        errors={extra.errors}
      />,
      status,
    );
  };

  app.get(
    '/workspace/campaigns/:id/answer',
    { config: REPORTING, schema: { params: idParams } },
    (request, reply) => renderAnswer(request, reply, request.params.id),
  );

  app.post(
    '/workspace/campaigns/:id/answer',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => {
      const user = userOf(request);
      const campaignId = request.params.id;
      const organisation = await answeringOrganisation(app.db, user, campaignId);
      const values = answerValues(request.body);
      try {
        await answerCampaign(app.db, actorOf(request), user, campaignId, organisation.id, values);
      } catch (error) {
        if (error instanceof AppError && error.code === 'CAMPAIGN_CLOSED') {
          return renderAnswer(request, reply, campaignId, 409, {
            values,
            errors: { closed: request.i18n.t('campaign.error.closed') },
          });
        }
        const errors = problemErrors(request, error);
        if (errors) return renderAnswer(request, reply, campaignId, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/campaigns/${campaignId}/answer`,
        request.i18n.t('campaign.flash.answered'),
      );
    },
  );

  app.post(
    '/workspace/campaigns/:id/close',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply) => {
      const campaignId = request.params.id;
      try {
        await closeCampaign(app.db, actorOf(request), userOf(request), campaignId);
      } catch (error) {
        // Closing twice (e.g. a double click) is no error: it is closed.
        if (!(error instanceof AppError && error.code === 'CAMPAIGN_CLOSED')) throw error;
      }
      return redirectWithFlash(
        reply,
        `/workspace/campaigns/${campaignId}`,
        request.i18n.t('campaign.flash.closed'),
      );
    },
  );
};

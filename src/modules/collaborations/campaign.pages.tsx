import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COORDINATOR, REPORTING, idParams } from '../../platform/route-options.ts';
import { actorOf } from '../../platform/auth.ts';
import { formPage, pageWithForms } from '../../platform/form-page.ts';
import { readForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { errors as appErrors, isAppError } from '../../shared/errors.ts';
import type { User } from '../accounts/index.ts';
import { campaignPolicy } from './campaign.policy.ts';
import { CloseCampaignPage } from './views/campaign-confirm.tsx';
import * as repo from './campaign.repository.ts';
import {
  answerSchema,
  campaignSchema,
  type AnswerInput,
  type CampaignInput,
} from './campaign.schema.ts';
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
} from './views/campaign-pages.tsx';

const userOf = (request: FastifyRequest): User => {
  if (!request.user) throw appErrors.unauthenticated();
  return request.user;
};

/** A problem of one chosen organisation (organisations.3) belongs to the whole group. */
const groupField = (path: string) => path.split('.')[0] || 'form';

const isClosed = (error: unknown) => isAppError(error, 'CAMPAIGN_CLOSED');

/** Campaigns (inventering): coordinators run them, reporters answer for their organisation. */
export const campaignPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspace/campaigns', { config: REPORTING }, async (request, reply) => {
    const user = userOf(request);
    const campaigns = await listCampaignsFor(app.db, user);
    return renderPage(reply, CampaignsPage, { campaigns, canRun: campaignPolicy.run(user) });
  });

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, values?: CampaignInput) =>
    renderPage(reply, NewCampaignPage, {
      organisations: await repo.listActiveOrganisations(app.db.kysely),
      values,
    });

  formPage(
    app,
    '/workspace/campaigns/new',
    { config: COORDINATOR },
    {
      show: renderNew,
      form: (request) => ({
        values: readForm(request.body, campaignSchema),
        submit: (values) => startCampaign(app.db, actorOf(request), userOf(request), values),
        done: (campaign) => ({
          to: `/workspace/campaigns/${campaign.id}`,
          flash: 'campaign.flash.started',
        }),
        fieldOf: groupField,
      }),
    },
  );

  const renderCampaign = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const user = userOf(request);
    const { campaign, responses } = await campaignTable(app.db, user, id);
    return renderPage(reply, CampaignPage, {
      campaign,
      responses,
      canRun: campaignPolicy.run(user),
    });
  };

  app.get(
    '/workspace/campaigns/:id',
    { config: REPORTING, schema: { params: idParams } },
    async (request, reply) => renderCampaign(request, reply, request.params.id),
  );

  const renderAnswer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    campaignId: string,
    values?: AnswerInput,
    status?: number,
  ) => {
    const user = userOf(request);
    const organisation = await answeringOrganisation(app.db, user, campaignId);
    const { campaign, responses } = await campaignTable(app.db, user, campaignId);
    const current = responses.find((r) => r.organisationId === organisation.id) ?? null;
    // A closed campaign shows the list as frozen, not as it is today.
    const frozen = campaign.status === 'closed' ? current?.snapshot : null;
    return renderPage(
      reply,
      AnswerPage,
      {
        campaign,
        organisation,
        list: frozen ?? (await organisationList(app.db, organisation.id, campaign)),
        current,
        values,
      },
      { status },
    );
  };

  pageWithForms(
    app,
    '/workspace/campaigns/:id/answer',
    { config: REPORTING, schema: { params: idParams } },
    (request, reply, { id }) => renderAnswer(request, reply, id),
  ).post('', async (request, reply, { id: campaignId }, run) => {
    const user = userOf(request);
    const organisation = await answeringOrganisation(app.db, user, campaignId);
    return run({
      values: readForm(request.body, answerSchema),
      submit: (values) =>
        answerCampaign(app.db, actorOf(request), user, campaignId, organisation.id, values),
      // Closed in the meantime: the answer page says so (409), the answer is not saved.
      refused: (error) =>
        isClosed(error) ? { closed: request.i18n.t('campaign.error.closed') } : null,
      invalid: ({ values, errors }) =>
        renderAnswer(request, reply, campaignId, values, errors.closed ? 409 : undefined),
      done: () => ({
        to: `/workspace/campaigns/${campaignId}/answer`,
        flash: 'campaign.flash.answered',
      }),
    });
  });

  // Closing locks the answers for good: the button leads here first (decision 033). A
  // campaign closed in the meantime has nothing to confirm: back to its page.
  pageWithForms(
    app,
    '/workspace/campaigns/:id/close',
    { config: COORDINATOR, schema: { params: idParams } },
    async (request, reply, { id }) => {
      const { campaign } = await campaignTable(app.db, userOf(request), id);
      if (campaign.status === 'closed')
        return reply.redirect(`/workspace/campaigns/${campaign.id}`, 303);
      return renderPage(reply, CloseCampaignPage, { campaign });
    },
  ).post('', (request, reply, { id: campaignId }, run) =>
    run({
      values: {},
      submit: () =>
        closeCampaign(app.db, actorOf(request), userOf(request), campaignId).catch(
          (error: unknown) => {
            // Closing twice (e.g. a double click) is no error: it is closed.
            if (!isClosed(error)) throw error;
          },
        ),
      invalid: () => renderCampaign(request, reply, campaignId),
      done: () => ({ to: `/workspace/campaigns/${campaignId}`, flash: 'campaign.flash.closed' }),
    }),
  );
};

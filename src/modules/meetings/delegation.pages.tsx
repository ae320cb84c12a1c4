import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { handleError } from '../../platform/error-handler.tsx';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { ErrorPage } from '../../ui/views/error-page.tsx';
import type { User } from '../accounts/account.service.ts';
import { problemErrors } from '../decisions/proposal.pages.tsx';
import { isOrganiser } from './delegation.policy.ts';
import { formStrings, MEMBER_FIELDS, type MemberValues } from './delegation.schema.ts';
import {
  addMember,
  confirmDelegation,
  DelegationForbidden,
  delegationOverview,
  getDelegation,
  removeMember,
  updateMember,
} from './delegation.service.ts';
import { DelegationOverviewPage, DelegationPage } from './views/delegation-pages.tsx';

const DELEGATIONS = { permission: 'delegations' } as const;
const params = z.object({ id: z.string().max(100), citySlug: z.string().max(100) });
const memberParams = params.extend({ memberId: z.string().max(100) });

/** A refused delegation action: a 403 page that says why; nothing was changed. */
export function sendRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DelegationForbidden,
) {
  const { t } = request.i18n;
  return sendPage(
    reply,
    <ErrorPage
      ctx={pageContext(request, reply)}
      title={t('delegation.forbidden.title')}
      text={t(error.reason)}
    />,
    403,
  );
}

/** Delegations (P4): the overview, one delegation with its members and the confirm form. */
export const delegationPages: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated: only this plugin's routes. A refusal gets its own message.
  app.setErrorHandler((error, request, reply) =>
    error instanceof DelegationForbidden
      ? sendRefusal(request, reply, error)
      : handleError(error, request, reply),
  );

  app.get('/workspace/delegations', { config: DELEGATIONS }, async (request, reply) => {
    const rows = await delegationOverview(app.db, request.user!);
    return sendPage(
      reply,
      <DelegationOverviewPage ctx={pageContext(request, reply)} rows={rows} />,
    );
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: { id: string; citySlug: string },
    status = 200,
    extra: {
      values?: MemberValues;
      errors?: FieldErrors;
      confirmValue?: string;
      confirmErrors?: FieldErrors;
      editId?: string;
    } = {},
  ) => {
    const user = request.user as User;
    const view = await getDelegation(app.db, user, p.id, p.citySlug);
    const editId =
      extra.editId ?? (request.query as { edit?: unknown } | undefined)?.edit?.toString();
    const editing = (view.canManage && view.members.find((m) => m.id === editId)) || null;
    return sendPage(
      reply,
      <DelegationPage
        ctx={pageContext(request, reply)}
        view={view}
        retentionDays={app.config.delegationRetentionDays}
        editing={editing}
        values={extra.values}
        errors={extra.errors}
        confirmValue={extra.confirmValue}
        confirmErrors={extra.confirmErrors}
        canExportLogistics={isOrganiser(user, view.meeting.hostCityId)}
        showHostPlanLink={
          view.host?.kind === 'home' && user.roles.some((g) => g.role === 'coordinator')
        }
      />,
      status,
    );
  };

  const pageUrl = (p: { id: string; citySlug: string }) =>
    `/workspace/meetings/${encodeURIComponent(p.id)}/delegations/${encodeURIComponent(p.citySlug)}`;

  app.get(
    '/workspace/meetings/:id/delegations/:citySlug',
    { config: DELEGATIONS, schema: { params } },
    async (request, reply) => render(request, reply, request.params),
  );

  app.post(
    '/workspace/meetings/:id/delegations/:citySlug/members',
    { config: DELEGATIONS, schema: { params } },
    async (request, reply) => {
      const values = formStrings(request.body, MEMBER_FIELDS);
      try {
        await addMember(
          app.db,
          request.user!,
          actorOf(request),
          request.params.id,
          request.params.citySlug,
          values,
        );
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return render(request, reply, request.params, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        pageUrl(request.params),
        request.i18n.t('delegation.flash.added'),
      );
    },
  );

  app.post(
    '/workspace/meetings/:id/delegations/:citySlug/members/:memberId',
    { config: DELEGATIONS, schema: { params: memberParams } },
    async (request, reply) => {
      const values = formStrings(request.body, MEMBER_FIELDS);
      const p = request.params;
      try {
        await updateMember(
          app.db,
          request.user!,
          actorOf(request),
          p.id,
          p.citySlug,
          p.memberId,
          values,
        );
      } catch (error) {
        const errors = problemErrors(request, error);
        if (errors) return render(request, reply, p, 400, { values, errors, editId: p.memberId });
        throw error;
      }
      return redirectWithFlash(reply, pageUrl(p), request.i18n.t('delegation.flash.updated'));
    },
  );

  app.post(
    '/workspace/meetings/:id/delegations/:citySlug/members/:memberId/remove',
    { config: DELEGATIONS, schema: { params: memberParams } },
    async (request, reply) => {
      const p = request.params;
      await removeMember(app.db, request.user!, actorOf(request), p.id, p.citySlug, p.memberId);
      return redirectWithFlash(reply, pageUrl(p), request.i18n.t('delegation.flash.removed'));
    },
  );

  app.post(
    '/workspace/meetings/:id/delegations/:citySlug/confirm',
    { config: DELEGATIONS, schema: { params } },
    async (request, reply) => {
      const { decisionDate } = formStrings(request.body, ['decisionDate'], 40);
      const p = request.params;
      try {
        await confirmDelegation(app.db, request.user!, actorOf(request), p.id, p.citySlug, {
          decisionDate,
        });
      } catch (error) {
        const confirmErrors = problemErrors(request, error);
        if (confirmErrors)
          return render(request, reply, p, 400, { confirmValue: decisionDate, confirmErrors });
        throw error;
      }
      return redirectWithFlash(reply, pageUrl(p), request.i18n.t('delegation.flash.confirmed'));
    },
  );
};

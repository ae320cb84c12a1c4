import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { handleError } from '../../platform/error-handler.tsx';
import { renderPage } from '../../platform/render.ts';
import { ErrorPage } from '../../ui/views/error-page.tsx';
import type { User } from '../accounts/index.ts';
import { isOrganiser } from './delegation.policy.ts';
import { formStrings, readForm } from '../../platform/forms.ts';
import { formsAt, pageWithForms } from '../../platform/form-page.ts';
import { memberForm, type MemberValues } from './delegation.schema.ts';
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
import { RemoveMemberPage } from './views/meeting-confirm.tsx';
import { meetingsErrors } from './errors.ts';

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
  return renderPage(
    reply,
    ErrorPage,
    { title: t('delegation.forbidden.title'), text: t(error.reason) },
    { status: 403 },
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
    return renderPage(reply, DelegationOverviewPage, { rows });
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: { id: string; citySlug: string },
    form: { values?: MemberValues; confirmValue?: string; editId?: string } = {},
  ) => {
    const user = request.user as User;
    const view = await getDelegation(app.db, user, p);
    const editId =
      form.editId ?? (request.query as { edit?: unknown } | undefined)?.edit?.toString();
    const editing = (view.canManage && view.members.find((m) => m.id === editId)) || null;
    return renderPage(reply, DelegationPage, {
      view,
      retentionDays: app.config.delegationRetentionDays,
      editing,
      values: form.values,
      confirmValue: form.confirmValue,
      canExportLogistics: isOrganiser(user, view.meeting.hostCityId),
      showHostPlanLink:
        view.host?.kind === 'home' && user.roles.some((g) => g.role === 'coordinator'),
    });
  };

  const pageUrl = (p: { id: string; citySlug: string }) =>
    `/workspace/meetings/${encodeURIComponent(p.id)}/delegations/${encodeURIComponent(p.citySlug)}`;

  const delegation = pageWithForms(
    app,
    '/workspace/meetings/:id/delegations/:citySlug',
    { config: DELEGATIONS, schema: { params } },
    (request, reply, p) => render(request, reply, p),
  );

  delegation.post('/members', (request, reply, p, run) =>
    run({
      values: readForm(request.body, memberForm),
      submit: (values) => addMember(app.db, request.user!, actorOf(request), p, values),
      invalid: ({ values }) => render(request, reply, p, { values }),
      done: () => ({ to: pageUrl(p), flash: 'delegation.flash.added' }),
    }),
  );

  formsAt(
    app,
    '/workspace/meetings/:id/delegations/:citySlug/members/:memberId',
    { config: DELEGATIONS, schema: { params: memberParams } },
    (request, reply, p) => render(request, reply, p),
  ).post('', (request, reply, p, run) =>
    run({
      values: readForm(request.body, memberForm),
      submit: (values) => updateMember(app.db, request.user!, actorOf(request), p, values),
      invalid: ({ values }) => render(request, reply, p, { values, editId: p.memberId }),
      done: () => ({ to: pageUrl(p), flash: 'delegation.flash.updated' }),
    }),
  );

  // Asks first (decision 033): the remove button in the member's row leads here.
  pageWithForms(
    app,
    '/workspace/meetings/:id/delegations/:citySlug/members/:memberId/remove',
    { config: DELEGATIONS, schema: { params: memberParams } },
    async (request, reply, p) => {
      const view = await getDelegation(app.db, request.user!, p);
      if (view.manageRefusal) throw new DelegationForbidden(view.manageRefusal);
      const member = view.members.find((m) => m.id === p.memberId);
      if (!member) throw meetingsErrors.delegationMemberNotFound(p.memberId);
      return renderPage(reply, RemoveMemberPage, {
        meeting: view.meeting,
        city: view.city,
        memberId: member.id,
        name: member.name,
      });
    },
  ).post('', (request, reply, p, run) =>
    run({
      values: {},
      submit: () => removeMember(app.db, request.user!, actorOf(request), p),
      invalid: () => render(request, reply, p),
      done: () => ({ to: pageUrl(p), flash: 'delegation.flash.removed' }),
    }),
  );

  delegation.post('/confirm', (request, reply, p, run) =>
    run({
      values: formStrings(request.body, ['decisionDate'], 40),
      submit: (values) => confirmDelegation(app.db, request.user!, actorOf(request), p, values),
      invalid: ({ values }) => render(request, reply, p, { confirmValue: values.decisionDate }),
      done: () => ({ to: pageUrl(p), flash: 'delegation.flash.confirmed' }),
    }),
  );
};

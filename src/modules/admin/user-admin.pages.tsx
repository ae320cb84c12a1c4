import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { inviteForm, rolesForm } from '../accounts/index.ts';
import { getUser, listUsers, setUserActive, updateUserRoles } from '../accounts/index.ts';
import { inviteUserByForm } from '../accounts/index.ts';
import { listCities, localized } from '../cities/index.ts';
import { listOrganisations } from '../organisations/index.ts';
import { ADMIN, activeRoute, byId } from './admin-routes.ts';
import { InvitePage, type InviteValues } from './views/invite-page.tsx';
import type { RoleValues } from './views/role-fields.tsx';
import { UserPage } from './views/user-page.tsx';
import { UsersPage } from './views/users-page.tsx';

/** The scopes a role may have: active organisations, twin cities (in the reader's language). */
async function scopeChoices(app: FastifyInstance, request: FastifyRequest) {
  return {
    organisations: (await listOrganisations(app.db.kysely)).filter((o) => o.active),
    cities: (await listCities(app.db))
      .filter((c) => c.kind === 'twin')
      .map((c) => ({ id: c.id, name: localized(c, request.i18n.locale).name })),
  };
}

/** A user's page in the administration (roles, active, two-step verification). */
export async function sendUserPage(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  values?: RoleValues,
) {
  const user = await getUser(app.db.kysely, userId);
  return renderPage(reply, UserPage, { user, ...(await scopeChoices(app, request)), values });
}

/** Users: the list, invitations, roles, deactivation. */
export function userAdminRoutes(scope: FastifyInstance): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  const scopeNames = async () => {
    const [orgs, cities] = await Promise.all([
      listOrganisations(app.db.kysely),
      listCities(app.db),
    ]);
    return {
      organisations: new Map(orgs.map((o) => [o.id, o.name])),
      cities: new Map(cities.map((c) => [c.id, localized(c, 'sv').name])),
    };
  };

  app.get('/admin/users', { config: ADMIN }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page);
    const { users, total } = await listUsers(app.db, page);
    return renderPage(reply, UsersPage, {
      users,
      info: pageInfo(page, total, users.length),
      names: await scopeNames(),
    });
  });

  const renderInvite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: InviteValues,
    status?: number,
  ) => renderPage(reply, InvitePage, { ...(await scopeChoices(app, request)), values }, { status });

  app.get('/admin/users/new', { config: ADMIN }, async (request, reply) =>
    renderInvite(request, reply),
  );

  app.post('/admin/users/new', { config: ADMIN }, async (request, reply) => {
    const values = readForm(request.body, inviteForm);
    return submitForm(request, reply, {
      values,
      submit: (v) =>
        inviteUserByForm(
          app.db,
          app.mailer,
          actorOf(request),
          v,
          app.config.publicUrl ?? `${request.protocol}://${request.host}`,
        ),
      // An address already in use belongs at the e-mail field (409).
      refused: (error) =>
        error.code === 'USER_EXISTS'
          ? {
              email: request.i18n.t('admin.invite.exists', { email: String(error.details.email) }),
            }
          : null,
      invalid: ({ error }) => renderInvite(request, reply, values, error.status),
      done: (user) => ({
        to: '/admin/users',
        flash: 'flash.invited',
        params: { email: user.email },
      }),
    });
  });

  byId(app, 'get', '/admin/users/:id', (request, reply, id) =>
    sendUserPage(app, request, reply, id),
  );

  byId(app, 'post', '/admin/users/:id/roles', (request, reply, id) =>
    submitForm(request, reply, {
      values: readForm(request.body, rolesForm),
      submit: (v) => updateUserRoles(app.db, actorOf(request), id, v),
      invalid: ({ values }) => sendUserPage(app, request, reply, id, values),
      done: () => ({ to: `/admin/users/${id}`, flash: 'flash.saved' }),
    }),
  );

  activeRoute(app, '/admin/users', {
    set: (actor, id, active) => setUserActive(app.db, actor, id, active),
    // The one refusal here: an administrator cannot lock themselves out.
    refused: (error, request) =>
      error.code === 'FORBIDDEN' ? { form: request.i18n.t('error.forbidden.title') } : null,
    invalid: (request, reply, id) => sendUserPage(app, request, reply, id),
    back: (id) => `/admin/users/${id}`,
  });
}

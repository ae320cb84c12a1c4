import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { securityForm } from '../accounts/index.ts';
import { getUser } from '../accounts/index.ts';
import { getMfaRequiredRoles, resetMfa, setMfaRequiredRoles } from '../accounts/index.ts';
import { ADMIN, byId } from './admin-routes.ts';
import { sendUserPage } from './user-admin.pages.tsx';
import { ResetMfaPage } from './views/mfa-reset-confirm.tsx';
import { SecurityPage } from './views/security-page.tsx';

/** Two-step verification in the administration: reset a user's, require it per role. */
export const mfaAdminPages: FastifyPluginAsyncZod = async (app) => {
  // Resetting removes the person's second step for good (they set it up anew): the button on
  // the user's page leads here first (decision 033). Nothing to reset: back to that page.
  byId(app, 'get', '/admin/users/:id/mfa-reset', async (request, reply, id) => {
    const user = await getUser(app.db.kysely, id);
    if (!user.totpEnabled) return reply.redirect(`/admin/users/${user.id}`, 303);
    return renderPage(reply, ResetMfaPage, { user });
  });

  byId(app, 'post', '/admin/users/:id/mfa-reset', (request, reply, id) =>
    submitForm(request, reply, {
      values: {},
      submit: async () => {
        const user = await getUser(app.db.kysely, id);
        await resetMfa(app.db, actorOf(request), request.user!, user.id);
        return user;
      },
      invalid: () => sendUserPage(app, request, reply, id),
      done: (user) => ({
        to: `/admin/users/${user.id}`,
        flash: 'mfa.flash.reset',
        params: { email: user.email },
      }),
    }),
  );

  const renderSecurity = async (
    request: FastifyRequest,
    reply: FastifyReply,
    roles?: readonly string[],
  ) =>
    renderPage(reply, SecurityPage, { roles: roles ?? (await getMfaRequiredRoles(app.db.kysely)) });

  app.get('/admin/security', { config: ADMIN }, (request, reply) => renderSecurity(request, reply));

  app.post('/admin/security', { config: ADMIN }, async (request, reply) =>
    submitForm(request, reply, {
      values: readForm(request.body, securityForm),
      submit: (v) => setMfaRequiredRoles(app.db, actorOf(request), request.user!, v.roles),
      invalid: ({ values }) => renderSecurity(request, reply, values.roles),
      done: () => ({ to: '/admin/security', flash: 'flash.saved' }),
    }),
  );
};

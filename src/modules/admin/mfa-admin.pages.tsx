import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { AppError } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import { getUser } from '../accounts/account.service.ts';
import { getMfaRequiredRoles, resetMfa, setMfaRequiredRoles } from '../accounts/mfa.service.ts';
import { SecurityPage } from './views/security-page.tsx';

const ADMIN = { permission: 'admin' } as const;
const idParams = z.object({ id: z.string().max(100) });

/** The security settings form: the roles that must use two-step verification. */
export const securityForm = z.object({
  roles: z
    .union([z.string().max(50), z.array(z.string().max(50)).max(50)])
    .optional()
    .transform((v) => [v ?? []].flat()),
});

/** Two-step verification in the administration: reset a user's, require it per role. */
export const mfaAdminPages: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/admin/users/:id/mfa-reset',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const user = await getUser(app.db.kysely, request.params.id);
      await resetMfa(app.db, actorOf(request), request.user!, user.id);
      return redirectWithFlash(
        reply,
        `/admin/users/${user.id}`,
        request.i18n.t('mfa.flash.reset', { email: user.email }),
      );
    },
  );

  const renderSecurity = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { roles?: string[]; errors?: FieldErrors } = {},
  ) =>
    sendPage(
      reply,
      <SecurityPage
        ctx={pageContext(request, reply)}
        roles={extra.roles ?? (await getMfaRequiredRoles(app.db.kysely))}
        errors={extra.errors ?? {}}
      />,
      status,
    );

  app.get('/admin/security', { config: ADMIN }, (request, reply) => renderSecurity(request, reply));

  app.post('/admin/security', { config: ADMIN }, async (request, reply) => {
    const { t } = request.i18n;
    const parsed = securityForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      return renderSecurity(request, reply, 400, {
        roles: [],
        errors: { roles: t('mfa.admin.badRole') },
      });
    }
    const roles = parsed.data.roles;
    try {
      await setMfaRequiredRoles(app.db, actorOf(request), request.user!, roles);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
        const problems = (error.details.problems ?? []) as { path: string; message: string }[];
        const errors: FieldErrors = {};
        for (const p of problems) errors[p.path || 'roles'] ??= t(p.message as MessageKey);
        return renderSecurity(request, reply, 400, { roles, errors });
      }
      throw error;
    }
    return redirectWithFlash(reply, '/admin/security', t('flash.saved'));
  });
};

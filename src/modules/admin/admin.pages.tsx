import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { countOutboxMails, listOutboxMails } from '../../platform/mail/outbox.repository.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { csvLine, UTF8_BOM } from '../../shared/csv.ts';
import { isPlainDate, stockholmDayEnd, stockholmDayStart } from '../../shared/dates.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import {
  getUser,
  listUsers,
  normaliseEmail,
  setUserActive,
  updateUserRoles,
} from '../accounts/account.service.ts';
import { isRole, type RoleGrant } from '../accounts/roles.ts';
import {
  iterateAudit,
  listAudit,
  listAuditedEntities,
  type AuditFilter,
} from '../audit/audit.service.ts';
import { listCities, localized } from '../cities/city.service.ts';
import {
  createOrganisation,
  listOrganisations,
  ORGANISATION_KINDS,
  setOrganisationActive,
  updateOrganisation,
} from '../organisations/organisation.service.ts';
import { AuditPage, type AuditFilterValues } from './views/audit-page.tsx';
import { OrganisationPage, OrganisationsPage } from './views/organisations-page.tsx';
import { OutboxPage } from './views/outbox-page.tsx';
import { UserPage } from './views/user-page.tsx';
import { UsersPage } from './views/users-page.tsx';
import { InvitePage, type InviteValues } from './views/invite-page.tsx';
import { inviteUser } from '../accounts/reset.service.ts';

const ADMIN = { permission: 'admin' } as const;
const idParams = z.object({ id: z.string().max(100) });

/** Field errors from a thrown validation error, translated; null when it is another error. */
function fieldErrors(request: FastifyRequest, error: unknown): FieldErrors | null {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') return null;
  const out: FieldErrors = {};
  for (const p of (error.details.problems ?? []) as { path: string; message: string }[]) {
    out[p.path || 'form'] ??= request.i18n.t(p.message as 'org.nameRequired');
  }
  return out;
}

const organisationForm = z.object({
  name: z.string().trim().min(1, 'org.nameRequired').max(200, 'org.nameRequired'),
  kind: z.enum(ORGANISATION_KINDS, { message: 'org.kindRequired' }),
  email: z
    .string()
    .trim()
    .max(320, 'org.emailInvalid')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'org.emailInvalid'),
});

function parseForm<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(request.body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    errors[String(issue.path[0] ?? 'form')] ??= request.i18n.t(issue.message as 'org.nameRequired');
  }
  return { ok: false, errors };
}

const formValues = (body: unknown) => {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 320) : '');
  return { name: str(b.name), kind: str(b.kind), email: str(b.email) };
};

export const adminPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin', { config: ADMIN }, async (_request, reply) =>
    reply.redirect('/admin/users', 303),
  );

  // ---- Users ----

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
    return sendPage(
      reply,
      <UsersPage
        ctx={pageContext(request, reply)}
        users={users}
        info={pageInfo(page, total, users.length)}
        names={await scopeNames()}
      />,
    );
  });

  const renderUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    status = 200,
    extra: {
      values?: { roles: string[]; organisation: string; city: string };
      errors?: FieldErrors;
    } = {},
  ) => {
    const user = await getUser(app.db.kysely, userId);
    const organisations = (await listOrganisations(app.db.kysely)).filter((o) => o.active);
    const cities = (await listCities(app.db))
      .filter((c) => c.kind === 'twin')
      .map((c) => ({ id: c.id, name: localized(c, request.i18n.locale).name }));
    return sendPage(
      reply,
      <UserPage
        ctx={pageContext(request, reply)}
        user={user}
        organisations={organisations}
        cities={cities}
        {...extra}
      />,
      status,
    );
  };

  const scopeChoices = async (request: FastifyRequest) => ({
    organisations: (await listOrganisations(app.db.kysely)).filter((o) => o.active),
    cities: (await listCities(app.db))
      .filter((c) => c.kind === 'twin')
      .map((c) => ({ id: c.id, name: localized(c, request.i18n.locale).name })),
  });

  const renderInvite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { values?: InviteValues; errors?: FieldErrors } = {},
  ) =>
    sendPage(
      reply,
      <InvitePage ctx={pageContext(request, reply)} {...await scopeChoices(request)} {...extra} />,
      status,
    );

  app.get('/admin/users/new', { config: ADMIN }, async (request, reply) =>
    renderInvite(request, reply),
  );

  app.post('/admin/users/new', { config: ADMIN }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 320) : '');
    const values: InviteValues = {
      email: str(body.email),
      name: str(body.name),
      roles: [body.roles ?? []].flat().filter((r): r is string => typeof r === 'string'),
      organisation: str(body.organisation),
      city: str(body.city),
    };
    if (values.roles.length === 0 || !values.roles.every(isRole)) {
      return renderInvite(request, reply, 400, {
        values,
        errors: { roles: request.i18n.t('admin.invite.rolesRequired') },
      });
    }
    const roles: RoleGrant[] = values.roles.filter(isRole).map((role) => ({
      role,
      organisationId: role === 'reporter' ? values.organisation || null : null,
      cityId: role === 'partner' ? values.city || null : null,
    }));
    try {
      const baseUrl = app.config.publicUrl ?? `${request.protocol}://${request.host}`;
      await inviteUser(
        app.db,
        app.mailer,
        actorOf(request),
        { email: values.email, name: values.name, roles },
        baseUrl,
      );
    } catch (error) {
      const errors = fieldErrors(request, error);
      if (errors) return renderInvite(request, reply, 400, { values, errors });
      if (error instanceof AppError && error.code === 'USER_EXISTS') {
        return renderInvite(request, reply, 409, {
          values,
          errors: {
            email: request.i18n.t('admin.invite.exists', { email: String(error.details.email) }),
          },
        });
      }
      throw error;
    }
    return redirectWithFlash(
      reply,
      '/admin/users',
      request.i18n.t('flash.invited', { email: values.email.trim().toLowerCase() }),
    );
  });

  app.get(
    '/admin/users/:id',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => renderUser(request, reply, request.params.id),
  );

  app.post(
    '/admin/users/:id/roles',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const roles = [body.roles ?? []].flat().filter((r): r is string => typeof r === 'string');
      const organisation = typeof body.organisation === 'string' ? body.organisation : '';
      const city = typeof body.city === 'string' ? body.city : '';
      const values = { roles, organisation, city };
      if (!roles.every(isRole)) {
        return renderUser(request, reply, request.params.id, 400, {
          values,
          errors: { roles: request.i18n.t('admin.users.rolesLegend') },
        });
      }
      const grants: RoleGrant[] = roles.filter(isRole).map((role) => ({
        role,
        organisationId: role === 'reporter' ? organisation || null : null,
        cityId: role === 'partner' ? city || null : null,
      }));
      try {
        await updateUserRoles(app.db, actorOf(request), request.params.id, grants);
      } catch (error) {
        const errors = fieldErrors(request, error);
        if (errors) return renderUser(request, reply, request.params.id, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(
        reply,
        `/admin/users/${request.params.id}`,
        request.i18n.t('flash.saved'),
      );
    },
  );

  app.post(
    '/admin/users/:id/active',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const active = (request.body as { active?: unknown } | undefined)?.active === '1';
      if (!active && request.params.id === request.user?.id) {
        // An administrator cannot lock themselves out.
        return renderUser(request, reply, request.params.id, 400, {
          errors: { form: request.i18n.t('error.forbidden.title') },
        });
      }
      await setUserActive(app.db, actorOf(request), request.params.id, active);
      return redirectWithFlash(
        reply,
        `/admin/users/${request.params.id}`,
        request.i18n.t('flash.saved'),
      );
    },
  );

  // ---- Organisations ----

  const renderOrganisations = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    extra: { values?: { name: string; kind: string; email: string }; errors?: FieldErrors } = {},
  ) =>
    sendPage(
      reply,
      <OrganisationsPage
        ctx={pageContext(request, reply)}
        organisations={await listOrganisations(app.db.kysely)}
        {...extra}
      />,
      status,
    );

  app.get('/admin/organisations', { config: ADMIN }, async (request, reply) =>
    renderOrganisations(request, reply),
  );

  app.post('/admin/organisations', { config: ADMIN }, async (request, reply) => {
    const values = formValues(request.body);
    const form = parseForm(request, organisationForm);
    if (!form.ok) return renderOrganisations(request, reply, 400, { values, errors: form.errors });
    try {
      await createOrganisation(app.db, actorOf(request), {
        ...form.data,
        email: form.data.email || null,
      });
    } catch (error) {
      const errors = fieldErrors(request, error);
      if (errors) return renderOrganisations(request, reply, 400, { values, errors });
      throw error;
    }
    return redirectWithFlash(reply, '/admin/organisations', request.i18n.t('flash.saved'));
  });

  const renderOrganisation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    extra: { values?: { name: string; kind: string; email: string }; errors?: FieldErrors } = {},
  ) => {
    const organisation = (await listOrganisations(app.db.kysely)).find((o) => o.id === id);
    if (!organisation) throw errors.organisationNotFound(id);
    return sendPage(
      reply,
      <OrganisationPage ctx={pageContext(request, reply)} organisation={organisation} {...extra} />,
      status,
    );
  };

  app.get(
    '/admin/organisations/:id',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => renderOrganisation(request, reply, request.params.id),
  );

  app.post(
    '/admin/organisations/:id',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const values = formValues(request.body);
      const form = parseForm(request, organisationForm);
      if (!form.ok)
        return renderOrganisation(request, reply, request.params.id, 400, {
          values,
          errors: form.errors,
        });
      try {
        await updateOrganisation(app.db, actorOf(request), request.params.id, {
          ...form.data,
          email: form.data.email || null,
        });
      } catch (error) {
        const errors = fieldErrors(request, error);
        if (errors)
          return renderOrganisation(request, reply, request.params.id, 400, { values, errors });
        throw error;
      }
      return redirectWithFlash(reply, '/admin/organisations', request.i18n.t('flash.saved'));
    },
  );

  app.post(
    '/admin/organisations/:id/active',
    { config: ADMIN, schema: { params: idParams } },
    async (request, reply) => {
      const active = (request.body as { active?: unknown } | undefined)?.active === '1';
      await setOrganisationActive(app.db, actorOf(request), request.params.id, active);
      return redirectWithFlash(reply, '/admin/organisations', request.i18n.t('flash.saved'));
    },
  );

  // ---- Audit trail ----

  const readAuditFilter = (
    request: FastifyRequest,
  ): { values: AuditFilterValues; filter: AuditFilter; errors: FieldErrors } => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 320) : '');
    const values = { user: str(q.user), entity: str(q.entity), from: str(q.from), to: str(q.to) };
    const errors: FieldErrors = {};
    if (values.from && !isPlainDate(values.from))
      errors.from = request.i18n.t('admin.audit.badDate');
    if (values.to && !isPlainDate(values.to)) errors.to = request.i18n.t('admin.audit.badDate');
    const filter: AuditFilter = {
      actorLabel: values.user ? normaliseEmail(values.user) : undefined,
      entity: values.entity || undefined,
      from: values.from && !errors.from ? stockholmDayStart(values.from) : undefined,
      to: values.to && !errors.to ? stockholmDayEnd(values.to) : undefined,
    };
    return { values, filter, errors };
  };

  app.get('/admin/audit', { config: ADMIN }, async (request, reply) => {
    const { values, filter, errors } = readAuditFilter(request);
    const page = pageRequest((request.query as { page?: unknown }).page);
    const { events, total } = Object.keys(errors).length
      ? { events: [], total: 0 }
      : await listAudit(app.db.kysely, filter, page);
    return sendPage(
      reply,
      <AuditPage
        ctx={pageContext(request, reply)}
        events={events}
        info={pageInfo(page, total, events.length)}
        filter={values}
        entities={await listAuditedEntities(app.db.kysely)}
        errors={errors}
      />,
      Object.keys(errors).length ? 400 : 200,
    );
  });

  app.get('/admin/audit.csv', { config: ADMIN }, async (request, reply) => {
    const { filter, errors } = readAuditFilter(request);
    if (Object.keys(errors).length) {
      return reply
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(Object.values(errors).join('\n'));
    }
    const db = app.db.kysely;
    async function* lines() {
      yield (
        UTF8_BOM +
        csvLine([
          'occurred_at',
          'actor',
          'actor_user_id',
          'ip',
          'entity',
          'entity_id',
          'action',
          'changes',
        ])
      );
      for await (const e of iterateAudit(db, filter)) {
        yield csvLine([
          e.occurredAt,
          e.actorLabel,
          e.actorUserId,
          e.ip,
          e.entity,
          e.entityId,
          e.action,
          JSON.stringify(e.changes),
        ]);
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="vanort-audit-${date}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });

  // ---- Mail outbox ----

  app.get('/admin/outbox', { config: ADMIN }, async (request, reply) => {
    const page = pageRequest((request.query as { page?: unknown }).page, 20);
    const [rows, total] = await Promise.all([
      listOutboxMails(app.db.kysely, page),
      countOutboxMails(app.db.kysely),
    ]);
    const mails = rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      createdAt: r.created_at,
    }));
    return sendPage(
      reply,
      <OutboxPage
        ctx={pageContext(request, reply)}
        mails={mails}
        info={pageInfo(page, total, mails.length)}
      />,
    );
  });
};

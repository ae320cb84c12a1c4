import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../../platform/downloads.ts';
import { checkForm, readForm, rerender } from '../../platform/forms.ts';
import { countOutboxMails, listOutboxMails } from '../../platform/mail/outbox.repository.ts';
import { renderPage } from '../../platform/render.ts';
import { csvLine, UTF8_BOM } from '../../shared/csv.ts';
import { isPlainDate, stockholmDayEnd, stockholmDayStart } from '../../shared/dates.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import type { FieldErrors } from '../../ui/fields.tsx';
import { normaliseEmail } from '../accounts/index.ts';
import { iterateAudit, listAudit, listAuditedEntities, type AuditFilter } from '../audit/index.ts';
import { ADMIN } from './admin-routes.ts';
import { organisationAdminRoutes } from './organisation-admin.pages.tsx';
import { userAdminRoutes } from './user-admin.pages.tsx';
import { AuditPage, type AuditFilterValues } from './views/audit-page.tsx';
import { OutboxPage } from './views/outbox-page.tsx';

/** A day of the audit filter: empty, or a plain date (YYYY-MM-DD). */
const filterDay = z.string().refine((v) => v === '' || isPlainDate(v), 'admin.audit.badDate');

/** The audit trail's filter (a GET form): who, which entity, from and to which day. */
const auditFilterForm = z.object({
  user: z.string().max(320),
  entity: z.string().max(100),
  from: filterDay,
  to: filterDay,
});

export const adminPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin', { config: ADMIN }, async (_request, reply) =>
    reply.redirect('/admin/users', 303),
  );

  userAdminRoutes(app);
  organisationAdminRoutes(app);

  // ---- Audit trail ----

  const readAuditFilter = (
    request: FastifyRequest,
  ): { values: AuditFilterValues; filter: AuditFilter; errors: FieldErrors } => {
    // Read as a form: a value too long, sent twice or with a control character is refused.
    const read = readForm(request.query, auditFilterForm);
    const values = {
      user: read.user.trim(),
      entity: read.entity.trim(),
      from: read.from.trim(),
      to: read.to.trim(),
    };
    const { errors } = checkForm(request.i18n, read, auditFilterForm, values);
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
    const invalid = Object.keys(errors).length > 0;
    const { events, total } = invalid
      ? { events: [], total: 0 }
      : await listAudit(app.db.kysely, filter, page);
    const entities = await listAuditedEntities(app.db.kysely);
    const render = () =>
      renderPage(reply, AuditPage, {
        events,
        info: pageInfo(page, total, events.length),
        filter: values,
        entities,
      });
    // A filter that cannot be read: 400, the problems in the summary, the filter kept.
    return invalid ? rerender(request, reply, errors, render) : render();
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
    return sendCsv(reply, `vanort-audit-${date}.csv`, lines());
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
    return renderPage(reply, OutboxPage, { mails, info: pageInfo(page, total, mails.length) });
  });
};

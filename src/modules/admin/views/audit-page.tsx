import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Button, DateField, Form, SelectField, TextField } from '../../../ui/fields.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { messageColumns, type Column } from '../../../ui/table.tsx';
import type { AuditEvent } from '../../audit/index.ts';
import { AdminLayout } from './admin-layout.tsx';

export type AuditFilterValues = {
  user: string;
  entity: string;
  from: string;
  to: string;
};

interface Props {
  ctx: PageContext;
  events: AuditEvent[];
  info: PageInfo;
  filter: AuditFilterValues;
  entities: string[];
}

export function AuditPage({ ctx, events, info, filter, entities }: Props) {
  const { t, intl } = ctx.i18n;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  const columns: Column<AuditEvent>[] = messageColumns(ctx.i18n, 'admin.audit', {
    when: (e) => <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt, intl)}</time>,
    who: (e) => (
      <>
        {e.actorLabel}
        {e.ip ? <span class="hint"> ({e.ip})</span> : null}
      </>
    ),
    entity: (e) => (
      <>
        {e.entity}
        {e.entityId ? <span class="hint"> {e.entityId.slice(0, 8)}</span> : null}
      </>
    ),
    action: (e) => e.action,
    changes: (e) => <Changes changes={e.changes} />,
  });
  return (
    <AdminLayout ctx={ctx} current="/admin/audit">
      <Form ctx={ctx} method="get" action="/admin/audit" class="filters" values={filter}>
        <TextField name="user" type="email" label={t('admin.audit.user')} />
        <SelectField
          name="entity"
          label={t('admin.audit.entity')}
          options={[
            { value: '', label: t('admin.users.none') },
            ...entities.map((e) => ({ value: e, label: e })),
          ]}
        />
        <DateField name="from" label={t('admin.audit.from')} />
        <DateField name="to" label={t('admin.audit.to')} />
        <div class="field">
          <Button variant="secondary">{t('admin.audit.filter')}</Button>
        </div>
      </Form>
      <p>
        <a href={`/admin/audit.csv?${query.toString()}`} download>
          {t('admin.audit.csv')}
        </a>
      </p>
      <ListTable
        caption={t('admin.audit')}
        rows={events}
        empty={t('admin.audit.empty')}
        columns={columns}
      />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={query} />
    </AdminLayout>
  );
}

/** What an event changed: each field, before → after. */
function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  if (Object.keys(changes).length === 0) return null;
  return (
    <ul class="plain-list">
      {Object.entries(changes).map(([field, c]) => (
        <li key={field}>
          <code>{field}</code>: {JSON.stringify(c.before)} → {JSON.stringify(c.after)}
        </li>
      ))}
    </ul>
  );
}

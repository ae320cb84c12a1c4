import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Pagination } from '../../../ui/pagination.tsx';
import { AdminLayout } from './admin-layout.tsx';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export function OutboxPage({
  ctx,
  mails,
  info,
}: {
  ctx: PageContext;
  mails: OutboxMail[];
  info: PageInfo;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} current="/admin/outbox">
      {mails.length === 0 ? <p>{t('admin.outbox.empty')}</p> : null}
      {mails.map((m) => (
        <article class="mail" key={m.id} aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} class="mail-subject">
            {m.subject}
          </h2>
          <p class="hint">
            {t('admin.outbox.to')}: {m.to} · {t('admin.outbox.when')}:{' '}
            <time dateTime={m.createdAt}>{formatInstant(m.createdAt, intl)}</time>
          </p>
          <pre class="mail-body">{m.text}</pre>
        </article>
      ))}
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </AdminLayout>
  );
}

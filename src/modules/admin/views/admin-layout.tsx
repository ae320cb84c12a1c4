import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';

const ITEMS = [
  { href: '/admin/users', key: 'admin.users' },
  { href: '/admin/organisations', key: 'admin.organisations' },
  { href: '/admin/audit', key: 'admin.audit' },
  { href: '/admin/outbox', key: 'admin.outbox' },
  { href: '/admin/security', key: 'admin.security' },
  { href: '/admin/privacy', key: 'privacy.admin.nav' },
] as const;

export function AdminLayout({
  ctx,
  title,
  current,
  children,
}: {
  ctx: PageContext;
  title: string;
  current: (typeof ITEMS)[number]['href'];
  children: ComponentChildren;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={`${title} – ${t('admin.title')}`}>
      <nav aria-label={t('admin.nav')} class="sub-nav">
        <ul>
          {ITEMS.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                {t(item.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

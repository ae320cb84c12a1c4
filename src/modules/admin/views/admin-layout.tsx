import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PageHeading } from '../../../ui/page-heading.tsx';
import { pageMessages, type PagePrefix } from '../../../ui/titled-page.tsx';

/**
 * The administration's menu; a section whose page is a list says what the list is (`lead`).
 * The pages inside a section link back to its page by its name, or by `back` if it has one.
 */
const ITEMS = [
  { href: '/admin/users', key: 'admin.users', lead: 'admin.users.lead', back: 'admin.users.back' },
  { href: '/admin/organisations', key: 'admin.organisations', lead: 'admin.organisations.lead' },
  { href: '/admin/audit', key: 'admin.audit', lead: 'admin.audit.lead' },
  { href: '/admin/outbox', key: 'admin.outbox', lead: 'admin.outbox.lead' },
  { href: '/admin/security', key: 'admin.security' },
  { href: '/admin/privacy', key: 'privacy.admin.nav' },
] as const;

type Item = (typeof ITEMS)[number];

/**
 * An administration page: the administration's menu, a link back to the page of the section
 * `current` (if `back`: the page is inside the section), the heading (the title unless
 * `heading` says otherwise) and a lead paragraph (if any); the page's own content follows.
 * Without a `title` it is the page of the section `current`: the title is the section's name
 * in the menu and the lead says what its list is. `messages` names the title and the lead by
 * the prefix of their messages instead (as `TitledPage`'s).
 */
export function AdminLayout<P extends string>({
  ctx,
  current,
  back,
  children,
  ...naming
}: {
  ctx: PageContext;
  current: Item['href'];
  heading?: string;
  back?: boolean;
  children: ComponentChildren;
} & (
  | { title?: string; lead?: ComponentChildren; messages?: never }
  | { messages: P & PagePrefix<P>; title?: never; lead?: never }
)) {
  const { t } = ctx.i18n;
  const props = naming.messages
    ? { ...naming, ...pageMessages(ctx.i18n, naming.messages) }
    : naming;
  const item: Item = ITEMS.find((i) => i.href === current)!;
  const title = props.title ?? t(item.key);
  const heading = props.heading ?? title;
  const lead = props.lead ?? (props.title === undefined && 'lead' in item ? t(item.lead) : null);
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
      <PageHeading
        back={
          back ? { href: item.href, label: t('back' in item ? item.back : item.key) } : undefined
        }
        heading={heading}
        lead={lead}
      />
      {children}
    </Layout>
  );
}

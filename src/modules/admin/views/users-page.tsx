import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Pagination } from '../../../ui/pagination.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkCell, messageColumns, type Column } from '../../../ui/table.tsx';
import type { User } from '../../accounts/index.ts';
import { RoleList, type ScopeNames } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

export function UsersPage({
  ctx,
  users,
  info,
  names,
}: {
  ctx: PageContext;
  users: User[];
  info: PageInfo;
  names: ScopeNames;
}) {
  const { t, intl } = ctx.i18n;
  const columns: Column<User>[] = messageColumns(ctx.i18n, 'admin.users', {
    email: linkCell<User>('/admin/users', (u) => u.email),
    name: (u) => u.name,
    roles: (u) => <RoleList i18n={ctx.i18n} roles={u.roles} names={names} />,
    status: (u) => (u.active ? t('admin.users.active') : t('admin.users.inactive')),
    lastLogin: (u) => (u.lastLoginAt ? formatInstant(u.lastLoginAt, intl) : t('admin.users.never')),
  });
  return (
    <AdminLayout ctx={ctx} current="/admin/users">
      <ButtonLink href="/admin/users/new">{t('admin.invite.title')}</ButtonLink>
      <ListTable caption={t('admin.users')} rows={users} columns={columns} />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </AdminLayout>
  );
}

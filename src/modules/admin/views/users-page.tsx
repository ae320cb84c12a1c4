import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Pagination } from '../../../ui/pagination.tsx';
import type { User } from '../../accounts/index.ts';
import { RoleList, type ScopeNames } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';

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
  return (
    <AdminLayout ctx={ctx} title={t('admin.users')} current="/admin/users">
      <h1>{t('admin.users')}</h1>
      <p class="lead">{t('admin.users.lead')}</p>
      <p>
        <a class="button" href="/admin/users/new">
          {t('admin.invite.title')}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('admin.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.roles')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <a href={`/admin/users/${u.id}`}>{u.email}</a>
                </th>
                <td>{u.name}</td>
                <td>
                  <RoleList i18n={ctx.i18n} roles={u.roles} names={names} />
                </td>
                <td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                <td>
                  {u.lastLoginAt ? formatInstant(u.lastLoginAt, intl) : t('admin.users.never')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </AdminLayout>
  );
}

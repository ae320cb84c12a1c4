import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
} from '../../../ui/form.tsx';
import type { User } from '../../accounts/account.service.ts';
import { ROLES } from '../../accounts/roles.ts';
import { AdminLayout } from './admin-layout.tsx';

interface Props {
  ctx: PageContext;
  user: User;
  organisations: { id: string; name: string }[];
  cities: { id: string; name: string }[];
  values?: { roles: string[]; organisation: string; city: string };
  errors?: FieldErrors;
}

export function UserPage({ ctx, user, organisations, cities, values, errors = {} }: Props) {
  const { t } = ctx.i18n;
  const current = values ?? {
    roles: user.roles.map((g) => g.role),
    organisation: user.roles.find((g) => g.organisationId)?.organisationId ?? '',
    city: user.roles.find((g) => g.cityId)?.cityId ?? '',
  };
  const none = { value: '', label: t('admin.users.none') };
  return (
    <AdminLayout ctx={ctx} title={user.email} current="/admin/users">
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <h1>{t('admin.users.edit', { email: user.email })}</h1>
      <p>
        {user.name} · {user.active ? t('admin.users.active') : t('admin.users.inactive')}
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/admin/users/${user.id}/roles`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <CheckboxGroup
          name="roles"
          legend={t('admin.users.rolesLegend')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          values={current.roles}
          error={errors.roles}
        />
        <SelectField
          name="organisation"
          label={t('admin.users.organisation')}
          options={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          value={current.organisation}
          error={errors.organisation}
        />
        <SelectField
          name="city"
          label={t('admin.users.city')}
          options={[none, ...cities.map((c) => ({ value: c.id, label: c.name }))]}
          value={current.city}
          error={errors.city}
        />
        <Button>{t('admin.users.saveRoles')}</Button>
      </form>
      <form method="post" action={`/admin/users/${user.id}/active`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="active" value={user.active ? '0' : '1'} />
        <Button variant={user.active ? 'warning' : 'secondary'}>
          {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
        </Button>
      </form>
      {/* Two-step verification (mfa-admin.pages.tsx): reset only when the user has it. */}
      <p>{user.totpEnabled ? t('mfa.admin.on') : t('mfa.admin.off')}</p>
      {user.totpEnabled ? (
        <form method="post" action={`/admin/users/${user.id}/mfa-reset`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="hint" id="mfa-reset-hint">
            {t('mfa.admin.resetHint')}
          </p>
          <button type="submit" class="button button-warning" aria-describedby="mfa-reset-hint">
            {t('mfa.admin.reset')}
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}

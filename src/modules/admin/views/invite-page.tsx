import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../../ui/form.tsx';
import { ROLES } from '../../accounts/roles.ts';
import { AdminLayout } from './admin-layout.tsx';

export interface InviteValues {
  email: string;
  name: string;
  roles: string[];
  organisation: string;
  city: string;
}

interface Props {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  cities: { id: string; name: string }[];
  values?: InviteValues;
  errors?: FieldErrors;
}

export function InvitePage({ ctx, organisations, cities, values, errors = {} }: Props) {
  const { t } = ctx.i18n;
  const none = { value: '', label: t('admin.users.none') };
  return (
    <AdminLayout ctx={ctx} title={t('admin.invite.title')} current="/admin/users">
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <h1>{t('admin.invite.title')}</h1>
      <p class="lead">{t('admin.invite.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/admin/users/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('admin.users.email')}
          value={values?.email}
          error={errors.email}
          autocomplete="off"
        />
        <TextField
          name="name"
          label={t('admin.users.name')}
          value={values?.name}
          error={errors.name}
          autocomplete="off"
        />
        <CheckboxGroup
          name="roles"
          legend={t('admin.users.rolesLegend')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          values={values?.roles ?? ['staff']}
          error={errors.roles}
        />
        <SelectField
          name="organisation"
          label={t('admin.users.organisation')}
          options={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          value={values?.organisation}
          error={errors.organisation}
        />
        <SelectField
          name="city"
          label={t('admin.users.city')}
          options={[none, ...cities.map((c) => ({ value: c.id, label: c.name }))]}
          value={values?.city}
          error={errors.city}
        />
        <Button>{t('admin.invite.submit')}</Button>
      </form>
    </AdminLayout>
  );
}

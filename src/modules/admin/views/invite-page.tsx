import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CheckboxGroup, Form, SelectField, TextField } from '../../../ui/fields.tsx';
import { ROLES } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';

export type InviteValues = {
  email: string;
  name: string;
  roles: string[];
  organisation: string;
  city: string;
};

interface Props {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  cities: { id: string; name: string }[];
  values?: InviteValues | undefined;
}

export function InvitePage({ ctx, organisations, cities, values }: Props) {
  const { t } = ctx.i18n;
  const none = { value: '', label: t('admin.users.none') };
  return (
    <AdminLayout ctx={ctx} title={t('admin.invite.title')} current="/admin/users">
      <p class="breadcrumb">
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <h1>{t('admin.invite.title')}</h1>
      <p class="lead">{t('admin.invite.lead')}</p>
      <Form ctx={ctx} action="/admin/users/new" values={values ?? { roles: ['staff'] }}>
        <TextField name="email" type="email" label={t('admin.users.email')} autocomplete="off" />
        <TextField name="name" label={t('admin.users.name')} autocomplete="off" />
        <CheckboxGroup
          name="roles"
          legend={t('admin.users.rolesLegend')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          name="organisation"
          label={t('admin.users.organisation')}
          options={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          name="city"
          label={t('admin.users.city')}
          options={[none, ...cities.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <Button>{t('admin.invite.submit')}</Button>
      </Form>
    </AdminLayout>
  );
}

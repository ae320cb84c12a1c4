import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../../ui/form.tsx';
import type { Organisation } from '../../organisations/organisation.service.ts';
import { AdminLayout } from './admin-layout.tsx';

interface Props {
  ctx: PageContext;
  organisations: readonly Organisation[];
  values?: { name: string; kind: string; email: string };
  errors?: FieldErrors;
}

export function OrganisationsPage({ ctx, organisations, values, errors = {} }: Props) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} title={t('admin.organisations')} current="/admin/organisations">
      <h1>{t('admin.organisations')}</h1>
      <p class="lead">{t('admin.organisations.lead')}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('admin.organisations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('org.name')}</th>
              <th scope="col">{t('org.kind')}</th>
              <th scope="col">{t('org.email')}</th>
              <th scope="col">{t('org.status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('org.status')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <a href={`/admin/organisations/${o.id}`}>{o.name}</a>
                </th>
                <td>{t(`org.kind.${o.kind}`)}</td>
                <td>{o.email ?? ''}</td>
                <td>{o.active ? t('org.active') : t('org.inactive')}</td>
                <td>
                  <form method="post" action={`/admin/organisations/${o.id}/active`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="active" value={o.active ? '0' : '1'} />
                    <button type="submit" class="link-button">
                      {o.active
                        ? t('org.deactivate', { name: o.name })
                        : t('org.activate', { name: o.name })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add">{t('admin.organisations.add')}</h2>
      <OrganisationForm ctx={ctx} action="/admin/organisations" values={values} errors={errors} />
    </AdminLayout>
  );
}

export function OrganisationForm({
  ctx,
  action,
  values,
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  values?: { name: string; kind: string; email: string } | undefined;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  return (
    <>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('org.name')} value={values?.name} error={errors.name} />
        <SelectField
          name="kind"
          label={t('org.kind')}
          options={[
            { value: 'administration', label: t('org.kind.administration') },
            { value: 'company', label: t('org.kind.company') },
          ]}
          value={values?.kind}
          error={errors.kind}
        />
        <TextField
          name="email"
          type="email"
          label={t('org.email')}
          hint={t('org.emailHint')}
          value={values?.email}
          error={errors.email}
        />
        <Button>{t('admin.organisations.save')}</Button>
      </form>
    </>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  values,
  errors,
}: {
  ctx: PageContext;
  organisation: Organisation;
  values?: { name: string; kind: string; email: string };
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} title={organisation.name} current="/admin/organisations">
      <p class="breadcrumb">
        <a href="/admin/organisations">{t('admin.organisations')}</a>
      </p>
      <h1>{t('org.rename', { name: organisation.name })}</h1>
      <OrganisationForm
        ctx={ctx}
        action={`/admin/organisations/${organisation.id}`}
        values={
          values ?? {
            name: organisation.name,
            kind: organisation.kind,
            email: organisation.email ?? '',
          }
        }
        errors={errors}
      />
    </AdminLayout>
  );
}

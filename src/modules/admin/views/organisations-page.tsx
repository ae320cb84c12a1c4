import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  fieldLabels,
  Form,
  messageOptions,
  SelectField,
  TextField,
} from '../../../ui/fields.tsx';
import type { OrganisationInput } from '../../organisations/index.ts';
import type { Organisation } from '../../organisations/index.ts';
import { AdminLayout } from './admin-layout.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkCell, messageColumns, type Column } from '../../../ui/table.tsx';

interface Props {
  ctx: PageContext;
  organisations: readonly Organisation[];
  values?: OrganisationInput | undefined;
}

export function OrganisationsPage({ ctx, organisations, values }: Props) {
  const { t } = ctx.i18n;
  const columns: Column<Organisation>[] = [
    ...messageColumns(ctx.i18n, 'org', {
      name: linkCell<Organisation>('/admin/organisations', (o) => o.name),
      kind: (o) => t(`org.kind.${o.kind}`),
      email: (o) => o.email ?? '',
      status: (o) => (o.active ? t('org.active') : t('org.inactive')),
    }),
    {
      header: t('org.status'),
      hiddenHeader: true,
      cell: (o) => (
        <Form ctx={ctx} action={`/admin/organisations/${o.id}/active`}>
          <input type="hidden" name="active" value={o.active ? '0' : '1'} />
          <button type="submit" class="link-button">
            {o.active ? t('org.deactivate', { name: o.name }) : t('org.activate', { name: o.name })}
          </button>
        </Form>
      ),
    },
  ];
  return (
    <AdminLayout ctx={ctx} current="/admin/organisations">
      <ListTable caption={t('admin.organisations')} rows={organisations} columns={columns} />
      <h2 id="add">{t('admin.organisations.add')}</h2>
      <OrganisationForm ctx={ctx} action="/admin/organisations" values={values} />
    </AdminLayout>
  );
}

export function OrganisationForm({
  ctx,
  action,
  values,
}: {
  ctx: PageContext;
  action: string;
  values?: OrganisationInput | undefined;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'org');
  return (
    <Form ctx={ctx} action={action} values={values}>
      <TextField {...field('name')} />
      <SelectField
        {...field('kind')}
        options={messageOptions(ctx.i18n, 'org.kind', ['administration', 'company'])}
      />
      <TextField {...field('email', 'hint')} type="email" optional />
      <Button>{t('admin.organisations.save')}</Button>
    </Form>
  );
}

export function OrganisationPage({
  ctx,
  organisation,
  values,
}: {
  ctx: PageContext;
  organisation: Organisation;
  values?: OrganisationInput | undefined;
}) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout
      ctx={ctx}
      title={organisation.name}
      current="/admin/organisations"
      back
      heading={t('org.rename', { name: organisation.name })}
    >
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
      />
    </AdminLayout>
  );
}

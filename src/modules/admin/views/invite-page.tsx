import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
import { LanguageField } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';
import { RoleFields, type RoleValues, type ScopeChoices } from './role-fields.tsx';

export type InviteValues = RoleValues & { email: string; name: string; language: string };

interface Props extends ScopeChoices {
  ctx: PageContext;
  values?: InviteValues | undefined;
}

export function InvitePage({ ctx, organisations, cities, values }: Props) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} messages="admin.invite" current="/admin/users" back>
      <Form
        ctx={ctx}
        action="/admin/users/new"
        values={values ?? { roles: ['staff'], language: '' }}
      >
        <TextField name="email" type="email" label={t('admin.users.email')} autocomplete="off" />
        <TextField name="name" label={t('admin.users.name')} autocomplete="off" />
        <RoleFields i18n={ctx.i18n} organisations={organisations} cities={cities} />
        <LanguageField
          i18n={ctx.i18n}
          hint={t('admin.invite.languageHint')}
          automatic={t('admin.invite.languageAuto')}
        />
        <Button>{t('admin.invite.submit')}</Button>
      </Form>
    </AdminLayout>
  );
}

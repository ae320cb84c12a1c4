import { LOCALES } from '../../../platform/i18n/locales.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { Button, Form } from '../../../ui/fields.tsx';
import type { User } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';
import { RoleFields, type RoleValues, type ScopeChoices } from './role-fields.tsx';

interface Props extends ScopeChoices {
  ctx: PageContext;
  user: User;
  values?: RoleValues | undefined;
}

export function UserPage({ ctx, user, organisations, cities, values }: Props) {
  const { t } = ctx.i18n;
  const current: RoleValues = values ?? {
    roles: user.roles.map((g) => g.role),
    organisation: user.roles.find((g) => g.organisationId)?.organisationId ?? '',
    city: user.roles.find((g) => g.cityId)?.cityId ?? '',
  };
  return (
    <AdminLayout
      ctx={ctx}
      title={user.email}
      current="/admin/users"
      back
      heading={t('admin.users.edit', { email: user.email })}
    >
      <p>
        {user.name} · {user.active ? t('admin.users.active') : t('admin.users.inactive')}
      </p>
      <p>
        {t('account.language.label')}:{' '}
        <span lang={user.language}>{LOCALES[user.language].name}</span>
      </p>
      <Form ctx={ctx} action={`/admin/users/${user.id}/roles`} values={current}>
        <RoleFields i18n={ctx.i18n} organisations={organisations} cities={cities} />
        <Button>{t('admin.users.saveRoles')}</Button>
      </Form>
      <Form ctx={ctx} action={`/admin/users/${user.id}/active`}>
        <input type="hidden" name="active" value={user.active ? '0' : '1'} />
        <Button variant={user.active ? 'warning' : 'secondary'}>
          {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
        </Button>
      </Form>
      {/* Two-step verification (mfa-admin.pages.tsx): reset only when the user has it. */}
      <p>{user.totpEnabled ? t('mfa.admin.on') : t('mfa.admin.off')}</p>
      {user.totpEnabled ? (
        <div>
          <p class="hint" id="mfa-reset-hint">
            {t('mfa.admin.resetHint')}
          </p>
          <ConfirmLink
            variant="warning"
            href={`/admin/users/${user.id}/mfa-reset`}
            aria-describedby="mfa-reset-hint"
          >
            {t('mfa.admin.reset')}
          </ConfirmLink>
        </div>
      ) : null}
    </AdminLayout>
  );
}

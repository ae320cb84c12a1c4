import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
} from '../../../ui/form.tsx';
import { ROLES } from '../../accounts/roles.ts';
import { AdminLayout } from './admin-layout.tsx';

/** The roles that must use two-step verification. */
export function SecurityPage({
  ctx,
  roles,
  errors = {},
}: {
  ctx: PageContext;
  roles: readonly string[];
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} title={t('admin.security.title')} current="/admin/security">
      <h1>{t('admin.security.title')}</h1>
      <p class="lead">{t('admin.security.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/admin/security" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <CheckboxGroup
          name="roles"
          legend={t('admin.security.legend')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          values={[...roles]}
          error={errors.roles}
        />
        <Button>{t('admin.security.save')}</Button>
      </form>
    </AdminLayout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CheckboxGroup, Form } from '../../../ui/fields.tsx';
import { ROLES } from '../../accounts/index.ts';
import { AdminLayout } from './admin-layout.tsx';

/** The roles that must use two-step verification. */
export function SecurityPage({ ctx, roles }: { ctx: PageContext; roles: readonly string[] }) {
  const { t } = ctx.i18n;
  return (
    <AdminLayout ctx={ctx} messages="admin.security" current="/admin/security">
      <Form ctx={ctx} action="/admin/security" values={{ roles: [...roles] }}>
        <CheckboxGroup
          name="roles"
          legend={t('admin.security.legend')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <Button>{t('admin.security.save')}</Button>
      </Form>
    </AdminLayout>
  );
}

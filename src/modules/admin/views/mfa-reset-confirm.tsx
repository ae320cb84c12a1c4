import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import type { User } from '../../accounts/index.ts';

/** Reset a user's two-step verification? They set it up anew (decision 033). */
export function ResetMfaPage({ ctx, user }: { ctx: PageContext; user: User }) {
  const { t } = ctx.i18n;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('mfa.admin.confirmReset.title')}
      lead={t('mfa.admin.confirmReset.what', { name: user.name, email: user.email })}
      details={<p>{t('mfa.admin.resetHint')}</p>}
      irreversible
      destructive
      action={`/admin/users/${user.id}/mfa-reset`}
      confirm={t('mfa.admin.reset')}
      cancel={`/admin/users/${user.id}`}
    />
  );
}

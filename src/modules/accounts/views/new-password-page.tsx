import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { MIN_PASSWORD_LENGTH } from '../password.ts';
import type { TokenKind } from '../reset.service.ts';

interface Props {
  ctx: PageContext;
  kind: TokenKind;
  /** The account the link belongs to, shown so the user knows which one it is. */
  email: string;
  /** Where the form posts: the link's own path. */
  action: string;
  errors?: FieldErrors;
}

/** Choose a new password (after a reset link) or a first one (after an invitation). */
export function NewPasswordPage({ ctx, kind, email, action, errors = {} }: Props) {
  const { t } = ctx.i18n;
  const title = t(kind === 'reset' ? 'newPassword.resetTitle' : 'newPassword.inviteTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {t(kind === 'reset' ? 'newPassword.resetLead' : 'newPassword.inviteLead', { email })}
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="password"
          type="password"
          label={t('newPassword.password')}
          hint={t('newPassword.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          autocomplete="new-password"
          error={errors.password}
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={t('newPassword.passwordConfirm')}
          autocomplete="new-password"
          error={errors.passwordConfirm}
        />
        <Button>{t('newPassword.submit')}</Button>
      </form>
    </Layout>
  );
}

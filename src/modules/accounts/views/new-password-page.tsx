import type { PageContext } from '../../../platform/page-context.ts';
import { fieldLabels, TextField } from '../../../ui/fields.tsx';
import { FormPage } from '../../../ui/form-page.tsx';
import { MIN_PASSWORD_LENGTH } from '../password.ts';
import type { TokenKind } from '../reset.service.ts';

interface Props {
  ctx: PageContext;
  kind: TokenKind;
  /** The account the link belongs to, shown so the user knows which one it is. */
  email: string;
  /** Where the form posts: the link's own path. */
  action: string;
}

/** Choose a new password (after a reset link) or a first one (after an invitation). */
export function NewPasswordPage({ ctx, kind, email, action }: Props) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'newPassword');
  // Passwords are never sent back: no values.
  return (
    <FormPage
      ctx={ctx}
      title={t(kind === 'reset' ? 'newPassword.resetTitle' : 'newPassword.inviteTitle')}
      lead={t(kind === 'reset' ? 'newPassword.resetLead' : 'newPassword.inviteLead', { email })}
      action={action}
      submit={t('newPassword.submit')}
    >
      <TextField
        {...field('password')}
        type="password"
        hint={t('newPassword.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        autocomplete="new-password"
      />
      <TextField {...field('passwordConfirm')} type="password" autocomplete="new-password" />
    </FormPage>
  );
}

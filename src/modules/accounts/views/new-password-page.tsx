import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
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
}

/** Choose a new password (after a reset link) or a first one (after an invitation). */
export function NewPasswordPage({ ctx, kind, email, action }: Props) {
  const { t } = ctx.i18n;
  const title = t(kind === 'reset' ? 'newPassword.resetTitle' : 'newPassword.inviteTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {t(kind === 'reset' ? 'newPassword.resetLead' : 'newPassword.inviteLead', { email })}
      </p>
      {/* Passwords are never sent back: no values. */}
      <Form ctx={ctx} action={action}>
        <TextField
          name="password"
          type="password"
          label={t('newPassword.password')}
          hint={t('newPassword.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          autocomplete="new-password"
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={t('newPassword.passwordConfirm')}
          autocomplete="new-password"
        />
        <Button>{t('newPassword.submit')}</Button>
      </Form>
    </Layout>
  );
}

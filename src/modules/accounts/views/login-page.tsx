import type { PageContext } from '../../../platform/page-context.ts';
import { fieldLabels, TextField } from '../../../ui/fields.tsx';
import { FormPage } from '../../../ui/form-page.tsx';

interface Props {
  ctx: PageContext;
  /** The e-mail address as sent (never the password), and where to go after logging in. */
  values?: { email?: string | undefined; next?: string | undefined };
  /** Single sign-on is configured: offer it first. */
  sso?: boolean | undefined;
}

export function LoginPage({ ctx, values = {}, sso }: Props) {
  const { t } = ctx.i18n;
  const { next } = values;
  const field = fieldLabels(ctx.i18n, 'login');
  return (
    <FormPage
      ctx={ctx}
      messages="login"
      action="/login"
      values={{ email: values.email }}
      submit={t('login.submit')}
      before={
        sso ? (
          <>
            <p>
              <a
                class="button"
                href={
                  next ? `/auth/oidc/login?next=${encodeURIComponent(next)}` : '/auth/oidc/login'
                }
              >
                {t('oidc.login')}
              </a>
            </p>
            <p>{t('oidc.or')}</p>
          </>
        ) : null
      }
      after={
        <p>
          <a href="/reset">{t('reset.forgot')}</a>
        </p>
      }
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField {...field('email')} type="email" autocomplete="username" />
      <TextField {...field('password')} type="password" autocomplete="current-password" />
    </FormPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';

interface Props {
  ctx: PageContext;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  /** A message about the whole form (wrong credentials, lockout). */
  problem?: string | undefined;
  /** Single sign-on is configured: offer it first. */
  sso?: boolean;
}

export function LoginPage({ ctx, email, next, errors = {}, problem, sso }: Props) {
  const { t } = ctx.i18n;
  const summary: FieldErrors = problem ? { email: problem, ...errors } : errors;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <h1>{t('login.title')}</h1>
      <p class="lead">{t('login.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={summary} />
      {sso ? (
        <>
          <p>
            <a
              class="button"
              href={next ? `/auth/oidc/login?next=${encodeURIComponent(next)}` : '/auth/oidc/login'}
            >
              {t('oidc.login')}
            </a>
          </p>
          <p>{t('oidc.or')}</p>
        </>
      ) : null}
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={email}
          autocomplete="username"
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          error={errors.password}
        />
        <Button>{t('login.submit')}</Button>
      </form>
      <p>
        <a href="/reset">{t('reset.forgot')}</a>
      </p>
    </Layout>
  );
}

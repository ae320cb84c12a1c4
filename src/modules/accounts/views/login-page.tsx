import type { PageContext } from '../../../platform/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Flash,
  TextField,
} from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';

interface Props {
  ctx: PageContext;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  /** A message about the whole form (wrong credentials, lockout). */
  problem?: string | undefined;
}

export function LoginPage({ ctx, email, next, errors = {}, problem }: Props) {
  const { t } = ctx.i18n;
  const summary: FieldErrors = problem ? { email: problem, ...errors } : errors;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <Flash message={ctx.flash} />
      <h1>{t('login.title')}</h1>
      <p class="lead">{t('login.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={summary} />
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
    </Layout>
  );
}

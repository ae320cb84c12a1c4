import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { RESET_VALID_MINUTES } from '../reset.service.ts';

interface Props {
  ctx: PageContext;
  email?: string;
  errors?: FieldErrors;
  /** A message about the whole form (lockout). */
  problem?: string | undefined;
}

/** Asks for the e-mail address to send a reset link to. */
export function ResetRequestPage({ ctx, email, errors = {}, problem }: Props) {
  const { t } = ctx.i18n;
  const summary: FieldErrors = problem ? { email: problem, ...errors } : errors;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <p class="lead">{t('reset.lead', { minutes: RESET_VALID_MINUTES })}</p>
      <ErrorSummary i18n={ctx.i18n} errors={summary} />
      <form method="post" action="/reset" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('reset.email')}
          value={email}
          autocomplete="email"
          error={errors.email}
        />
        <Button>{t('reset.submit')}</Button>
      </form>
      <p>
        <a href="/login">{t('reset.backToLogin')}</a>
      </p>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { MfaCodeField } from './mfa-code-field.tsx';

/** The second step of logging in: the code from the authenticator app. */
export function MfaLoginPage({
  ctx,
  next,
  errors = {},
}: {
  ctx: PageContext;
  next: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('mfa.login.title')}>
      <h1>{t('mfa.login.title')}</h1>
      <p class="lead">{t('mfa.login.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/login/mfa" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} error={errors.code} />
        <Button>{t('mfa.login.submit')}</Button>
      </form>
      <p>{t('mfa.login.lost')}</p>
      <form method="post" action="/logout">
        <CsrfField token={ctx.csrfToken} />
        <Button variant="secondary">{t('mfa.login.cancel')}</Button>
      </form>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { RESET_VALID_MINUTES } from '../reset.service.ts';

/** Asks for the e-mail address to send a reset link to. */
export function ResetRequestPage({
  ctx,
  values = {},
}: {
  ctx: PageContext;
  values?: { email?: string };
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <p class="lead">{t('reset.lead', { minutes: RESET_VALID_MINUTES })}</p>
      <Form ctx={ctx} action="/reset" values={values}>
        <TextField name="email" type="email" label={t('reset.email')} autocomplete="email" />
        <Button>{t('reset.submit')}</Button>
      </Form>
      <p>
        <a href="/login">{t('reset.backToLogin')}</a>
      </p>
    </Layout>
  );
}

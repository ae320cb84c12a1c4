import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
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
    <TitledPage
      ctx={ctx}
      title={t('reset.title')}
      lead={t('reset.lead', { minutes: RESET_VALID_MINUTES })}
    >
      <Form ctx={ctx} action="/reset" values={values}>
        <TextField name="email" type="email" label={t('reset.email')} autocomplete="email" />
        <Button>{t('reset.submit')}</Button>
      </Form>
      <p>
        <a href="/login">{t('reset.backToLogin')}</a>
      </p>
    </TitledPage>
  );
}

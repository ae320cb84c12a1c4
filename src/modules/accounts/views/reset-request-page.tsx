import type { PageContext } from '../../../platform/page-context.ts';
import { TextField } from '../../../ui/fields.tsx';
import { FormPage } from '../../../ui/form-page.tsx';
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
    <FormPage
      ctx={ctx}
      title={t('reset.title')}
      lead={t('reset.lead', { minutes: RESET_VALID_MINUTES })}
      action="/reset"
      values={values}
      submit={t('reset.submit')}
      after={
        <p>
          <a href="/login">{t('reset.backToLogin')}</a>
        </p>
      }
    >
      <TextField name="email" type="email" label={t('reset.email')} autocomplete="email" />
    </FormPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form } from '../../../ui/fields.tsx';
import { FormPage } from '../../../ui/form-page.tsx';
import { MfaCodeField } from './mfa-code-field.tsx';

/** The second step of logging in: the code from the authenticator app. */
export function MfaLoginPage({ ctx, next }: { ctx: PageContext; next: string }) {
  const { t } = ctx.i18n;
  return (
    <FormPage
      ctx={ctx}
      messages="mfa.login"
      action="/login/mfa"
      submit={t('mfa.login.submit')}
      after={
        <>
          <p>{t('mfa.login.lost')}</p>
          <Form ctx={ctx} action="/logout">
            <Button variant="secondary">{t('mfa.login.cancel')}</Button>
          </Form>
        </>
      }
    >
      <input type="hidden" name="next" value={next} />
      <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} />
    </FormPage>
  );
}

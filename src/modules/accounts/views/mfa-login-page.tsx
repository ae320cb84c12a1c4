import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form } from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { MfaCodeField } from './mfa-code-field.tsx';

/** The second step of logging in: the code from the authenticator app. */
export function MfaLoginPage({ ctx, next }: { ctx: PageContext; next: string }) {
  const { t } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} messages="mfa.login">
      <Form ctx={ctx} action="/login/mfa">
        <input type="hidden" name="next" value={next} />
        <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} />
        <Button>{t('mfa.login.submit')}</Button>
      </Form>
      <p>{t('mfa.login.lost')}</p>
      <Form ctx={ctx} action="/logout">
        <Button variant="secondary">{t('mfa.login.cancel')}</Button>
      </Form>
    </TitledPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form } from '../../../ui/fields.tsx';
import { Facts } from '../../../ui/facts.tsx';
import { CopyField } from '../../../ui/copy-field.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import type { User } from '../account.service.ts';
import type { MfaStatus } from '../mfa.service.ts';
import { MfaCodeField } from './mfa-code-field.tsx';

/** The key in groups of four, easier to read and type (apps ignore the spaces). */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function MfaPage({
  ctx,
  user,
  status,
  qrSvg,
}: {
  ctx: PageContext;
  user: User;
  status: MfaStatus;
  /** The QR code of the otpauth URI (SVG markup made by the server), while enrolling. */
  qrSvg: string | null;
}) {
  const { t } = ctx.i18n;
  const state = status.enabled
    ? t('mfa.status.on')
    : status.enrolling
      ? t('mfa.status.enrolling')
      : t('mfa.status.off');
  return (
    <TitledPage ctx={ctx} messages="mfa" back={{ href: '/account', label: t('account.title') }}>
      {status.required && !status.enabled ? (
        <div class="panel panel-highlight">
          <p>{t('mfa.required')}</p>
        </div>
      ) : null}
      <Facts rows={[[t('mfa.status'), state]]} />

      {!status.localAccount ? (
        <p>{t('mfa.localOnly')}</p>
      ) : status.enabled ? (
        status.required ? (
          <p>{t('mfa.requiredOn')}</p>
        ) : (
          <section aria-labelledby="disable-title">
            <h2 id="disable-title">{t('mfa.disableTitle')}</h2>
            <p>{t('mfa.disableLead')}</p>
            <Form ctx={ctx} action="/account/mfa/disable">
              <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} />
              <Button variant="warning">{t('mfa.disable')}</Button>
            </Form>
          </section>
        )
      ) : status.enrolling ? (
        <>
          <section aria-labelledby="step1-title">
            <h2 id="step1-title">{t('mfa.step1')}</h2>
            <p>{t('mfa.step1Lead')}</p>
            {qrSvg ? (
              <div
                class="qr-code"
                role="img"
                aria-label={t('mfa.qrLabel', { email: user.email })}
                // Server-made SVG of the otpauth URI (qrcode): markup only, no script or style.
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
            ) : null}
            <CopyField
              id="mfa-secret"
              label={t('mfa.secret')}
              value={grouped(status.enrolling.secret)}
            />
            <CopyField id="mfa-uri" label={t('mfa.uri')} value={status.enrolling.uri} rows={3} />
          </section>
          <section aria-labelledby="step2-title">
            <h2 id="step2-title">{t('mfa.step2')}</h2>
            <Form ctx={ctx} action="/account/mfa/confirm">
              <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} />
              <Button>{t('mfa.confirm')}</Button>
            </Form>
            <Form ctx={ctx} action="/account/mfa/enroll">
              <Button variant="secondary">{t('mfa.restart')}</Button>
            </Form>
          </section>
        </>
      ) : (
        <Form ctx={ctx} action="/account/mfa/enroll">
          <Button>{t('mfa.start')}</Button>
        </Form>
      )}
    </TitledPage>
  );
}

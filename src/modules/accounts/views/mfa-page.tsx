import type { PageContext } from '../../../platform/page-context.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
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
  errors = {},
}: {
  ctx: PageContext;
  user: User;
  status: MfaStatus;
  /** The QR code of the otpauth URI (SVG markup made by the server), while enrolling. */
  qrSvg: string | null;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  const state = status.enabled
    ? t('mfa.status.on')
    : status.enrolling
      ? t('mfa.status.enrolling')
      : t('mfa.status.off');
  return (
    <Layout ctx={ctx} title={t('mfa.title')}>
      <p class="breadcrumb">
        <a href="/account">{t('account.title')}</a>
      </p>
      <h1>{t('mfa.title')}</h1>
      <p class="lead">{t('mfa.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      {status.required && !status.enabled ? (
        <div class="panel panel-highlight">
          <p>{t('mfa.required')}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t('mfa.status')}</dt>
        <dd>{state}</dd>
      </dl>

      {!status.localAccount ? (
        <p>{t('mfa.localOnly')}</p>
      ) : status.enabled ? (
        status.required ? (
          <p>{t('mfa.requiredOn')}</p>
        ) : (
          <section aria-labelledby="disable-title">
            <h2 id="disable-title">{t('mfa.disableTitle')}</h2>
            <p>{t('mfa.disableLead')}</p>
            <form method="post" action="/account/mfa/disable" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} error={errors.code} />
              <Button variant="warning">{t('mfa.disable')}</Button>
            </form>
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
            <div class="field">
              <label for="mfa-secret">{t('mfa.secret')}</label>
              <input
                class="input input-full request-id"
                id="mfa-secret"
                type="text"
                value={grouped(status.enrolling.secret)}
                readOnly
                autocomplete="off"
                spellcheck={false}
              />
            </div>
            <div class="field">
              <label for="mfa-uri">{t('mfa.uri')}</label>
              <textarea
                class="input input-full request-id"
                id="mfa-uri"
                rows={3}
                readOnly
                autocomplete="off"
                spellcheck={false}
              >
                {status.enrolling.uri}
              </textarea>
            </div>
          </section>
          <section aria-labelledby="step2-title">
            <h2 id="step2-title">{t('mfa.step2')}</h2>
            <form method="post" action="/account/mfa/confirm" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <MfaCodeField label={t('mfa.code')} hint={t('mfa.codeHint')} error={errors.code} />
              <Button>{t('mfa.confirm')}</Button>
            </form>
            <form method="post" action="/account/mfa/enroll">
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t('mfa.restart')}</Button>
            </form>
          </section>
        </>
      ) : (
        <form method="post" action="/account/mfa/enroll">
          <CsrfField token={ctx.csrfToken} />
          <Button>{t('mfa.start')}</Button>
        </form>
      )}
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { CopyField } from '../../../ui/copy-field.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { ApiToken } from '../api-token.service.ts';
import { ButtonLink } from '../../../ui/button-link.tsx';

/** The one and only time a new token is shown: it is not stored, only its hash. */
export function ApiTokenCreatedPage({
  ctx,
  apiToken,
  token,
  meUrl,
}: {
  ctx: PageContext;
  apiToken: ApiToken;
  token: string;
  /** Absolute URL of GET /api/v1/me, for the example. */
  meUrl: string;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('apiToken.createdTitle')}>
      <h1>{t('apiToken.createdTitle')}</h1>
      <p class="lead">
        {t('apiToken.createdLead', {
          name: apiToken.name,
          expires: formatInstant(apiToken.expiresAt, intl),
        })}
      </p>
      <div class="flash" role="alert">
        <strong>{t('apiToken.copyNow')}</strong>
      </div>
      <CopyField id="api-token" label={t('apiToken.tokenLabel')} value={token} />
      <h2>{t('apiToken.usage')}</h2>
      <pre>
        <code>{`curl -H "Authorization: Bearer <${t('apiToken.tokenLabel')}>" ${meUrl}`}</code>
      </pre>
      <ButtonLink href="/account/tokens">{t('apiToken.toList')}</ButtonLink>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import type { ApiToken } from '../api-token.service.ts';

/** Revoke one API key? Systems that use it lose access at once (decision 033). */
export function RevokeTokenPage({ ctx, token }: { ctx: PageContext; token: ApiToken }) {
  const { t, intl } = ctx.i18n;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('apiToken.confirmRevoke.title')}
      lead={t('apiToken.confirmRevoke.what', {
        name: token.name,
        used: token.lastUsedAt ? 'yes' : 'no',
        lastUsed: token.lastUsedAt ? formatInstant(token.lastUsedAt, intl) : '',
      })}
      irreversible
      destructive
      action={`/account/tokens/${token.id}/revoke`}
      confirm={t('apiToken.revoke')}
      cancel="/account/tokens"
    />
  );
}

/** Revoke every key that still works? (e.g. when one may have leaked) */
export function RevokeAllTokensPage({ ctx, active }: { ctx: PageContext; active: ApiToken[] }) {
  const { t } = ctx.i18n;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('apiToken.confirmRevokeAll.title', { count: active.length })}
      lead={t('apiToken.confirmRevokeAll.what', { count: active.length })}
      details={
        <ul>
          {active.map((token) => (
            <li key={token.id}>{token.name}</li>
          ))}
        </ul>
      }
      irreversible
      destructive
      action="/account/tokens/revoke-all"
      confirm={t('apiToken.revokeAll', { count: active.length })}
      cancel="/account/tokens"
    />
  );
}

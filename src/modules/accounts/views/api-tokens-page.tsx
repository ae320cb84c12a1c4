import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { Button, fieldLabels, Form, NumberField, TextField } from '../../../ui/fields.tsx';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { messageColumns, type Column } from '../../../ui/table.tsx';
import { API_TOKEN_DAYS, type ApiToken } from '../api-token.service.ts';

export type ApiTokenFormValues = {
  name?: string;
  expiresInDays?: string;
};

interface Props {
  ctx: PageContext;
  tokens: ApiToken[];
  values?: ApiTokenFormValues | undefined;
}

export function ApiTokensPage({ ctx, tokens, values }: Props) {
  const { t, intl } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'apiToken');
  const active = tokens.filter((token) => token.status === 'active').length;
  const columns: Column<ApiToken>[] = messageColumns(ctx.i18n, 'apiToken', {
    name: { rowHeader: true, cell: (token) => token.name },
    created: (token) => formatInstant(token.createdAt, intl),
    expires: (token) => formatInstant(token.expiresAt, intl),
    lastUsed: (token) =>
      token.lastUsedAt ? formatInstant(token.lastUsedAt, intl) : t('apiToken.neverUsed'),
    status: (token) => t(`apiToken.status.${token.status}`),
    action: (token) =>
      token.status === 'revoked' ? null : (
        <ConfirmLink variant="secondary" href={`/account/tokens/${token.id}/revoke`}>
          {t('apiToken.revoke')}
          <span class="visually-hidden"> {t('apiToken.revokeName', { name: token.name })}</span>
        </ConfirmLink>
      ),
  });
  return (
    <TitledPage
      ctx={ctx}
      messages="apiToken"
      back={{ href: '/account', label: t('apiToken.back') }}
    >
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('apiToken.listTitle')}</h2>
        <ListTable
          caption={t('apiToken.caption')}
          rows={tokens}
          empty={t('apiToken.empty')}
          columns={columns}
        />
        {active > 0 ? (
          <>
            <h3>{t('apiToken.revokeAllTitle')}</h3>
            <p>{t('apiToken.revokeAllWarning', { count: active })}</p>
            <p>
              <ConfirmLink variant="warning" href="/account/tokens/revoke-all">
                {t('apiToken.revokeAll', { count: active })}
              </ConfirmLink>
            </p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="create-heading">
        <h2 id="create-heading">{t('apiToken.createTitle')}</h2>
        <Form
          ctx={ctx}
          action="/account/tokens"
          values={values ?? { expiresInDays: String(API_TOKEN_DAYS.default) }}
        >
          <TextField {...field('name', 'hint')} autocomplete="off" />
          <NumberField {...field('expiresInDays', 'hint')} />
          <Button>{t('apiToken.create')}</Button>
        </Form>
      </section>
    </TitledPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { Button, Form, NumberField, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
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
  return (
    <Layout ctx={ctx} title={t('apiToken.title')}>
      <p class="breadcrumb">
        <a href="/account">{t('apiToken.back')}</a>
      </p>
      <h1>{t('apiToken.title')}</h1>
      <p class="lead">{t('apiToken.lead')}</p>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('apiToken.listTitle')}</h2>
        {tokens.length === 0 ? (
          <p>{t('apiToken.empty')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('apiToken.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('apiToken.name')}</th>
                  <th scope="col">{t('apiToken.created')}</th>
                  <th scope="col">{t('apiToken.expires')}</th>
                  <th scope="col">{t('apiToken.lastUsed')}</th>
                  <th scope="col">{t('apiToken.status')}</th>
                  <th scope="col">{t('apiToken.action')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{formatInstant(token.createdAt, intl)}</td>
                    <td>{formatInstant(token.expiresAt, intl)}</td>
                    <td>
                      {token.lastUsedAt
                        ? formatInstant(token.lastUsedAt, intl)
                        : t('apiToken.neverUsed')}
                    </td>
                    <td>{t(`apiToken.status.${token.status}`)}</td>
                    <td>
                      {token.status === 'revoked' ? null : (
                        <Form ctx={ctx} action={`/account/tokens/${token.id}/revoke`}>
                          <Button variant="secondary">
                            {t('apiToken.revoke')}
                            <span class="visually-hidden">
                              {' '}
                              {t('apiToken.revokeName', { name: token.name })}
                            </span>
                          </Button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="create-heading">
        <h2 id="create-heading">{t('apiToken.createTitle')}</h2>
        <Form
          ctx={ctx}
          action="/account/tokens"
          values={values ?? { expiresInDays: String(API_TOKEN_DAYS.default) }}
        >
          <TextField
            name="name"
            label={t('apiToken.name')}
            hint={t('apiToken.nameHint')}
            autocomplete="off"
          />
          <NumberField
            name="expiresInDays"
            label={t('apiToken.expiresInDays')}
            hint={t('apiToken.expiresInDaysHint')}
          />
          <Button>{t('apiToken.create')}</Button>
        </Form>
      </section>
    </Layout>
  );
}

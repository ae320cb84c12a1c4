import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { User } from '../account.service.ts';
import { LanguageField } from './language-field.tsx';
import { RoleList } from './role-list.tsx';

export function AccountPage({
  ctx,
  user,
  sessions,
  values,
}: {
  ctx: PageContext;
  user: User;
  sessions: number;
  /** The language form as sent, when it is shown again with a problem. */
  values?: { language: string } | undefined;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>
          <RoleList i18n={ctx.i18n} roles={user.roles} />
        </dd>
      </dl>
      <h2>{t('account.language.title')}</h2>
      <Form ctx={ctx} action="/account/language" values={values ?? { language: user.language }}>
        <LanguageField i18n={ctx.i18n} hint={t('account.language.hint')} />
        <Button>{t('account.language.submit')}</Button>
      </Form>
      <p>
        <a href="/account/tokens">{t('account.apiTokens')}</a>
      </p>
      <p>
        <a href="/account/mfa">{t('mfa.title')}</a>
      </p>
      <p>
        <a href="/account/data">{t('privacy.own.title')}</a>
      </p>
      <p>{t('account.sessions', { count: sessions })}</p>
      <Form ctx={ctx} action="/account/logout-everywhere">
        <Button variant="secondary">{t('account.logoutEverywhere')}</Button>
      </Form>
    </Layout>
  );
}

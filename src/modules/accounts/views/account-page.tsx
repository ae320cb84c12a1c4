import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form } from '../../../ui/fields.tsx';
import { Facts } from '../../../ui/facts.tsx';
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
      <Facts
        rows={[
          [t('account.name'), user.name],
          [t('account.email'), user.email],
          [t('account.roles'), <RoleList i18n={ctx.i18n} roles={user.roles} />],
        ]}
      />
      <h2>{t('account.language.title')}</h2>
      <Form ctx={ctx} action="/account/language" values={values ?? { language: user.language }}>
        <LanguageField i18n={ctx.i18n} hint={t('account.language.hint')} />
        <Button>{t('account.language.submit')}</Button>
      </Form>
      {[
        ['/account/tokens', t('account.apiTokens')],
        ['/account/mfa', t('mfa.title')],
        ['/account/data', t('privacy.own.title')],
      ].map(([href, label]) => (
        <p key={href}>
          <a href={href}>{label}</a>
        </p>
      ))}
      <p>{t('account.sessions', { count: sessions })}</p>
      <Form ctx={ctx} action="/account/logout-everywhere">
        <Button variant="secondary">{t('account.logoutEverywhere')}</Button>
      </Form>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES } from '../../../platform/i18n/locales.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { Button, fieldLabels, Form, RadioGroup, TextField } from '../../../ui/fields.tsx';
import { Facts } from '../../../ui/facts.tsx';
import { TitledPage, type TitledPageProps } from '../../../ui/titled-page.tsx';
import type { Subscription, Topic } from '../newsletter.service.ts';
import { TopicsField } from './topics-field.tsx';

/** A page that carries a personal token in its address: never indexed. */
function TokenPage<P extends string>(props: TitledPageProps<P>) {
  return <TitledPage<P> {...props} head={<meta name="robots" content="noindex" />} />;
}

/** The props of a page reached by a subscription's personal link: the page and the link's token. */
type ByToken = { ctx: PageContext; token: string };

/** The subscription form: address, language, twin cities. */
export function SubscribePage({
  ctx,
  topics,
  values,
  confirmHours,
}: {
  ctx: PageContext;
  topics: Topic[];
  values: Record<string, unknown>;
  confirmHours: number;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'newsletter.field');
  return (
    <TitledPage ctx={ctx} messages="newsletter">
      <Form ctx={ctx} action="/newsletter" values={values}>
        <TextField
          {...field('email')}
          type="email"
          hint={t('newsletter.field.emailHint', { hours: confirmHours })}
          autocomplete="email"
        />
        <RadioGroup
          {...field.legend('language')}
          options={ALL_LOCALES.map((l) => ({
            value: l,
            label: LOCALES[l].name,
            ...(l === ctx.i18n.locale ? {} : { lang: l }),
          }))}
        />
        <TopicsField {...field.legend('topics', 'hint')} i18n={ctx.i18n} topics={topics} />
        <Button>{t('newsletter.submit')}</Button>
      </Form>
      <h2>{t('newsletter.privacy.title')}</h2>
      <p>{t('newsletter.privacy.text')}</p>
    </TitledPage>
  );
}

/** The confirmation link's page: a button confirms (a link a mail scanner opens does not). */
export function ConfirmPage({ ctx, token }: ByToken) {
  const { t } = ctx.i18n;
  return (
    <TokenPage ctx={ctx} messages="newsletter.confirm">
      <Form ctx={ctx} action={`/newsletter/confirm/${token}`}>
        <Button>{t('newsletter.confirm.button')}</Button>
      </Form>
    </TokenPage>
  );
}

/** The unsubscribe link's page: one button. */
export function UnsubscribePage({ ctx, token, subscribed }: ByToken & { subscribed: boolean }) {
  const { t } = ctx.i18n;
  return (
    <TokenPage
      ctx={ctx}
      title={t('newsletter.unsubscribe.title')}
      lead={t(subscribed ? 'newsletter.unsubscribe.lead' : 'newsletter.unsubscribe.already')}
    >
      {subscribed ? (
        <Form ctx={ctx} action={`/newsletter/unsubscribe/${token}`}>
          <Button>{t('newsletter.unsubscribe.button')}</Button>
        </Form>
      ) : null}
      <p>
        <a href={`/newsletter/subscription/${token}`}>{t('newsletter.unsubscribe.manage')}</a>
      </p>
    </TokenPage>
  );
}

/** What is stored about a subscription, with unsubscribe, export and erase. */
export function SubscriptionPage({
  ctx,
  token,
  subscription,
  topicNames,
}: ByToken & {
  subscription: Subscription;
  topicNames: string[];
}) {
  const { t, locale } = ctx.i18n;
  const intl = LOCALES[locale].intl;
  const s = subscription;
  const rows: [string, string][] = [
    [t('newsletter.subscription.email'), s.email],
    [t('newsletter.subscription.language'), LOCALES[s.language].name],
    [t('newsletter.subscription.topics'), topicNames.join(', ')],
    [t('newsletter.subscription.status'), t(`newsletter.subscription.status.${s.status}`)],
    [t('newsletter.subscription.createdAt'), formatInstant(s.createdAt, intl)],
  ];
  if (s.confirmedAt)
    rows.push([t('newsletter.subscription.confirmedAt'), formatInstant(s.confirmedAt, intl)]);
  if (s.unsubscribedAt)
    rows.push([t('newsletter.subscription.unsubscribedAt'), formatInstant(s.unsubscribedAt, intl)]);
  if (s.deleteAfter)
    rows.push([t('newsletter.subscription.deleteAfter'), formatInstant(s.deleteAfter, intl)]);
  return (
    <TokenPage ctx={ctx} messages="newsletter.subscription">
      <Facts rows={rows} />
      {s.status === 'confirmed' ? (
        <Form ctx={ctx} action={`/newsletter/unsubscribe/${token}`}>
          <Button>{t('newsletter.unsubscribe.button')}</Button>
        </Form>
      ) : null}
      <h2>{t('newsletter.subscription.exportTitle')}</h2>
      <p>
        <a
          href={`/newsletter/subscription/${token}/export.json`}
          download="newsletter-subscription.json"
        >
          {t('newsletter.subscription.export')}
        </a>
      </p>
      <h2>{t('newsletter.subscription.eraseTitle')}</h2>
      <p>{t('newsletter.subscription.eraseText')}</p>
      <Form ctx={ctx} action={`/newsletter/subscription/${token}/erase`}>
        <Button variant="warning">{t('newsletter.subscription.eraseButton')}</Button>
      </Form>
    </TokenPage>
  );
}

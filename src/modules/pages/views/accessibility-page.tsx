import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ASSESSED_ON, UPDATED_ON, statement } from '../accessibility-text.ts';
import { statementNordic } from '../accessibility-text.nordic.ts';

export function AccessibilityPage({
  ctx,
  feedbackEmail,
}: {
  ctx: PageContext;
  feedbackEmail: string;
}) {
  const { t, locale, intl } = ctx.i18n;
  const dates = [formatPlainDate(ASSESSED_ON, intl), formatPlainDate(UPDATED_ON, intl)] as const;
  const items =
    locale === 'sv' || locale === 'en'
      ? statement(locale, feedbackEmail, ...dates)
      : statementNordic(locale, feedbackEmail, ...dates);
  return (
    <Layout ctx={ctx} title={t('a11y.title')} section="accessibility">
      <div>
        <h1>{t('a11y.title')}</h1>
        {items.map((item) => (
          <section key={item.id} id={item.id} aria-labelledby={`${item.id}-heading`}>
            <h2 id={`${item.id}-heading`}>{item.heading}</h2>
            {item.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {item.list ? (
              <ul>
                {item.list.map((li, i) => (
                  <li key={i}>{li}</li>
                ))}
              </ul>
            ) : null}
            {item.link ? (
              <p>
                <a href={item.link.href}>{item.link.text}</a>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import { Checkbox } from '../../../ui/fields.tsx';
import type { Issue } from '../newsletter.service.ts';

/** Send a newsletter issue to its subscribers? It cannot be called back (decision 033). */
export function SendIssuePage({
  ctx,
  issue,
  recipients,
  refreshSeconds,
}: {
  ctx: PageContext;
  issue: Issue;
  /** How many confirmed subscribers it goes to now. */
  recipients: number;
  refreshSeconds: number;
}) {
  const { t, locale } = ctx.i18n;
  const base = `/workspace/newsletter/${issue.id}`;
  const version = issue.versions.find((v) => v.lang === 'sv') ?? issue.versions[0];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('newsletter.confirmSend.title')}
      lead={withParts(
        ({ subject }) => t('newsletter.confirmSend.what', { subject, count: recipients }),
        {
          subject: (
            <Content locale={locale} lang={version?.lang}>
              {version?.subject ?? ''}
            </Content>
          ),
        },
      )}
      details={<p>{t('newsletter.confirmSend.languages')}</p>}
      irreversible
      action={`${base}/send`}
      confirm={t('newsletter.issue.sendButton')}
      cancel={base}
      fields={
        <Checkbox
          name="follow"
          value="1"
          checked
          label={t('newsletter.issue.follow', { seconds: refreshSeconds })}
        />
      }
    />
  );
}

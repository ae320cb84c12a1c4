import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { ConfirmPage } from '../../../ui/confirm.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import type { Campaign } from '../campaign.service.ts';

/** Close an inventory? It locks every answer for good (decision 033). */
export function CloseCampaignPage({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
  const { t, intl, locale } = ctx.i18n;
  const missing = campaign.asked - campaign.answered;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('campaign.confirmClose.title')}
      lead={withParts(
        ({ title }) =>
          t('campaign.confirmClose.what', {
            title,
            answered: campaign.answered,
            asked: campaign.asked,
          }),
        { title: <Content locale={locale}>{campaign.title}</Content> },
      )}
      details={
        missing > 0 ? (
          <p>
            {t('campaign.confirmClose.missing', {
              count: missing,
              deadline: formatPlainDate(campaign.deadline, intl),
            })}
          </p>
        ) : null
      }
      irreversible
      destructive
      action={`/workspace/campaigns/${campaign.id}/close`}
      confirm={t('campaign.show.close')}
      cancel={`/workspace/campaigns/${campaign.id}`}
    />
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import type { PersonData } from '../privacy.service.ts';
import { ExportForm, HoldingsTable } from './admin-page.tsx';

/** `/account/data`: what the system holds about the signed-in person, and their downloads. */
export function AccountDataPage({
  ctx,
  data,
  pdf,
}: {
  ctx: PageContext;
  data: PersonData;
  pdf: boolean;
}) {
  const { t } = ctx.i18n;
  return (
    <TitledPage
      ctx={ctx}
      messages="privacy.own"
      back={{ href: '/account', label: t('privacy.own.back'), plain: true }}
    >
      <HoldingsTable ctx={ctx} data={data} caption={t('privacy.own.caption')} />
      <h2>{t('privacy.own.downloadTitle')}</h2>
      <ExportForm ctx={ctx} action="/account/data/export" pdf={pdf} />
      <p>{t('privacy.own.delegates')}</p>
      <p>{t('privacy.own.more')}</p>
      <p>
        <a href="/privacy">{t('privacy.admin.registerLink')}</a>
      </p>
    </TitledPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Content } from '../../../ui/content.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { DataTable, messageColumns, type Column } from '../../../ui/table.tsx';
import type { CouncilDecision } from '../decision.service.ts';
import { bodyLabel, outcomeLabel, PlainDate, Tag } from './public-parts.tsx';

/** The public register of council decisions, newest first. */
export function PublicDecisionsPage({
  ctx,
  decisions,
  info,
}: {
  ctx: PageContext;
  decisions: CouncilDecision[];
  info: PageInfo;
}) {
  const { t, locale } = ctx.i18n;
  const columns: Column<CouncilDecision>[] = messageColumns(ctx.i18n, 'decisions.col', {
    date: (d) => <PlainDate value={d.meetingDate} i18n={ctx.i18n} />,
    body: (d) => bodyLabel(d, ctx.i18n),
    title: {
      rowHeader: true,
      cell: (d) => (
        <>
          <a href={`/decisions/${d.id}`}>
            <Content locale={locale}>{d.title}</Content>
          </a>
          {d.historical ? <Tag>{t('decisions.historicalTag')}</Tag> : null}
        </>
      ),
    },
    caseNumber: (d) =>
      (d.caseNumber ?? d.section) ? (
        <>
          {d.caseNumber ?? ''}
          {d.section ? ` ${t('timeline.section', { section: d.section })}` : ''}
        </>
      ) : (
        t('decisions.missing')
      ),
    outcome: (d) => outcomeLabel(d, ctx.i18n),
  });
  return (
    <TitledPage ctx={ctx} messages="decisions" section="decisions">
      <DataTable
        caption={t('decisions.caption')}
        rows={decisions}
        empty={t('decisions.empty')}
        columns={columns}
      />
      {decisions.length > 0 ? (
        <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
      ) : null}
    </TitledPage>
  );
}

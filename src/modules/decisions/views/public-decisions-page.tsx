import type { PageContext } from '../../../platform/page-context.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import type { CouncilDecision } from '../decision.service.ts';
import { bodyLabel, outcomeLabel, PlainDate } from './public-parts.tsx';

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
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('decisions.title')} section="decisions">
      <h1>{t('decisions.title')}</h1>
      <p class="lead">{t('decisions.lead')}</p>
      {decisions.length === 0 ? (
        <p>{t('decisions.empty')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table>
              <caption>{t('decisions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('decisions.col.date')}</th>
                  <th scope="col">{t('decisions.col.body')}</th>
                  <th scope="col">{t('decisions.col.title')}</th>
                  <th scope="col">{t('decisions.col.caseNumber')}</th>
                  <th scope="col">{t('decisions.col.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <PlainDate value={d.meetingDate} i18n={ctx.i18n} />
                    </td>
                    <td>{bodyLabel(d, ctx.i18n)}</td>
                    <th scope="row">
                      <a href={`/decisions/${d.id}`}>{d.title}</a>
                      {d.historical ? (
                        <>
                          {' '}
                          <span class="tag">{t('decisions.historicalTag')}</span>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {(d.caseNumber ?? d.section) ? (
                        <>
                          {d.caseNumber ?? ''}
                          {d.section ? ` ${t('timeline.section', { section: d.section })}` : ''}
                        </>
                      ) : (
                        t('decisions.missing')
                      )}
                    </td>
                    <td>{outcomeLabel(d, ctx.i18n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
        </>
      )}
    </Layout>
  );
}

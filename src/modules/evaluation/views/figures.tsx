import type { PageContext } from '../../../platform/page-context.ts';
import type { EvaluationFigures } from '../evaluation.figures.ts';
import { keyFigures } from '../export.tables.ts';

/**
 * PLACEHOLDER until the "figures" work is merged (issue 15, point 2): that work owns this
 * file and replaces it with the full view (tables and server-drawn charts). This one shows
 * the key figures of the period beside the previous one and the collaborations by twin city
 * as plain tables, so the report pages and exports (report.*, export.*) have something
 * true to render. The signature is the agreed one: `FiguresView({ ctx, figures })`.
 */
export function FiguresView({ ctx, figures }: { ctx: PageContext; figures: EvaluationFigures }) {
  const { t, formatNumber } = ctx.i18n;
  const rows = keyFigures(figures.current, figures.previous);
  return (
    <div class="figures">
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('report.fig.keyCaption')}>
        <table>
          <caption>{t('report.fig.keyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.fig.measure')}</th>
              <th scope="col" class="num">
                {t('report.fig.current')}
              </th>
              <th scope="col" class="num">
                {t('report.fig.previous')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(r.label)}</th>
                <td class="num">{formatNumber(r.current)}</td>
                <td class="num">{r.previous === null ? '–' : formatNumber(r.previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {figures.current.collaborations.byCity.length > 0 ? (
        <div
          class="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('report.fig.byCityCaption')}
        >
          <table>
            <caption>{t('report.fig.byCityCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.fig.city')}</th>
                <th scope="col" class="num">
                  {t('report.fig.collaborations')}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.current.collaborations.byCity.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td class="num">{formatNumber(c.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

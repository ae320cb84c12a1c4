import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import { DataTable } from '../../../ui/table.tsx';
import type { EvaluationFigures, PeriodFigures } from '../evaluation.figures.ts';

// PLACEHOLDER until the merge (issue 15): the figures as plain tables, only what the
// placeholder compilation fills. The figures engineer's `views/figures.tsx` (tables and
// charts of every figure) replaces this file; the signature is the contract and stays.

function PeriodTable({
  ctx,
  figures,
  id,
}: {
  ctx: PageContext;
  figures: PeriodFigures;
  id: string;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <>
      <p>
        {t('evaluation.fig.period', {
          period: formatDateRange(figures.period.start, figures.period.end, intl),
        })}
      </p>
      <DataTable
        id={id}
        caption={t('evaluation.fig.meetings')}
        rows={figures.meetings}
        rowKey={(m) => m.id}
        empty={t('evaluation.fig.noMeetings')}
        columns={[
          { header: t('evaluation.fig.year'), rowHeader: true, cell: (m) => m.year },
          { header: t('evaluation.fig.host'), cell: (m) => m.hostName },
          { header: t('evaluation.fig.theme'), cell: (m) => m.theme ?? '' },
        ]}
      />
      <p>{t('evaluation.fig.newCollaborations', { count: figures.collaborations.new })}</p>
    </>
  );
}

/** The compiled figures of an evaluation: its period, and the previous one for comparison. */
export function FiguresView({ ctx, figures }: { ctx: PageContext; figures: EvaluationFigures }) {
  const { t } = ctx.i18n;
  return (
    <div class="evaluation-figures">
      <PeriodTable ctx={ctx} figures={figures.current} id="figures-current" />
      {figures.previous ? (
        <>
          <h3>{t('evaluation.fig.previous')}</h3>
          <PeriodTable ctx={ctx} figures={figures.previous} id="figures-previous" />
        </>
      ) : null}
    </div>
  );
}

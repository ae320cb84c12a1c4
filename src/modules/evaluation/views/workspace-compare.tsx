import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatInstant } from '../../../shared/dates.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { PageHeading } from '../../../ui/page-heading.tsx';
import type { FigureChange, Part, SectionChange } from '../compare.ts';
import type { Evaluation } from '../evaluation.service.ts';
import type { EvaluationVersion } from '../evaluation.versions.ts';
import { sectionLabel } from './workspace-evaluation.tsx';

/** One side of a section's changes: what was removed (from) or added (to), marked in words too. */
function Side({ ctx, parts, side }: { ctx: PageContext; parts: Part[]; side: 'from' | 'to' }) {
  const { t } = ctx.i18n;
  const shown = parts.filter(
    (p) => p.kind === 'same' || p.kind === (side === 'from' ? 'removed' : 'added'),
  );
  if (shown.length === 0) return <p class="hint">{t('evaluation.sections.empty')}</p>;
  return (
    <div class="evaluation-text">
      {shown.map((p, i) =>
        p.kind === 'same' ? (
          p.text
        ) : p.kind === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">{t('evaluation.compare.removedMark')} </span>
            {p.text}
          </del>
        ) : (
          <ins key={i}>
            <span class="visually-hidden">{t('evaluation.compare.addedMark')} </span>
            {p.text}
          </ins>
        ),
      )}
    </div>
  );
}

/** The name of a figure of the comparison (with its breakdown's label). */
function figureName(ctx: PageContext, f: FigureChange): string {
  const name = ctx.i18n.tDynamic(`evaluation.compare.figure.${f.path}`);
  return f.label ? `${name}: ${f.label}` : name;
}

/** Two approved versions side by side: changed text and changed figures marked. */
export function ComparePage({
  ctx,
  evaluation,
  from,
  to,
  sections,
  figures,
}: {
  ctx: PageContext;
  evaluation: Evaluation;
  from: EvaluationVersion;
  to: EvaluationVersion;
  sections: SectionChange[];
  figures: FigureChange[];
}) {
  const { t, intl } = ctx.i18n;
  const title = t('evaluation.compare.title', { from: from.number, to: to.number });
  const changedFigures = figures.filter((f) => f.changed).length;
  return (
    <Layout ctx={ctx} title={`${title}: ${evaluation.title}`}>
      <PageHeading
        back={{ href: `/workspace/evaluations/${evaluation.id}`, label: evaluation.title }}
        heading={title}
        lead={evaluation.title}
      />
      <p>
        {t('evaluation.compare.versions', {
          from: from.number,
          fromWhen: formatInstant(from.approvedAt, intl),
          to: to.number,
          toWhen: formatInstant(to.approvedAt, intl),
        })}
      </p>
      <p class="hint">{t('evaluation.compare.legend')}</p>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`compare-${s.key}`} class="compare-section">
          <h2 id={`compare-${s.key}`}>
            {sectionLabel(ctx, s.key)}{' '}
            <span class={s.changed ? 'tag tag-proposed' : 'tag'}>
              {s.changed ? t('evaluation.compare.changed') : t('evaluation.compare.unchanged')}
            </span>
          </h2>
          {s.changed ? (
            <div class="compare-columns">
              <div>
                <h3>{t('evaluation.versions.name', { version: from.number })}</h3>
                <Side ctx={ctx} parts={s.parts} side="from" />
              </div>
              <div>
                <h3>{t('evaluation.versions.name', { version: to.number })}</h3>
                <Side ctx={ctx} parts={s.parts} side="to" />
              </div>
            </div>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="compare-figures">
        <h2 id="compare-figures">{t('evaluation.compare.figures')}</h2>
        <p>
          {t('evaluation.compare.figuresPeriods', {
            from: formatDateRange(from.periodStart, from.periodEnd, intl),
            to: formatDateRange(to.periodStart, to.periodEnd, intl),
            changed: changedFigures,
          })}
        </p>
        <ListTable
          id="figure-changes"
          caption={t('evaluation.compare.figures')}
          rows={figures}
          rowClass={(f) => (f.changed ? 'row-changed' : undefined)}
          columns={[
            {
              header: t('evaluation.compare.figureColumn'),
              rowHeader: true,
              cell: (f) => figureName(ctx, f),
            },
            {
              header: t('evaluation.versions.name', { version: from.number }),
              cell: (f) => (f.before === null ? '–' : f.before),
            },
            {
              header: t('evaluation.versions.name', { version: to.number }),
              cell: (f) => (f.after === null ? '–' : f.after),
            },
            {
              header: t('evaluation.compare.change'),
              cell: (f) =>
                f.changed ? (
                  <strong>
                    {t('evaluation.compare.figureChanged', {
                      from: f.before === null ? '–' : f.before,
                      to: f.after === null ? '–' : f.after,
                    })}
                  </strong>
                ) : (
                  t('evaluation.compare.unchanged')
                ),
            },
          ]}
        />
      </section>
    </Layout>
  );
}

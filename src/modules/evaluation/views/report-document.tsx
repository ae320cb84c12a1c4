import { Fragment, type ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatInstant } from '../../../shared/dates.ts';
import { langAttr } from '../../../ui/content.tsx';
import type { EvaluationSections } from '../evaluation.figures.ts';
import type { ReportVersion } from '../report.service.ts';
import { FiguresView } from './figures.tsx';

/** The written sections in the order the report reads: the English summary after the Swedish. */
const SECTIONS = [
  ['summary', 'report.section.summary', 'sv'],
  ['summaryEn', 'report.section.summaryEn', 'en'],
  ['analysis', 'report.section.analysis', 'sv'],
  ['conclusions', 'report.section.conclusions', 'sv'],
  ['recommendations', 'report.section.recommendations', 'sv'],
] as const satisfies readonly [keyof EvaluationSections, string, 'sv' | 'en'][];

/** A section's text as paragraphs: a blank line starts a new one, a single newline breaks the line. */
export function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .map((lines) => lines.filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphsOf(text).map((lines, i) => (
        <p key={i}>
          {lines.map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

/** When and by whom; `approver` only in the workspace (the public report names no person). */
export function ReportFacts(props: {
  ctx: PageContext;
  report: ReportVersion;
  approver?: string | null;
  children?: ComponentChildren;
}) {
  const { t, intl } = props.ctx.i18n;
  const { report } = props;
  return (
    <dl class="facts">
      <dt>{t('report.period')}</dt>
      <dd>{formatDateRange(report.period.start, report.period.end, intl)}</dd>
      <dt>{t('report.version')}</dt>
      <dd>{t('report.versionValue', { number: report.number })}</dd>
      <dt>{t('report.approved')}</dt>
      <dd>
        {formatInstant(report.approvedAt, intl)}
        {props.approver ? `, ${props.approver}` : ''}
      </dd>
      {report.publishedAt ? (
        <>
          <dt>{t('report.published')}</dt>
          <dd>{formatInstant(report.publishedAt, intl)}</dd>
        </>
      ) : null}
      {props.children}
    </dl>
  );
}

/**
 * The report's text and figures, the same on the version page, the public page and in every
 * export. Headings are the page's language; the written text is Swedish and the summary
 * English, each marked with `lang` where it differs from the page's. The sections are h2
 * under the page's h1.
 */
export function ReportBody({ ctx, report }: { ctx: PageContext; report: ReportVersion }) {
  const { t, locale } = ctx.i18n;
  return (
    <div class="report">
      {SECTIONS.map(([key, heading, lang]) => (
        <section key={key} aria-labelledby={`report-${key}`}>
          <h2 id={`report-${key}`}>{t(heading)}</h2>
          {report.sections[key].trim() === '' ? (
            <p class="report-empty">{t('report.section.empty')}</p>
          ) : (
            <div class="report-text" lang={langAttr(locale, lang)}>
              <Paragraphs text={report.sections[key]} />
            </div>
          )}
        </section>
      ))}
      <section aria-labelledby="report-figures">
        <h2 id="report-figures">{t('report.figures')}</h2>
        <p>
          {t('report.figuresLead', {
            compiledAt: formatInstant(report.figures.compiledAt, ctx.i18n.intl),
          })}
        </p>
        <FiguresView ctx={ctx} figures={report.figures} />
      </section>
    </div>
  );
}

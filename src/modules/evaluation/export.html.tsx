import { contextOutsideRequest, type PageContext } from '../../platform/page-context.ts';
import { renderDocument } from '../../platform/render.ts';
import { formatPlainDate } from '../../shared/dates.ts';
import type { ReportVersion } from './report.service.ts';
import { ReportBody, ReportFacts } from './views/report-document.tsx';

/**
 * The report as one standalone HTML document (issue 15, point 5: the primary format): Swedish
 * (`lang="sv"`), the English summary marked `lang="en"`, its own small stylesheet inline, no
 * script, no external resource, so it can be filed, mailed and opened years later. Headless
 * Chromium prints this same document as the PDF (export.pdf.ts).
 */

/** A page context for documents made outside a request: Swedish, nobody signed in. */
export function documentContext(): PageContext {
  return contextOutsideRequest('sv');
}

const STYLE = `
:root { color: #1a1a1a; background: #fff; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  line-height: 1.5; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.5rem; color: #004b89; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; color: #004b89; break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; break-after: avoid; }
.owner { margin: 0 0 1rem; font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1.5rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 0 0 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.3rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #8a8a8a; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
figure { margin: 0 0 1.5rem; }
.chart svg, .chart-svg svg { max-width: 100%; height: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.report-empty { font-style: italic; }
.colophon { margin-top: 3rem; font-size: 0.85rem; color: #4a4a4a; }
@page { size: A4; margin: 18mm 16mm; }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
`;

/** The standalone HTML of a report version (always Swedish: the report's language). */
export function reportHtml(report: ReportVersion, options: { printedAt: string }): string {
  const ctx = documentContext();
  const { t } = ctx.i18n;
  const html = renderDocument(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{report.title}</title>
        <meta name="description" content={t('report.doc.description')} />
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>
          <p class="owner">{t('service.owner')}</p>
          <h1>{report.title}</h1>
          <ReportFacts ctx={ctx} report={report} />
          <ReportBody ctx={ctx} report={report} />
          <p class="colophon">
            {t('report.doc.colophon', { date: formatPlainDate(options.printedAt, ctx.i18n.intl) })}
          </p>
        </main>
      </body>
    </html>,
  );
  // A document to file or print: the charts' data tables are shown, not folded away.
  return html.replace(/<details(?=[\s>])/g, '<details open');
}

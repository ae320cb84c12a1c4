import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { barChartSvg, type ChartBar } from '../../ui/chart.tsx';
import { formatDateRange, formatInstant, formatPlainDate } from '../../shared/dates.ts';
import type { Count } from './evaluation.figures.ts';
import { documentContext } from './export.html.tsx';
import { rasterSvgs, type PdfSettings, pdfAvailable } from './export.pdf.ts';
import { keyFigures } from './export.tables.ts';
import type { ReportVersion } from './report.service.ts';
import { paragraphsOf } from './views/report-document.tsx';

/**
 * The report as Word (`.docx`, issue 15 point 5), Swedish: Word's own heading styles
 * (Heading1 for the title, Heading2 for the sections, Heading3 for the tables and charts),
 * so the navigation pane and a screen reader find them; tables whose header row repeats on
 * every page (`w:tblHeader`); the charts as PNG images with alt text, rastered by the same
 * headless Chromium as the PDF, each followed by its data table. Without Chromium the
 * document says where the charts are and keeps the tables. Document language sv-SE (the
 * default run properties; the English summary's runs en-GB), title in the properties.
 */

const SV = { value: 'sv-SE' };
const EN = { value: 'en-GB' };

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel =
    level === 1
      ? HeadingLevel.HEADING_1
      : level === 2
        ? HeadingLevel.HEADING_2
        : HeadingLevel.HEADING_3;
  return new Paragraph({ heading: headingLevel, children: [new TextRun({ text })] });
}

function textParagraphs(text: string, language: { value: string }): Paragraph[] {
  return paragraphsOf(text).map(
    (lines) =>
      new Paragraph({
        spacing: { after: 160 },
        children: lines.map(
          (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, language }),
        ),
      }),
  );
}

function cell(text: string, options: { header?: boolean; number?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header ?? false })],
      }),
    ],
  });
}

/** A table with one header row that Word repeats at the top of every page it runs over. */
function table(headers: string[], rows: string[][], numeric: boolean[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, { header: true, number: numeric[i] ?? false })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, { number: numeric[i] ?? false })),
          }),
      ),
    ],
  });
}

interface ChartSpec {
  title: string;
  category: string;
  counts: readonly Count[];
}

/** The Word file of a report version. */
export async function reportDocx(
  report: ReportVersion,
  settings: PdfSettings,
  options: { printedAt: string },
): Promise<Buffer> {
  const { i18n } = documentContext();
  const { t, intl, formatNumber } = i18n;
  const f = report.figures;
  const period = formatDateRange(report.period.start, report.period.end, intl);

  const charts: ChartSpec[] = [
    {
      title: t('report.chart.byCity'),
      category: t('report.fig.city'),
      counts: f.current.collaborations.byCity,
    },
    {
      title: t('report.chart.byArea'),
      category: t('report.fig.area'),
      counts: f.current.collaborations.byArea,
    },
    {
      title: t('report.chart.exchangesByCity'),
      category: t('report.fig.city'),
      counts: f.current.exchanges.byCity,
    },
  ].filter((c) => c.counts.length > 0);

  // Charts as images when a browser is at hand; a browser that fails leaves the tables.
  let images: { png: Buffer; width: number; height: number }[] | null = null;
  if (charts.length > 0 && pdfAvailable(settings)) {
    images = await rasterSvgs(
      charts.map((c) =>
        barChartSvg(
          c.counts.map((x): ChartBar => ({ key: x.key, label: x.label, value: x.value })),
          intl,
        ),
      ),
      settings,
    ).catch(() => null);
  }

  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: t('service.owner'), bold: true })] }),
    heading(report.title, 1),
    new Paragraph({ children: [new TextRun(`${t('report.period')}: ${period}`)] }),
    new Paragraph({
      children: [
        new TextRun(
          `${t('report.version')}: ${t('report.versionValue', { number: report.number })}`,
        ),
      ],
    }),
    new Paragraph({
      children: [new TextRun(`${t('report.approved')}: ${formatInstant(report.approvedAt, intl)}`)],
    }),
    ...(report.publishedAt
      ? [
          new Paragraph({
            children: [
              new TextRun(`${t('report.published')}: ${formatInstant(report.publishedAt, intl)}`),
            ],
          }),
        ]
      : []),
  ];

  const sections = [
    ['summary', 'report.section.summary', SV],
    ['summaryEn', 'report.section.summaryEn', EN],
    ['analysis', 'report.section.analysis', SV],
    ['conclusions', 'report.section.conclusions', SV],
    ['recommendations', 'report.section.recommendations', SV],
  ] as const;
  for (const [key, label, language] of sections) {
    children.push(heading(t(label), 2));
    const text = report.sections[key];
    children.push(
      ...(text.trim() === ''
        ? [
            new Paragraph({
              children: [new TextRun({ text: t('report.section.empty'), italics: true })],
            }),
          ]
        : textParagraphs(text, language)),
    );
  }

  children.push(heading(t('report.figures'), 2));
  children.push(
    new Paragraph({
      children: [
        new TextRun(t('report.figuresLead', { compiledAt: formatInstant(f.compiledAt, intl) })),
      ],
    }),
  );
  children.push(heading(t('report.fig.keyCaption'), 3));
  children.push(
    table(
      [t('report.fig.measure'), t('report.fig.current'), t('report.fig.previous')],
      keyFigures(f.current, f.previous).map((r) => [
        t(r.label),
        formatNumber(r.current),
        r.previous === null ? '–' : formatNumber(r.previous),
      ]),
      [false, true, true],
    ),
  );
  if (charts.length > 0 && !images) {
    children.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [new TextRun(t('report.docx.noCharts'))],
      }),
    );
  }
  charts.forEach((chart, i) => {
    children.push(heading(chart.title, 3));
    const image = images?.[i];
    if (image) {
      const width = 480;
      const height = Math.round((image.height / image.width) * width);
      const largest = [...chart.counts].sort((a, b) => b.value - a.value)[0]!;
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: image.png,
              transformation: { width, height },
              altText: {
                name: chart.title,
                title: chart.title,
                description: t('report.chart.alt', {
                  title: chart.title,
                  count: chart.counts.length,
                  largest: largest.label,
                  value: largest.value,
                }),
              },
            }),
          ],
        }),
      );
    }
    children.push(
      table(
        [chart.category, t('report.fig.count')],
        chart.counts.map((c) => [c.label, formatNumber(c.value)]),
        [false, true],
      ),
    );
  });
  children.push(
    new Paragraph({
      spacing: { before: 400 },
      children: [
        new TextRun({
          text: t('report.doc.colophon', { date: formatPlainDate(options.printedAt, intl) }),
          size: 18,
        }),
      ],
    }),
  );

  const document = new Document({
    title: report.title,
    subject: t('report.doc.description'),
    description: t('report.doc.description'),
    creator: t('service.owner'),
    styles: { default: { document: { run: { language: SV, font: 'Calibri' } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

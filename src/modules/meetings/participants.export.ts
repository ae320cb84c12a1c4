import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { loadExcel, loadPdfkit } from '../../shared/lazy-modules.ts';
import { formatDateRange, formatInstant } from '../../shared/dates.ts';
import { localized, type City } from '../cities/index.ts';
import type { MeetingSummary, MemberLogistics, Participant } from './delegation.service.ts';

/**
 * The Roboto fonts (Apache-2.0, `src/assets/fonts/roboto`), read from disk per document and
 * embedded as subsets (decision 023). `npm run build` copies them beside the compiled code.
 */
const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/roboto', import.meta.url));
const REGULAR = `${FONT_DIR}/Roboto-Regular.ttf`;
const BOLD = `${FONT_DIR}/Roboto-Medium.ttf`;

export interface ParticipantList {
  meeting: MeetingSummary;
  host: City | null;
  participants: Participant[];
  withLogistics: boolean;
}

interface Column {
  header: string;
  value: (p: Participant) => string;
  width: number;
}

/** The columns of the private logistics (message `delegation.field.<key>`) and their widths. */
const LOGISTICS: readonly [keyof MemberLogistics, number][] = [
  ['dietaryNeeds', 22],
  ['accessNeeds', 22],
  ['travel', 22],
  ['phone', 20],
];

function columns(i18n: I18n, list: ParticipantList): Column[] {
  const { t } = i18n;
  const erased = t('delegation.members.erased');
  const cols: Column[] = [
    {
      header: t('participants.col.city'),
      value: (p) => localized(p.city, i18n.locale).name,
      width: 14,
    },
    { header: t('delegation.field.name'), value: (p) => p.name, width: 26 },
    { header: t('delegation.field.title'), value: (p) => p.title ?? '', width: 26 },
    { header: t('delegation.field.affiliation'), value: (p) => p.affiliation ?? '', width: 22 },
    {
      header: t('participants.col.status'),
      value: (p) => t(`delegation.status.${p.delegationStatus}`),
      width: 12,
    },
  ];
  if (list.withLogistics)
    for (const [key, width] of LOGISTICS)
      cols.push({
        header: t(`delegation.field.${key}`),
        value: (p) => (p.logisticsErasedAt ? erased : (p.logistics?.[key] ?? '')),
        width,
      });
  return cols;
}

function title(i18n: I18n, list: ParticipantList): string {
  return i18n.t('participants.title', {
    year: list.meeting.year,
    host: list.host ? localized(list.host, i18n.locale).name : '',
  });
}

/* ---------------------------------------------------------------- PDF layout (points) -- */

const MARGIN_X = 40;
/** Room above and below the content for the running header and the page number. */
const MARGIN_Y = 48;
/** Gap between two columns' texts (pdfmake's 'lightHorizontalLines': 8 pt each side). */
const GAP = 16;
const CELL_PAD_Y = 2;
const RULE = '#aaaaaa';
/** Rules below the header row (black) and between rows (grey); their room is in the row's height. */
const HEADER_RULE = 2;
const ROW_RULE = 1;
const MUTED = '#555555';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/**
 * Text width of each column: the content width less the gaps, shared by the weights; a
 * column whose header has a word wider than its share (Tillgänglighetsbehov at 8 pt) gets
 * that word's width, taken from the others, so no header word is broken.
 */
function columnWidths(cols: Column[], contentWidth: number, minimum: number[]): number[] {
  const available = contentWidth - GAP * (cols.length - 1);
  const fixed = new Set<number>();
  for (;;) {
    const rest = available - [...fixed].reduce((sum, i) => sum + minimum[i]!, 0);
    const weight = cols.reduce((sum, c, i) => (fixed.has(i) ? sum : sum + c.width), 0);
    const widths = cols.map((c, i) =>
      fixed.has(i) ? Math.ceil(minimum[i]!) : Math.floor((rest * c.width) / weight),
    );
    const narrow = widths.findIndex((w, i) => !fixed.has(i) && w < minimum[i]!);
    if (narrow === -1 || fixed.size === cols.length - 1) return widths;
    fixed.add(narrow);
  }
}

interface Row {
  cells: string[];
  /** Height including the vertical padding and the rule below. */
  height: number;
}

/** A table header cell applies to its column (PDF 1.7 Table attribute /Scope /Column). */
const COLUMN_HEADER: PDFKit.Mixins.StructureElementOptions & { scope: 'Column' } = {
  scope: 'Column',
};

/** Lets other requests run between pages of a long list. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The participant list as a tagged PDF (A4, landscape with logistics), streamed out of
 * pdfkit: a structure tree Document → H1, P, Table → TR → TH (scope column) / TD in reading
 * order, the document language and title, embedded Roboto subsets; the running header, the
 * page numbers, the rules and the header row repeated on later pages are artifacts.
 *
 * The rows are measured first, so the page count is known before drawing ("page 2 of 5")
 * without keeping pages in memory. The document is complete when the promise resolves; the
 * stream then holds its chunks, never one large string.
 */
export async function participantsPdf(
  i18n: I18n,
  list: ParticipantList,
  now = new Date(),
): Promise<Readable> {
  const PDFDocument = await loadPdfkit();
  const landscape = list.withLogistics;
  const heading = title(i18n, list);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    pdfVersion: '1.7',
    tagged: true,
    lang: i18n.locale,
    displayTitle: true,
    font: REGULAR,
    info: { Title: heading, Creator: i18n.t('service.name'), CreationDate: now },
  });

  const page = doc.page;
  const left = MARGIN_X;
  const contentWidth = page.width - 2 * MARGIN_X;
  const top = MARGIN_Y;
  const bottom = page.height - MARGIN_Y;
  const cols = columns(i18n, list);
  const fontSize = landscape ? 8 : 10;
  doc.font(BOLD).fontSize(fontSize);
  const longestWord = cols.map((c) =>
    Math.max(...c.header.split(/\s+/).map((word) => doc.widthOfString(word))),
  );
  const widths = columnWidths(cols, contentWidth, longestWord);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w + GAP, 0));

  const meta = [
    list.meeting.startDate
      ? formatDateRange(list.meeting.startDate, list.meeting.endDate, i18n.intl)
      : '',
    list.meeting.venue ?? '',
    i18n.t('participants.generated', { date: formatInstant(now.toISOString(), i18n.intl) }),
  ]
    .filter(Boolean)
    .join(' · ');

  // Measure: the heading block, then every row at its font, then the pages.
  const textHeight = (text: string, font: string, size: number, width: number) =>
    text === '' ? 0 : doc.font(font).fontSize(size).heightOfString(text, { width });
  const rowOf = (cells: string[], font: string, rule: number): Row => ({
    cells,
    height:
      rule +
      Math.max(
        doc.font(font).fontSize(fontSize).currentLineHeight(true),
        ...cells.map((c, i) => textHeight(c, font, fontSize, widths[i]!)),
      ) +
      2 * CELL_PAD_Y,
  });
  const titleHeight = textHeight(heading, BOLD, 16, contentWidth);
  const metaHeight = textHeight(meta, REGULAR, 9, contentWidth);
  const tableTop = top + titleHeight + 6 + metaHeight + 12;
  const header = rowOf(
    cols.map((c) => c.header),
    BOLD,
    HEADER_RULE,
  );
  const rows = list.participants.map((p) =>
    rowOf(
      cols.map((c) => c.value(p)),
      REGULAR,
      ROW_RULE,
    ),
  );
  /** Each row's page (0-based) and top; a later page starts with the repeated header row. */
  const placed: { page: number; y: number }[] = [];
  let pageIndex = 0;
  let y = tableTop + header.height;
  for (const row of rows) {
    if (y + row.height > bottom && y > top + header.height) {
      pageIndex += 1;
      y = top + header.height;
    }
    placed.push({ page: pageIndex, y });
    y += row.height;
  }
  const pages = pageIndex + 1;

  // Draw.
  const root = doc.struct('Document');
  doc.addStructure(root);

  const artifact = (type: 'Pagination' | 'Layout', draw: () => void) => {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  };
  /** Running header (from page 2) and page number: pagination artifacts. */
  const pageFurniture = (n: number) =>
    artifact('Pagination', () => {
      doc.font(REGULAR).fontSize(8).fillColor(MUTED);
      if (n > 1)
        doc.text(heading, left, MARGIN_Y / 2, {
          width: contentWidth,
          lineBreak: false,
          ellipsis: true,
          height: 10,
        });
      doc.text(
        i18n.t('participants.page', { page: n, pages }),
        left,
        page.height - MARGIN_Y / 2 - 8,
        {
          width: contentWidth,
          align: 'right',
          lineBreak: false,
          height: 10,
        },
      );
      doc.fillColor('black');
    });
  /** A rule whose bottom edge is at `bottomY`. */
  const rule = (bottomY: number, width: number, color: string) =>
    artifact('Layout', () => {
      doc
        .moveTo(left, bottomY - width / 2)
        .lineTo(left + contentWidth, bottomY - width / 2)
        .lineWidth(width)
        .strokeColor(color)
        .stroke();
    });
  /** One block of text as a structure element (H1, P, TH, TD) under its parent. */
  const tagged = (
    parent: Struct,
    type: string,
    text: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ) => {
    const element = doc.struct(type, options);
    parent.add(element);
    if (text !== '') element.add(draw);
    element.end();
  };
  const cellText = (
    text: string,
    font: string,
    x: number,
    y: number,
    width: number,
    height: number,
  ) =>
    doc
      .font(font)
      .fontSize(fontSize)
      .fillColor('black')
      .text(text, x, y, { width, height: Math.min(height, bottom - y), ellipsis: true });
  const drawHeaderRow = (y: number, struct: Struct | null) => {
    const draw = () =>
      header.cells.forEach((text, i) => {
        if (struct) {
          tagged(
            struct,
            'TH',
            text,
            () => cellText(text, BOLD, xs[i]!, y + CELL_PAD_Y, widths[i]!, header.height),
            COLUMN_HEADER,
          );
        } else {
          cellText(text, BOLD, xs[i]!, y + CELL_PAD_Y, widths[i]!, header.height);
        }
      });
    if (struct) draw();
    else artifact('Pagination', draw);
    rule(y + header.height, HEADER_RULE, 'black');
  };

  pageFurniture(1);
  tagged(root, 'H1', heading, () =>
    doc
      .font(BOLD)
      .fontSize(16)
      .fillColor('black')
      .text(heading, left, top, { width: contentWidth }),
  );
  tagged(root, 'P', meta, () =>
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(meta, left, top + titleHeight + 6, { width: contentWidth }),
  );

  if (rows.length === 0) {
    const none = i18n.t('participants.none');
    tagged(root, 'P', none, () =>
      doc.font(REGULAR).fontSize(10).text(none, left, tableTop, { width: contentWidth }),
    );
  } else {
    const table = doc.struct('Table');
    root.add(table);
    const headerRow = doc.struct('TR');
    table.add(headerRow);
    drawHeaderRow(tableTop, headerRow);
    headerRow.end();
    let current = 0;
    for (const [index, row] of rows.entries()) {
      const at = placed[index]!;
      if (at.page !== current) {
        await nextTurn();
        current = at.page;
        doc.addPage();
        pageFurniture(current + 1);
        drawHeaderRow(top, null);
      }
      const tr = doc.struct('TR');
      table.add(tr);
      row.cells.forEach((text, i) =>
        tagged(tr, 'TD', text, () =>
          cellText(text, REGULAR, xs[i]!, at.y + CELL_PAD_Y, widths[i]!, row.height),
        ),
      );
      tr.end();
      const last = index === rows.length - 1 || placed[index + 1]!.page !== at.page;
      if (!last) rule(at.y + row.height, ROW_RULE, RULE);
    }
    table.end();
  }
  root.end();
  doc.end();
  return doc;
}

/** The participant list as an Excel workbook, one row per participant. */
export async function participantsXlsx(i18n: I18n, list: ParticipantList): Promise<Buffer> {
  const cols = columns(i18n, list);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = i18n.t('service.name');
  workbook.title = title(i18n, list);
  const sheet = workbook.addWorksheet(i18n.t('participants.sheet'));
  sheet.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of list.participants) sheet.addRow(cols.map((c) => c.value(p)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

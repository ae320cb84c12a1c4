import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type pdfmakeModule from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { loadExcel, loadPdfmake } from '../../shared/lazy-modules.ts';
import { formatDateRange, formatInstant } from '../../shared/dates.ts';
import { localized, type City } from '../cities/index.ts';
import type { MeetingSummary, Participant } from './delegation.service.ts';

type Pdfmake = typeof pdfmakeModule;
type TDocumentDefinitions = Parameters<Pdfmake['createPdf']>[0];

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
let fontsReady = false;

/** pdfmake's server API: the shipped Roboto fonts, no URL access, local access to the fonts only. */
function preparePdfmake(pdfmake: Pdfmake): void {
  if (fontsReady) return;
  pdfmake.setFonts({
    Roboto: {
      normal: `${FONT_DIR}/Roboto-Regular.ttf`,
      bold: `${FONT_DIR}/Roboto-Medium.ttf`,
      italics: `${FONT_DIR}/Roboto-Italic.ttf`,
      bolditalics: `${FONT_DIR}/Roboto-MediumItalic.ttf`,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  fontsReady = true;
}

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

function columns(i18n: I18n, list: ParticipantList): Column[] {
  const { t } = i18n;
  const erased = t('delegation.members.erased');
  const logistic = (pick: (p: Participant) => string | null) => (p: Participant) =>
    p.logisticsErasedAt ? erased : (pick(p) ?? '');
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
  if (list.withLogistics) {
    cols.push(
      {
        header: t('delegation.field.dietaryNeeds'),
        value: logistic((p) => p.logistics?.dietaryNeeds ?? null),
        width: 22,
      },
      {
        header: t('delegation.field.accessNeeds'),
        value: logistic((p) => p.logistics?.accessNeeds ?? null),
        width: 22,
      },
      {
        header: t('delegation.field.travel'),
        value: logistic((p) => p.logistics?.travel ?? null),
        width: 22,
      },
      {
        header: t('delegation.field.phone'),
        value: logistic((p) => p.logistics?.phone ?? null),
        width: 20,
      },
    );
  }
  return cols;
}

function title(i18n: I18n, list: ParticipantList): string {
  return i18n.t('participants.title', {
    year: list.meeting.year,
    host: list.host ? localized(list.host, i18n.locale).name : '',
  });
}

/**
 * Fixed column widths that fit the page: A4 less 40 pt margins, less the 8 pt padding each
 * side of inner cells ('lightHorizontalLines'), shared by the columns' weights. Star widths
 * overflow the margin when a long header word sets a column's minimum width.
 */
function columnWidths(cols: Column[], landscape: boolean): number[] {
  const page = (landscape ? 841.89 : 595.28) - 80;
  const available = page - 16 * (cols.length - 1) - 2;
  const total = cols.reduce((sum, c) => sum + c.width, 0);
  return cols.map((c) => Math.floor((available * c.width) / total));
}

/** The participant list as a PDF (A4, landscape with logistics). */
export async function participantsPdf(
  i18n: I18n,
  list: ParticipantList,
  now = new Date(),
): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  preparePdfmake(pdfmake);
  const cols = columns(i18n, list);
  const meta = [
    list.meeting.startDate
      ? formatDateRange(list.meeting.startDate, list.meeting.endDate, i18n.intl)
      : '',
    list.meeting.venue ?? '',
    i18n.t('participants.generated', { date: formatInstant(now.toISOString(), i18n.intl) }),
  ].filter(Boolean);
  const body: TableCell[][] = [
    cols.map((c) => ({ text: c.header, bold: true })),
    ...list.participants.map((p) => cols.map((c) => c.value(p))),
  ];
  const content: Content[] = [
    { text: title(i18n, list), fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
    { text: meta.join(' · '), fontSize: 9, margin: [0, 0, 0, 12] },
    list.participants.length === 0
      ? { text: i18n.t('participants.none') }
      : {
          table: { headerRows: 1, widths: columnWidths(cols, list.withLogistics), body },
          layout: 'lightHorizontalLines',
          fontSize: list.withLogistics ? 8 : 10,
        },
  ];
  const doc: TDocumentDefinitions = {
    info: { title: title(i18n, list), creator: i18n.t('service.name') },
    language: i18n.locale,
    pageSize: 'A4',
    pageOrientation: list.withLogistics ? 'landscape' : 'portrait',
    content,
    defaultStyle: { font: 'Roboto' },
  };
  return pdfmake.createPdf(doc).getBuffer();
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

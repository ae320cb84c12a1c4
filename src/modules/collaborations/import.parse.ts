import type ExcelJS from 'exceljs';
import { loadExcel } from '../../shared/lazy-modules.ts';

/** A spreadsheet as text: its header row and its data rows (with their row numbers in the file). */
export interface ParsedSheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export type FileKind = 'xlsx' | 'csv';

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** The file's kind from its name (and, for safety, its first bytes: an xlsx is a zip). */
export function fileKind(filename: string, data: Buffer): FileKind | null {
  const name = filename.toLowerCase();
  const zip = data.subarray(0, 2).toString('latin1') === 'PK';
  if (name.endsWith('.xlsx')) return zip ? 'xlsx' : null;
  if (name.endsWith('.csv') || name.endsWith('.txt')) return zip ? null : 'csv';
  return null;
}

export async function parseSpreadsheet(data: Buffer, kind: FileKind): Promise<ParsedSheet> {
  return kind === 'xlsx' ? parseXlsx(data) : parseCsv(data);
}

/** A cell's value as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return '';
  }
  return '';
}

async function parseXlsx(data: Buffer): Promise<ParsedSheet> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('the workbook has no worksheet');
  let headers: string[] | null = null;
  const rows: ParsedSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
    if (headers === null) {
      headers = cells;
      return;
    }
    if (cells.every((c) => c === '')) return;
    rows.push({ row: rowNumber, cells });
  });
  if (headers === null) throw new UnreadableFileError('the worksheet is empty');
  return { headers, rows };
}

/** The delimiter of a CSV file: `;` or `,`, whichever the header line has more of outside quotes. */
export function detectDelimiter(firstLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quoted fields), UTF-8 with or without BOM. */
export function parseCsv(data: Buffer): ParsedSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new UnreadableFileError('the file is not UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const delimiter = detectDelimiter(firstLine);
  const records: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ row: recordLine, cells });
      cells = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length) {
    cells.push(field);
    records.push({ row: recordLine, cells });
  }
  const [head, ...rest] = records;
  if (!head) throw new UnreadableFileError('the file is empty');
  return {
    headers: head.cells.map((c) => c.trim()),
    rows: rest
      .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}

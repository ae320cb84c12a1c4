/**
 * One CSV field: quoted when needed, and defused against formula injection in
 * spreadsheet programs (a leading = + - @ gets an apostrophe).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Excel opens UTF-8 CSV with Swedish characters correctly only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

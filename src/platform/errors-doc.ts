import { errorCodes, errorSpec } from '../shared/errors.ts';
import { errorTitle } from './problem-details.ts';

/**
 * docs/errors.md, generated from the error catalogue (`npm run errors:doc`; a test fails
 * when the committed file differs). The table is written the way Prettier formats it.
 */
export function renderErrorsDoc(): string {
  const header = ['code', 'HTTP status', 'title (API)', 'when it happens', 'message keys'];
  const rows = errorCodes().map((code) => {
    const spec = errorSpec(code);
    return [
      `\`${code}\``,
      String(spec.status) + (spec.reportable ? ' (reportable)' : ''),
      errorTitle(code),
      spec.when.replace(/\|/g, '\\|'),
      [spec.title, spec.page.title, spec.page.text].map((key) => `\`${key}\``).join(', '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    '# Error codes',
    '',
    '<!-- Generated from src/shared/errors.ts and src/modules/*/errors.ts by `npm run errors:doc`; do not edit. -->',
    '',
    'Every expected failure is an `AppError` with one of these codes. The API answers with',
    'RFC 9457 problem details (`application/problem+json`) whose `type` is',
    '`/api/errors#<code>` and whose `title` is the English title below; `GET /api/errors` lists',
    'the same catalogue as JSON. The HTML pages show the page title and text in the',
    "visitor's language. Reportable errors are logged at error level with a stack. The message",
    'keys are, in order: the title of the code, the title of the HTML page and its text',
    '(src/platform/i18n).',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

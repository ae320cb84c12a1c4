import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of evaluations, their reports and exports. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: evaluationErrorSpecs, factories: evaluationErrors } = defineErrors({
  EVALUATION_NOT_FOUND: {
    status: 404,
    when: 'No evaluation (the report after a meeting Gothenburg hosts, P10) has the given id (pages, the figures API), or no meeting has the id given to `vanort evaluation compile`.',
    message: 'No such evaluation',
    cut: [['id', 100]],
  },
  EVALUATION_VERSION_NOT_FOUND: {
    status: 404,
    when: 'An evaluation has no approved version with the given number (e.g. comparing versions 1 and 3 of one approved twice).',
    message: 'The evaluation has no such approved version',
    cut: [
      ['id', 100],
      ['number', 20],
    ],
  },
  REPORT_VERSION_NOT_FOUND: {
    status: 404,
    when: 'No approved version of an evaluation has the given number (a version exists only once it is approved).',
    message: 'No such approved version of the evaluation',
    cut: [
      ['id', 100],
      ['version', 20],
    ],
  },
  REPORT_NOT_FOUND: {
    status: 404,
    when: 'No published report has the given id: the evaluation is unknown, or none of its versions is published (a draft, or a version withdrawn).',
    message: 'No such published report',
    cut: [['id', 100]],
  },
  PDF_UNAVAILABLE: {
    status: 503,
    when: 'A report is asked for as PDF while the server cannot print one: Chromium is not installed (CHROMIUM_PATH), it failed or took too long, or too many PDFs are being printed; the HTML and Word exports still work.',
    message:
      'The PDF cannot be made right now; the HTML and Word versions of the report can be downloaded',
    page: { text: 'report.pdf.unavailablePage' },
    make: (reason: 'no-browser' | 'busy' | 'failed') => ({ details: { reason } }),
  },
});

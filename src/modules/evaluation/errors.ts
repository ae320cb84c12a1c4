import { AppError, defineErrors, errorAbout } from '../../shared/errors.ts';

/**
 * The error codes of evaluations, their reports and exports. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const evaluationErrorSpecs = defineErrors({
  EVALUATION_NOT_FOUND: {
    status: 404,
    when: 'No evaluation (the report after a meeting Gothenburg hosts, P10) has the given id (pages, the figures API), or no meeting has the id given to `vanort evaluation compile`.',
    message: 'No such evaluation',
  },
  EVALUATION_VERSION_NOT_FOUND: {
    status: 404,
    when: 'An evaluation has no approved version with the given number (e.g. comparing versions 1 and 3 of one approved twice).',
    message: 'The evaluation has no such approved version',
  },
  REPORT_VERSION_NOT_FOUND: {
    status: 404,
    when: 'No approved version of an evaluation has the given number (a version exists only once it is approved).',
    message: 'No such approved version of the evaluation',
  },
  REPORT_NOT_FOUND: {
    status: 404,
    when: 'No published report has the given id: the evaluation is unknown, or none of its versions is published (a draft, or a version withdrawn).',
    message: 'No such published report',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    when: 'A report is asked for as PDF while the server cannot print one: Chromium is not installed (CHROMIUM_PATH), it failed or took too long, or too many PDFs are being printed; the HTML and Word exports still work.',
    message:
      'The PDF cannot be made right now; the HTML and Word versions of the report can be downloaded',
    page: { text: 'report.pdf.unavailablePage' },
  },
});

/** The factories: the usual way to make these errors. */
export const evaluationErrors = {
  evaluationNotFound: errorAbout('EVALUATION_NOT_FOUND', 'id', 100),
  evaluationVersionNotFound: (id: string, number: string) =>
    new AppError('EVALUATION_VERSION_NOT_FOUND', undefined, {
      id: id.slice(0, 100),
      number: number.slice(0, 20),
    }),
  reportVersionNotFound: (id: string, version: string | number) =>
    new AppError('REPORT_VERSION_NOT_FOUND', undefined, {
      id: id.slice(0, 100),
      version: String(version).slice(0, 20),
    }),
  reportNotFound: errorAbout('REPORT_NOT_FOUND', 'id', 100),
  pdfUnavailable: (reason: 'no-browser' | 'busy' | 'failed') =>
    new AppError('PDF_UNAVAILABLE', undefined, { reason }),
} as const;

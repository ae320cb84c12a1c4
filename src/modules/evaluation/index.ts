/**
 * The public surface of the evaluation module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other).
 */
export type {
  Count,
  EvaluationFigures,
  EvaluationSections,
  Flag,
  PeriodFigures,
} from './evaluation.figures.ts';
export { EVALUATION_STATUSES } from './evaluation.service.ts';
export type { EvaluationStatus } from './evaluation.service.ts';
export { findEvaluationVersion } from './evaluation.versions.ts';
export type { EvaluationVersion } from './evaluation.versions.ts';
export { getPublishedReport, listPublishedReports } from './report.service.ts';
export type { ReportVersion } from './report.service.ts';
export { pdfAvailable, printPdf } from './export.pdf.ts';
export type { PdfSettings } from './export.pdf.ts';

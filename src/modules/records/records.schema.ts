import { z } from 'zod';
import { requiredText } from '../../shared/validation.ts';
import { isPlainDate } from '../../shared/dates.ts';

/** The kinds of record the register holds. */
export const RECORD_KINDS = ['decision', 'report', 'document'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SECRECY = ['public', 'secret'] as const;

/**
 * A record's registration, as the registrar's form sends it. The case number's format
 * (CASE_NUMBER_PATTERNS) and the class (the plan in force) are checked by the service.
 */
export const recordForm = z
  .object({
    caseNumber: requiredText(40, 'records.err.caseNumberRequired', 'records.err.caseNumberInvalid'),
    secrecy: z.enum(SECRECY, { message: 'records.err.secrecyRequired' }),
    ground: z.string().trim().max(200, 'records.err.groundTooLong'),
    classification: requiredText(
      20,
      'records.err.classificationRequired',
      'records.err.classificationUnknown',
    ),
  })
  .refine((v) => v.secrecy === 'public' || v.ground !== '', {
    path: ['ground'],
    message: 'records.err.groundRequired',
  });
export type RecordInput = z.input<typeof recordForm>;
export type RecordValues = z.output<typeof recordForm>;

const day = z
  .string()
  .trim()
  .refine((v) => v === '' || isPlainDate(v), 'records.err.dateInvalid');

/** The register's filters (a GET form); every field may be empty. */
export const registerFilterForm = z
  .object({
    caseNumber: z.string().trim().max(40, 'records.err.caseNumberInvalid'),
    from: day,
    to: day,
    kind: z.enum(['', ...RECORD_KINDS], { message: 'records.err.kindUnknown' }),
    classification: z.string().trim().max(20, 'records.err.classificationUnknown'),
    secrecy: z.enum(['', ...SECRECY], { message: 'records.err.secrecyRequired' }),
  })
  .refine((v) => v.from === '' || v.to === '' || v.from <= v.to, {
    path: ['to'],
    message: 'records.err.periodOrder',
  });
export type RegisterFilter = z.output<typeof registerFilterForm>;

/** An export of a period: both days required. */
export const periodExportForm = z
  .object({
    exportFrom: z.string().trim().refine(isPlainDate, 'records.err.dateInvalid'),
    exportTo: z.string().trim().refine(isPlainDate, 'records.err.dateInvalid'),
  })
  .refine((v) => v.exportFrom <= v.exportTo, {
    path: ['exportTo'],
    message: 'records.err.periodOrder',
  });

/** An export of one case: its case number. */
export const caseExportForm = z.object({
  exportCase: z
    .string()
    .trim()
    .min(1, 'records.err.caseNumberRequired')
    .max(40, 'records.err.caseNumberInvalid'),
});

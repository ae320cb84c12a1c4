import { z } from 'zod';
import type { FormStrings } from '../../platform/forms.ts';
import { isPlainDate } from '../../shared/dates.ts';
import { multiline, plainDate, requiredText } from '../../shared/validation.ts';

/**
 * The evaluation's forms (issue 15). Messages are keys of this module's catalogue; the form
 * helper translates them field by field.
 */
/** Starting an evaluation by hand, for any period. */
export const startSchema = z
  .object({
    title: requiredText(200, 'evaluation.error.titleRequired', 'evaluation.error.titleTooLong'),
    periodStart: plainDate('evaluation.error.dateInvalid'),
    periodEnd: plainDate('evaluation.error.dateInvalid'),
    dueOn: plainDate('evaluation.error.dateInvalid'),
    owners: z
      .array(z.string().max(100))
      .min(1, { message: 'evaluation.error.ownerRequired' })
      .max(50),
  })
  .superRefine((v, ctx) => {
    if (isPlainDate(v.periodStart) && isPlainDate(v.periodEnd) && v.periodEnd < v.periodStart)
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'evaluation.error.periodOrder',
      });
  });

export type StartInput = FormStrings<typeof startSchema>;

const section = () => multiline(z.string().trim().max(20_000, 'evaluation.error.sectionTooLong'));

/** The five sections people write; saving a draft takes any of them empty. */
export const sectionsSchema = z.object({
  summary: section(),
  analysis: section(),
  conclusions: section(),
  recommendations: section(),
  summaryEn: section(),
});

export type SectionsInput = FormStrings<typeof sectionsSchema>;

/** The sections a submission for review needs, in the order the error summary names them. */
export const REQUIRED_SECTIONS = ['summary', 'analysis', 'conclusions', 'recommendations'] as const;

/** A reviewer's comment with their decision; an owner's answer is a comment alone. */
export const reviewSchema = z.object({
  /** Required to comment or return; optional with an approval (the service checks it). */
  comment: multiline(z.string().trim().max(5000, { message: 'evaluation.error.commentTooLong' })),
  decision: z.enum(['comment', 'return', 'approve'], {
    message: 'evaluation.error.decisionRequired',
  }),
});

export type ReviewInput = FormStrings<typeof reviewSchema>;

/** The two version numbers of a comparison (`?from=1&to=2`). */
export const compareQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';
import { optionalText, requiredText } from './fields.schema.ts';

/** The member form: public fields and private logistics. Messages are catalog keys. */
export const memberForm = z.object({
  name: requiredText(200, 'delegation.error.nameRequired', 'delegation.error.nameTooLong'),
  title: optionalText(200, 'delegation.error.tooLong200'),
  affiliation: optionalText(200, 'delegation.error.tooLong200'),
  dietaryNeeds: optionalText(500, 'delegation.error.tooLong500'),
  accessNeeds: optionalText(500, 'delegation.error.tooLong500'),
  travel: optionalText(500, 'delegation.error.tooLong500'),
  phone: optionalText(40, 'delegation.error.phoneInvalid').refine(
    (v) => v === null || /^\+?[\d\s()-]{5,39}$/.test(v),
    { error: 'delegation.error.phoneInvalid' },
  ),
});

export type MemberInput = z.output<typeof memberForm>;
export type MemberValues = Record<keyof z.input<typeof memberForm>, string>;

/** The confirm form: the date of the presidium's decision (a plain date, not in the future). */
export const confirmForm = (today: string, required: boolean) =>
  z.object({
    decisionDate: z
      .string()
      .trim()
      .refine((v) => !required || v !== '', { error: 'delegation.error.decisionDateRequired' })
      .refine((v) => v === '' || isPlainDate(v), { error: 'delegation.error.decisionDateInvalid' })
      .refine((v) => v === '' || !isPlainDate(v) || v <= today, {
        error: 'delegation.error.decisionDateFuture',
      }),
  });

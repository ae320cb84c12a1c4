import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';
import type { FieldProblem } from '../../shared/errors.ts';

/** Optional free text: trimmed, empty becomes null. */
const optional = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((v) => (v === '' ? null : v));

/** The member form: public fields and private logistics. Messages are catalog keys. */
export const memberForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'delegation.error.nameRequired' })
    .max(200, { error: 'delegation.error.nameTooLong' }),
  title: optional(200, 'delegation.error.tooLong200'),
  affiliation: optional(200, 'delegation.error.tooLong200'),
  dietaryNeeds: optional(500, 'delegation.error.tooLong500'),
  accessNeeds: optional(500, 'delegation.error.tooLong500'),
  travel: optional(500, 'delegation.error.tooLong500'),
  phone: optional(40, 'delegation.error.phoneInvalid').refine(
    (v) => v === null || /^\+?[\d\s()-]{5,39}$/.test(v),
    { error: 'delegation.error.phoneInvalid' },
  ),
});

export type MemberInput = z.output<typeof memberForm>;
export type MemberValues = Record<keyof z.input<typeof memberForm>, string>;

export const MEMBER_FIELDS = [
  'name',
  'title',
  'affiliation',
  'dietaryNeeds',
  'accessNeeds',
  'travel',
  'phone',
] as const satisfies readonly (keyof MemberValues)[];

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

/** Zod issues as field problems (first problem per field), for errors.validation. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'form';
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, message: issue.message });
  }
  return problems;
}

/** Form values as strings, cut to a sane length (never trusted further). */
export function formStrings<K extends string>(
  body: unknown,
  keys: readonly K[],
  max = 2000,
): Record<K, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = typeof b[k] === 'string' ? b[k].slice(0, max) : '';
  return out;
}

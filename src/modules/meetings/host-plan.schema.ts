import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';
import { multiline, requiredText } from '../../shared/validation.ts';

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const wholeNumber = (min: number, max: number, error: string) =>
  z
    .string()
    .trim()
    .regex(/^[-−]?\d{1,4}$/, { error })
    .transform((v) => Number(v.replace('−', '-')))
    .refine((n) => n >= min && n <= max, { error });

/** A template task: titles, and the offset from the meeting's first day. */
export const templateTaskForm = z.object({
  titleSv: requiredText(200, 'hostPlan.error.titleRequired', 'hostPlan.error.titleTooLong'),
  titleEn: z.string().trim().max(200, { error: 'hostPlan.error.titleTooLong' }),
  offsetMonths: wholeNumber(-36, 36, 'hostPlan.error.offsetMonths'),
  offsetDays: wholeNumber(-365, 365, 'hostPlan.error.offsetDays'),
  active: z.enum(['0', '1'], { error: 'hostPlan.error.active' }).transform((v) => v === '1'),
});

export type TemplateTaskValues = Record<keyof z.input<typeof templateTaskForm>, string>;

/** A plan task's editable fields; the owner must be a coordinator (checked by the service). */
export const planTaskForm = z.object({
  ownerUserId: z.string().max(100),
  dueOn: z
    .string()
    .trim()
    .refine((v) => v !== '', { error: 'hostPlan.error.dueRequired' })
    .refine((v) => v === '' || isPlainDate(v), { error: 'hostPlan.error.dueInvalid' }),
  status: z.enum(TASK_STATUSES, { error: 'hostPlan.error.status' }),
  notes: multiline(z.string().max(4000, { error: 'hostPlan.error.notesTooLong' })),
});

export type PlanTaskValues = Record<keyof z.input<typeof planTaskForm>, string>;

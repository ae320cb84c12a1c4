import { z } from 'zod';
import type { FormStrings } from '../../platform/forms.ts';
import { isPlainDate } from '../../shared/dates.ts';
import { COLLABORATION_KINDS, COLLABORATION_STATUSES } from './collaboration.filters.ts';
import { LIMITS, VISIBILITIES } from './collaboration.helpers.ts';
import { multiline, requiredText } from '../../shared/validation.ts';

/**
 * The forms of the collaborations workspace: collaborations, exchanges, review and areas.
 * One schema per form: the routes read the form by it (`readForm`) and the services check
 * it (`zodProblems` / `parseOrThrow`); what needs the database (the organisation the user
 * may report for, known cities, areas and collaborations) the services check themselves.
 * Messages are keys of collaboration.messages.ts.
 */

export const FUNDING_KINDS = ['own_budget', 'eu_programme', 'other'] as const;
export const DIRECTIONS = ['visit_to', 'visit_from', 'digital'] as const;
export { LIMITS, VISIBILITIES };

const plainDate = z
  .string()
  .trim()
  .refine((v) => isPlainDate(v), { error: 'collab.err.dateInvalid' });
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isPlainDate(v), { error: 'collab.err.dateInvalid' });
const longText = multiline(z.string().max(LIMITS.text, { error: 'collab.err.textTooLong' }));
const shortText = z.string().trim().max(LIMITS.short, { error: 'collab.err.shortTooLong' });
const visibility = z.enum(VISIBILITIES, { error: 'collab.err.visibilityRequired' });
const email = z.email();

/** An amount in whole kronor; spaces (also no-break spaces) between the digits are fine. */
export const amountDigits = (v: string) => v.replace(/[\s\u00a0]/g, '');

export const collaborationForm = z
  .object({
    /** Slug of the owner organisation; empty: the reporter's only organisation. */
    organisation: z.string(),
    title: requiredText(LIMITS.title, 'collab.err.titleRequired', 'collab.err.titleTooLong'),
    /** Slugs of partner twin cities. */
    cities: z.array(z.string()).min(1, { error: 'collab.err.citiesRequired' }),
    /** Slugs of areas. */
    areas: z.array(z.string()).min(1, { error: 'collab.err.areasRequired' }),
    kind: z.enum(COLLABORATION_KINDS, { error: 'collab.err.kindRequired' }),
    status: z.enum(COLLABORATION_STATUSES, { error: 'collab.err.statusRequired' }),
    startsOn: plainDate,
    endsOn: optionalDate,
    goals: longText,
    results: longText,
    contactName: shortText,
    contactEmail: z
      .string()
      .trim()
      .refine((v) => v === '' || (v.length <= LIMITS.short && email.safeParse(v).success), {
        error: 'collab.err.emailInvalid',
      }),
    fundingKind: z.enum(['', ...FUNDING_KINDS] as const, {
      error: 'collab.err.fundingKindInvalid',
    }),
    fundingProgramme: shortText,
    fundingAmount: z.string().refine(
      (v) => {
        const digits = amountDigits(v);
        return digits === '' || (/^\d{1,13}$/.test(digits) && Number(digits) <= LIMITS.amount);
      },
      { error: 'collab.err.amountInvalid' },
    ),
    strategyTags: z.string().max(LIMITS.tags, { error: 'collab.err.tagsTooLong' }),
    visibility,
  })
  .superRefine((v, ctx) => {
    const [start, end] = [String(v.startsOn).trim(), String(v.endsOn).trim()];
    if (isPlainDate(start) && isPlainDate(end) && end < start)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'collab.err.endBeforeStart' });
  });

/** A collaboration as the form sends it (strings; lists for the cities and areas). */
export type CollaborationInput = FormStrings<typeof collaborationForm>;

export const exchangeForm = z.object({
  organisation: z.string(),
  occurredOn: plainDate,
  /** Slug of a partner twin city. */
  city: z.string().min(1, { error: 'collab.err.cityRequired' }),
  direction: z.enum(DIRECTIONS, { error: 'collab.err.directionRequired' }),
  participants: z
    .string()
    .trim()
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= LIMITS.participants, {
      error: 'collab.err.participantsInvalid',
    }),
  activities: multiline(
    z
      .string()
      .trim()
      .min(1, { error: 'collab.err.activitiesRequired' })
      .max(LIMITS.text, { error: 'collab.err.textTooLong' }),
  ),
  learnings: longText,
  /** Id of a collaboration of the same organisation, or empty. */
  collaboration: z.string(),
  visibility,
});

export type ExchangeInput = FormStrings<typeof exchangeForm>;

export const reviewForm = z
  .object({
    decision: z.enum(['acknowledge', 'return'], { error: 'collab.err.decisionRequired' }),
    comment: multiline(
      z.string().trim().max(LIMITS.comment, { error: 'collab.err.commentTooLong' }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !String(v.comment).trim())
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'collab.err.commentRequired' });
  });

export type ReviewInput = FormStrings<typeof reviewForm>;

const areaName = z
  .string()
  .trim()
  .min(1, { error: 'collab.area.nameRequired' })
  .max(100, { error: 'collab.area.nameRequired' });

export const areaForm = z.object({ nameSv: areaName, nameEn: areaName });

export type AreaInput = FormStrings<typeof areaForm>;

/** The problems of a form, in the order of its fields (the error summary's order). */
export function inFieldOrder<P extends { path: string }>(schema: z.ZodObject, problems: P[]): P[] {
  const order = Object.keys(schema.shape);
  const at = (p: P) => {
    const i = order.indexOf(p.path);
    return i < 0 ? order.length : i;
  };
  return [...problems].sort((a, b) => at(a) - at(b));
}

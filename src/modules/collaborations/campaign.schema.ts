import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';

/**
 * The form that starts a campaign (inventering). Messages are keys of campaign.messages.ts;
 * the pages translate them field by field. `today` is checked by the service.
 */
const plainDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => isPlainDate(v), { message });

export const campaignSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, { message: 'campaign.error.titleRequired' })
      .max(200, { message: 'campaign.error.titleTooLong' }),
    periodFrom: plainDate('campaign.error.dateInvalid'),
    periodTo: plainDate('campaign.error.dateInvalid'),
    deadline: plainDate('campaign.error.dateInvalid'),
    message: z.string().trim().max(5000, { message: 'campaign.error.messageTooLong' }),
    scope: z.enum(['all', 'chosen'], { message: 'campaign.error.scopeRequired' }),
    organisations: z.array(z.string().max(100)).max(500),
  })
  .superRefine((v, ctx) => {
    if (isPlainDate(v.periodFrom) && isPlainDate(v.periodTo) && v.periodTo < v.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'campaign.error.periodOrder' });
    if (v.scope === 'chosen' && v.organisations.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['organisations'],
        message: 'campaign.error.organisationsRequired',
      });
  });

/** Raw form values: the schema checks them. */
export type CampaignInput = Omit<z.input<typeof campaignSchema>, 'scope'> & { scope: string };

export const answerSchema = z.object({
  answer: z.enum(['confirmed', 'no_activity'], { message: 'campaign.error.answerRequired' }),
  comment: z.string().trim().max(2000, { message: 'campaign.error.commentTooLong' }),
});

export interface AnswerInput {
  answer: string;
  comment: string;
}

/** Zod issues as field problems (the first per field). */
export function zodProblems(error: z.ZodError): { path: string; message: string }[] {
  const seen = new Set<string>();
  const out: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    const path = String(issue.path[0] ?? '');
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: issue.message });
  }
  return out;
}

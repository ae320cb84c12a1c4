import { z } from 'zod';
import type { FormStrings } from '../../platform/forms.ts';
import { isPlainDate } from '../../shared/dates.ts';
import { multiline, plainDate, requiredText } from '../../shared/validation.ts';

/**
 * The form that starts a campaign (inventering). Messages are keys of campaign.messages.ts;
 * the form helper translates them field by field. `today` is checked by the service.
 */
export const campaignSchema = z
  .object({
    title: requiredText(200, 'campaign.error.titleRequired', 'campaign.error.titleTooLong'),
    periodFrom: plainDate('campaign.error.dateInvalid'),
    periodTo: plainDate('campaign.error.dateInvalid'),
    deadline: plainDate('campaign.error.dateInvalid'),
    message: multiline(z.string().trim().max(5000, { message: 'campaign.error.messageTooLong' })),
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

/** The form as sent (strings; a list of organisation ids): the schema checks them. */
export type CampaignInput = FormStrings<typeof campaignSchema>;

export const answerSchema = z.object({
  answer: z.enum(['confirmed', 'no_activity'], { message: 'campaign.error.answerRequired' }),
  comment: multiline(z.string().trim().max(2000, { message: 'campaign.error.commentTooLong' })),
});

export type AnswerInput = FormStrings<typeof answerSchema>;

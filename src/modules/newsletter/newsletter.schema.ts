import { z } from 'zod';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { multiline } from '../../shared/validation.ts';

export const MAX_SUBJECT = 200;
export const MAX_BODY = 20_000;

const language = z.enum(ALL_LOCALES as [Locale, ...Locale[]], {
  message: 'newsletter.err.language',
});

/** The subscription form as sent: an address, a language, one or more twin cities. */
export const subscribeForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'newsletter.err.emailRequired')
    .max(254, 'newsletter.err.emailInvalid')
    .pipe(z.email({ message: 'newsletter.err.emailInvalid' })),
  language,
  topics: z.array(z.string().max(100)).max(10).min(1, 'newsletter.err.topicsRequired'),
});
export type SubscribeInput = z.output<typeof subscribeForm>;

/** An issue as the coordinator edits it: the cities it is about, and subject and text per language. */
export const issueForm = z.object({
  topics: z.array(z.string().max(100)).max(10),
  ...Object.fromEntries(
    ALL_LOCALES.flatMap((lang) => [
      [`subject_${lang}`, z.string().trim().max(MAX_SUBJECT, 'newsletter.err.subjectTooLong')],
      [`body_${lang}`, multiline(z.string().trim().max(MAX_BODY, 'newsletter.err.bodyTooLong'))],
    ]),
  ),
}) as z.ZodObject<
  { topics: z.ZodArray<z.ZodString> } & Record<`subject_${Locale}` | `body_${Locale}`, z.ZodString>
>;
export type IssueInput = z.output<typeof issueForm>;

/** The test mail: in which language. */
export const testForm = z.object({ language });

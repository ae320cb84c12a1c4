import { z } from 'zod';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { multiline } from '../../shared/validation.ts';

export const MAX_TITLE = 200;
export const MAX_SUMMARY = 500;
export const MAX_BODY = 20_000;
export const MAX_LINKS = 50;

/** The buttons of the form: what to do with what was written. */
export const NEWS_ACTIONS = ['draft', 'preview', 'publish', 'schedule'] as const;
export type NewsAction = (typeof NEWS_ACTIONS)[number];

const text = (max: number) => z.string().trim().max(max);
const ids = z.array(z.string().max(100)).max(MAX_LINKS);

/**
 * The news form as sent, read by `readForm`: one title, summary and body per language,
 * the links (checkbox groups of ids), the publication date and time (Stockholm) and the
 * button pressed. It refuses a value longer than its field takes at the field; the rules
 * (Swedish required, complete versions, images, the schedule) are the service's.
 */
export const newsFields = z.object({
  ...(Object.fromEntries(
    ALL_LOCALES.flatMap((lang) => [
      [`title_${lang}`, text(MAX_TITLE)],
      [`summary_${lang}`, multiline(text(MAX_SUMMARY))],
      [`body_${lang}`, multiline(text(MAX_BODY))],
    ]),
  ) as Record<`${'title' | 'summary' | 'body'}_${Locale}`, z.ZodString>),
  cities: ids,
  meetings: ids,
  collaborations: ids,
  publishDate: z.string().max(40),
  publishTime: z.string().max(40),
  action: z.string().max(40),
});

/** One language version as typed. */
export interface NewsVersionInput {
  title: string;
  summary: string;
  body: string;
}

/** What the form sends, reshaped: what the service checks and saves. */
export interface NewsInput {
  versions: Partial<Record<Locale, NewsVersionInput>>;
  cities: string[];
  meetings: string[];
  collaborations: string[];
  publishDate: string;
  publishTime: string;
  /** Language codes of version fields posted for a language the portal does not have. */
  unsupportedLanguages: string[];
}

export const newsIdParams = z.object({ id: z.string().max(100) });

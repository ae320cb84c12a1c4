import { z } from 'zod';
import { ALL_LOCALES, DEFAULT_LOCALE, type Locale } from './locales.ts';

/**
 * Translated fields in the API (decision 014): a response's `localized` members give each
 * text in the request's language (`?lang=`, `Accept-Language`, else Swedish; answered in
 * `Content-Language`), or in Swedish when that text has no translation, and say which.
 */
export const translatedText = z
  .object({
    text: z.string(),
    lang: z
      .enum(ALL_LOCALES as [Locale, ...Locale[]])
      .describe(
        'The language of `text`: the language of the response (`Content-Language`), or `sv` when this text has no translation into it',
      ),
  })
  .meta({ id: 'TranslatedText' });

export type TranslatedText = z.output<typeof translatedText>;

/**
 * A text in `locale`, else the Swedish one (its language named), else null. An empty or
 * missing translation counts as none.
 */
export function translated(
  texts: Partial<Record<Locale, string | null | undefined>>,
  locale: Locale,
): TranslatedText | null {
  const own = texts[locale];
  if (own) return { text: own, lang: locale };
  const fallback = texts[DEFAULT_LOCALE];
  return fallback ? { text: fallback, lang: DEFAULT_LOCALE } : null;
}

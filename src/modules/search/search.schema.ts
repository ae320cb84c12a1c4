import { z } from 'zod';

/** A repeated parameter (`?q=a&q=b`) counts once: its first value. */
const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);

/**
 * `/search`'s query string. Every value is accepted as text (a long or odd query is the
 * page's to explain, not a validation error): the service caps and reads it.
 */
export const searchQuerystring = z.object({
  q: z.preprocess(first, z.string().optional()),
  kind: z.preprocess(first, z.string().optional()),
  page: z.preprocess(first, z.string().optional()),
});
export type SearchQuerystring = z.infer<typeof searchQuerystring>;

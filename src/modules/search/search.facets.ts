/**
 * Filter tokens of an index row (migration 0015): on SQLite a third FTS5 column, so the
 * full-text index alone finds, counts and ranks the rows of one kind, language and
 * visibility, without looking up each match in the table (decision 009 did the same for the
 * knowledge bank). One letter for what is filtered, then the value in lower case without
 * hyphens (FTS5's tokenizer splits at them).
 */
const token = (prefix: 'k' | 'l' | 'v' | 'c', value: string) =>
  `${prefix}${value.toLowerCase().replaceAll('-', '').replaceAll('_', '')}`;

export const kindToken = (kind: string) => token('k', kind);
export const langToken = (lang: string) => token('l', lang);
export const visibilityToken = (visibility: string) => token('v', visibility);
export const cityToken = (cityId: string) => token('c', cityId);

/** Every token of a row, space-separated. */
export function facetsText(row: {
  kind: string;
  lang: string;
  visibility: string;
  cityIds: readonly string[];
}): string {
  return [
    kindToken(row.kind),
    langToken(row.lang),
    visibilityToken(row.visibility),
    ...row.cityIds.map(cityToken),
  ].join(' ');
}

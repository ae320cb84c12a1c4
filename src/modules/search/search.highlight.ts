/**
 * Highlights and snippets of search hits, computed for the rows of one page. A word of the
 * text is a hit when, folded as the databases fold it (case, diacritics), it starts with a
 * folded query word or, on PostgreSQL, with one of the query's stems ("samarbeten" is
 * stemmed to "samarbet", which marks "samarbete" too). The result is a list of parts, plain
 * or marked, that the view renders as text and `<mark>` (Preact escapes both).
 */

import { bestStretch, type Token, tokenize } from '../../shared/text-hits.ts';

const SPECIAL: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', ß: 'ss' };

/** Lower case without diacritics (Göteborg → goteborg, Bjørn → bjorn). */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœđłß]/g, (c) => SPECIAL[c] ?? c);

export interface Part {
  text: string;
  hit: boolean;
}

/** The prefixes a word must start with to be marked: folded, longest first, no empties. */
export function markPrefixes(words: readonly string[]): string[] {
  return [...new Set(words.map(fold).filter(Boolean))].sort((a, b) => b.length - a.length);
}

function tokens(text: string, prefixes: readonly string[]): Token[] {
  return tokenize(text, (word) => {
    const f = fold(word);
    return prefixes.some((p) => f.startsWith(p));
  });
}

function parts(text: string, list: readonly Token[], from: number, to: number): Part[] {
  const out: Part[] = [];
  let at = from;
  for (const t of list) {
    if (t.start < from || t.end > to || !t.hit) continue;
    if (t.start > at) out.push({ text: text.slice(at, t.start), hit: false });
    out.push({ text: text.slice(t.start, t.end), hit: true });
    at = t.end;
  }
  if (to > at) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole text with its matching words marked. */
export function highlight(text: string, prefixes: readonly string[]): Part[] {
  return parts(text, tokens(text, prefixes), 0, text.length);
}

/**
 * The stretch of at most `size` words with the most matching words (the first such),
 * marked, with an ellipsis where the text goes on.
 */
export function snippet(text: string, prefixes: readonly string[], size = 30): Part[] {
  const list = tokens(text, prefixes);
  if (list.length === 0) return [];
  const { from, to, before, after } = bestStretch(text, list, size);
  const out = parts(text, list, from, to);
  if (before) out.unshift({ text: '… ', hit: false });
  if (after) out.push({ text: ' …', hit: false });
  return out;
}

/**
 * Highlights and snippets of search hits, computed for the rows of one page. A word of the
 * text is a hit when, folded as the databases fold it (case, diacritics), it starts with a
 * folded query word or, on PostgreSQL, with one of the query's stems ("samarbeten" is
 * stemmed to "samarbet", which marks "samarbete" too). The result is a list of parts, plain
 * or marked, that the view renders as text and `<mark>` (Preact escapes both).
 */

const WORD = /[\p{L}\p{N}]+/gu;

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

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

function tokens(text: string, prefixes: readonly string[]): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    const f = fold(m[0]);
    return {
      start: m.index,
      end: m.index + m[0].length,
      hit: prefixes.some((p) => f.startsWith(p)),
    };
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
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.hit) hits++;
    if (i >= size && list[i - size]!.hit) hits--;
    const start = Math.max(0, i - size + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  const last = Math.min(list.length, best + size) - 1;
  const from = best === 0 ? 0 : list[best]!.start;
  const to = last === list.length - 1 ? text.length : list[last]!.end;
  const out = parts(text, list, from, to);
  if (best > 0) out.unshift({ text: '… ', hit: false });
  if (last < list.length - 1) out.push({ text: ' …', hit: false });
  return out;
}

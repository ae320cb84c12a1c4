/**
 * The words of a text that match a query, and the stretch of a text to show as a snippet:
 * what the knowledge bank's and the portal search's highlights have in common (each folds
 * words its own way, as its database does, and renders its own marks).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** A word of the text: where it is, and whether it matches. */
export interface Token {
  start: number;
  end: number;
  hit: boolean;
}

/** The words of `text`, each marked a hit when `isHit` says so. */
export function tokenize(text: string, isHit: (word: string) => boolean): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: isHit(m[0]),
  }));
}

/** A stretch of the text: `from`–`to`, and whether the text goes on before and after it. */
export interface Stretch {
  from: number;
  to: number;
  before: boolean;
  after: boolean;
}

/**
 * The stretch of at most `size` words with the most matching words (the first such); it
 * starts at the text's start, or ends at its end, when no word is left out there.
 */
export function bestStretch(text: string, list: readonly Token[], size: number): Stretch {
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
  return {
    from: best === 0 ? 0 : list[best]!.start,
    to: last === list.length - 1 ? text.length : list[last]!.end,
    before: best > 0,
    after: last < list.length - 1,
  };
}

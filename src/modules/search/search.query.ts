import { MAX_QUERY_LENGTH } from '../../platform/search.ts';

/**
 * What a person typed into the search box, made safe for both databases (decision 021):
 * only the words (runs of letters and digits) count, so punctuation and the full-text
 * syntax of FTS5 (`"`, `*`, `NEAR(`, `AND`, column filters) and of PostgreSQL's tsquery
 * (`&`, `|`, `!`, `:`) mean nothing; each word is quoted when it reaches the database.
 */

/** At most this many words are searched (every one must match). */
export const MAX_QUERY_WORDS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

export interface ParsedQuery {
  /** The query as searched and shown back (trimmed, capped). */
  text: string;
  /** The words searched, as typed (case and diacritics kept; the databases fold them). */
  words: string[];
  /** The query was longer than MAX_QUERY_LENGTH characters and was shortened. */
  shortened: boolean;
  /** It had more than MAX_QUERY_WORDS words; the first ones were searched. */
  tooManyWords: boolean;
}

export function parseQuery(raw: string | undefined): ParsedQuery {
  const trimmed = (raw ?? '').replace(/\s+/g, ' ').trim();
  const shortened = [...trimmed].length > MAX_QUERY_LENGTH;
  const text = shortened ? [...trimmed].slice(0, MAX_QUERY_LENGTH).join('').trim() : trimmed;
  const all = text.match(WORD) ?? [];
  return {
    text,
    words: all.slice(0, MAX_QUERY_WORDS),
    shortened,
    tooManyWords: all.length > MAX_QUERY_WORDS,
  };
}

/** SQLite FTS5: every word quoted and as a prefix, all required ("klimat" finds "klimatanpassning"). */
export function ftsMatch(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(' ');
}

/** PostgreSQL to_tsquery: every word quoted and as a prefix of its stem, all required. */
export function tsQuery(words: readonly string[]): string {
  return words.map((w) => `'${w}':*`).join(' & ');
}

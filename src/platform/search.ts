import { isOneOf } from '../shared/one-of.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from './i18n/locales.ts';

/** The kinds of record the portal search finds, in the order the results show them. */
export const SEARCH_KINDS = [
  'city',
  'meeting',
  'seminar',
  'outcome',
  'decision',
  'collaboration',
  'exchange',
  'news',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const isSearchKind = isOneOf(SEARCH_KINDS);

/** At most this many characters of a query are read; the rest is dropped and the reader told. */
export const MAX_QUERY_LENGTH = 200;

/**
 * One searchable text of a record, as a module hands it to the portal search (decision 021).
 * Who may find it mirrors who may read the record (decision 016): `public` is everyone's;
 * `internal` is Gothenburg's own roles', and the partner contacts' of the cities in
 * `cityIds`.
 */
export interface SearchDocument {
  kind: SearchKind;
  /** The record's id (several documents of one record: one per reader language). */
  id: string;
  /** The reader language this text answers, or null: the same text for every reader. */
  lang: Locale | null;
  /** The language the text is written in (stemming; the hit's `lang` attribute). */
  textLang: Locale;
  title: string;
  /** Everything else worth finding, plain text. */
  body: string;
  visibility: 'public' | 'internal';
  /** The cities party to the record (a partner contact finds their own city's internal records). */
  cityIds: readonly string[];
  /** The record's public page (site path without a language prefix), if it has one. */
  publicPath: string | null;
  /** The record's workspace page, for signed-in readers, if it has one. */
  workspacePath: string | null;
  /** A plain date (YYYY-MM-DD) or an instant to show with the hit; orders equal ranks. */
  date: string | null;
}

/**
 * A module's records for the portal search (decision 021). `all` reads every document; the
 * search module compares them with its index after any write to public data. A source of
 * many records also gives `some`: the documents of the named records only, which the index
 * then rereads when migration 0015's triggers have noted a write to them.
 */
export interface SearchSource {
  /** The kinds this source's documents have. */
  kinds: readonly SearchKind[];
  all: (db: Db) => Promise<readonly SearchDocument[]>;
  some?: (
    db: Db,
    ids: ReadonlyMap<SearchKind, readonly string[]>,
  ) => Promise<readonly SearchDocument[]>;
}

let sources: readonly SearchSource[] = [];

/** The registry hands over every module's search source when it is loaded. */
export function installSearchSources(list: readonly SearchSource[]): void {
  sources = list;
}

/** Every module's search source (the search module reads them). */
export function searchSources(): readonly SearchSource[] {
  return sources;
}

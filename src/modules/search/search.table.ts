import type { Generated } from 'kysely';

/** One searchable text of a record for one reader language (migration 0015, decision 021). */
export interface SearchEntryTable {
  /** kind:record_id:lang */
  key: string;
  kind: string;
  record_id: string;
  /** A reader language, or 'any'. */
  lang: string;
  text_lang: string;
  title: string;
  body: string;
  visibility: string; // public | internal
  /** Space-separated city ids. */
  city_ids: string;
  public_path: string | null;
  workspace_path: string | null;
  sort_date: string | null;
  hash: string;
  /** Filter tokens (search.facets.ts), matched by SQLite's FTS5 together with the words. */
  facets: string;
}

/** The `public` generation the index was last brought up to date with. */
export interface SearchIndexStateTable {
  name: string;
  generation: number | string | bigint;
  refreshed_at: string;
}

/** A record a write touched, noted by migration 0015's triggers for the next refresh. */
export interface SearchDirtyTable {
  seq: Generated<number>;
  kind: string;
  record_id: string;
}

declare module '../../db/database.ts' {
  interface Database {
    search_entry: SearchEntryTable;
    search_index_state: SearchIndexStateTable;
    search_dirty: SearchDirtyTable;
  }
}

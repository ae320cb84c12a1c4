/** News items (migration 0013). Status: draft | scheduled | published | withdrawn. */
export interface NewsItemTable {
  id: string;
  status: string;
  /** When it goes (or went) public, ISO 8601 UTC; set for scheduled and published items. */
  publish_at: string | null;
  /** When it first became public, ISO 8601 UTC. */
  published_at: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One language version of a news item; Swedish (`sv`) is required. */
export interface NewsTranslationTable {
  news_id: string;
  lang: string;
  title: string;
  summary: string | null;
  body_markdown: string;
  /** Sanitised HTML rendered from body_markdown when saved. */
  body_html: string;
  updated_at: string;
}

/** What a news item is about: a city, a meeting or a collaboration (shown on their pages). */
export interface NewsLinkTable {
  news_id: string;
  target_kind: string; // city | meeting | collaboration
  target_id: string;
}

declare module '../../db/database.ts' {
  interface Database {
    news_item: NewsItemTable;
    news_translation: NewsTranslationTable;
    news_link: NewsLinkTable;
  }
}

import type { Executor } from '../../db/database.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import {
  countPublishedNews,
  latestNewsChange,
  listNewsLinks,
  listNewsTranslations,
  listPublishedNewsRows,
} from './news-read.repository.ts';

export type NewsLinkKind = 'city' | 'meeting' | 'collaboration';

export interface NewsVersion {
  lang: Locale;
  title: string;
  summary: string | null;
  bodyMarkdown: string;
  /** Sanitised HTML, safe to insert. */
  bodyHtml: string;
}

/** A published news item with every language version it has (Swedish always among them). */
export interface PublishedNews {
  id: string;
  publishedAt: string;
  updatedAt: string;
  versions: NewsVersion[];
  links: { kind: NewsLinkKind; id: string }[];
}

/**
 * Published news, newest first, with their language versions and links: the one way other
 * modules read news (newsletter digest, overview, open data, search).
 */
export async function listPublishedNews(
  db: Executor,
  options: { since?: string; until?: string; limit?: number; offset?: number } = {},
): Promise<PublishedNews[]> {
  const rows = await listPublishedNewsRows(db, options);
  const { versionsOf, linksOf } = await versionsAndLinks(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    versions: versionsOf(row.id),
    links: linksOf(row.id),
  }));
}

/** The language versions and the links of news items (any status), by the item's id. */
export async function versionsAndLinks(db: Executor, ids: readonly string[]) {
  const [translations, links] = await Promise.all([
    listNewsTranslations(db, ids),
    listNewsLinks(db, ids),
  ]);
  return {
    /** An item's versions, in the order the database lists them. */
    versionsOf: (id: string): NewsVersion[] =>
      translations
        .filter((t) => t.news_id === id)
        .map((t) => ({
          lang: t.lang as Locale,
          title: t.title,
          summary: t.summary,
          bodyMarkdown: t.body_markdown,
          bodyHtml: t.body_html,
        })),
    linksOf: (id: string): PublishedNews['links'] =>
      links
        .filter((l) => l.news_id === id)
        .map((l) => ({ kind: l.target_kind as NewsLinkKind, id: l.target_id })),
  };
}

/** The version in `lang`, or the Swedish one (always present). */
export function newsVersion(news: PublishedNews, lang: Locale): NewsVersion {
  return (
    news.versions.find((v) => v.lang === lang) ??
    news.versions.find((v) => v.lang === 'sv') ??
    news.versions[0]!
  );
}

export { countPublishedNews, latestNewsChange };

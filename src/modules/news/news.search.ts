import type { Db } from '../../db/database.ts';
import { ENABLED_LOCALES } from '../../platform/i18n/locales.ts';
import type { SearchDocument, SearchSource } from '../../platform/search.ts';
import { listPublishedNews, newsVersion, type PublishedNews } from './index.ts';

const BATCH = 200;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The text of the sanitised HTML body: tags dropped, the common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Published news for the portal search (decision 021), read only through the news module's
 * public surface (`listPublishedNews`): one document per reader language, in that language's
 * version or, where the item has none, the Swedish one (as the news pages show it). Drafts,
 * scheduled and withdrawn items are never returned by `listPublishedNews`, so never found.
 */
async function newsDocuments(db: Db): Promise<SearchDocument[]> {
  const items: PublishedNews[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const batch = await listPublishedNews(db.kysely, { limit: BATCH, offset });
    items.push(...batch);
    if (batch.length < BATCH) break;
  }
  return items.flatMap((item) =>
    ENABLED_LOCALES.map((lang): SearchDocument => {
      const version = newsVersion(item, lang);
      return {
        kind: 'news',
        id: item.id,
        lang,
        textLang: version.lang,
        title: version.title,
        body: [version.summary ?? '', htmlText(version.bodyHtml)].filter(Boolean).join('\n'),
        visibility: 'public',
        cityIds: item.links.filter((l) => l.kind === 'city').map((l) => l.id),
        publicPath: `/news/${item.id}`,
        workspacePath: null,
        date: item.publishedAt,
      };
    }),
  );
}

export const newsSearch: SearchSource = { kinds: ['news'], all: newsDocuments };

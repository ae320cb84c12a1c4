import type { Db } from '../../db/database.ts';
import { publicDocuments } from '../../platform/public-documents.ts';
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
  return items.flatMap((item) => {
    const cityIds = item.links.filter((l) => l.kind === 'city').map((l) => l.id);
    const record = { kind: 'news', id: item.id, cityIds, date: item.publishedAt } as const;
    return publicDocuments({ ...record, publicPath: `/news/${item.id}` }, (lang) => {
      const version = newsVersion(item, lang);
      const body = [version.summary ?? '', htmlText(version.bodyHtml)].filter(Boolean);
      return { textLang: version.lang, title: version.title, body: body.join('\n') };
    });
  });
}

export const newsSearch: SearchSource = { kinds: ['news'], all: newsDocuments };

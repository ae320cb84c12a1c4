import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { localizeHtml, localizePath } from '../../platform/i18n/paths.ts';
import type { NewsItem } from './news.service.ts';
import { versionIn } from './news.service.ts';

export type FeedFormat = 'atom' | 'rss';

/** Site-relative links and images of a body made absolute (a feed reader has no base). */
const absolute = (html: string, origin: string, locale: Locale) =>
  localizeHtml(html, locale).replace(/(href|src)="\/(?!\/)/g, `$1="${origin}/`);

/**
 * The Atom or RSS document of the latest published news in a language (the Swedish version
 * where the language has none), with absolute addresses. Deterministic for the same data:
 * its `updated` is the latest change, so the ETag changes only when the news do.
 */
export function newsFeed(
  items: readonly NewsItem[],
  options: { format: FeedFormat; locale: Locale; origin: string; updated: string | null },
): string {
  const { locale, origin } = options;
  const { t } = i18nFor(locale);
  const page = `${origin}${localizePath('/news', locale)}`;
  const self = (format: FeedFormat) =>
    `${origin}/news.${format}${locale === 'sv' ? '' : `?lang=${locale}`}`;
  const feed = new Feed({
    id: page,
    link: page,
    title: t('news.feed.title'),
    description: t('news.lead'),
    language: LOCALES[locale].intl,
    copyright: t('service.owner'),
    updated: new Date(options.updated ?? '2000-01-01T00:00:00.000Z'),
    generator: false,
    feedLinks: { atom: self('atom'), rss: self('rss') },
    author: { name: t('service.owner'), link: `${origin}/` },
  });
  for (const item of items) {
    const v = versionIn(item, locale);
    const link = `${origin}${localizePath(`/news/${item.id}`, locale)}`;
    feed.addItem({
      id: link,
      guid: link,
      link,
      title: v.title,
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt ?? item.updatedAt),
      ...(v.summary ? { description: v.summary } : {}),
      content: absolute(v.bodyHtml, origin, locale),
    });
  }
  return options.format === 'atom' ? feed.atom1() : feed.rss2();
}

/** A strong validator of a feed document. */
export const feedEtag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

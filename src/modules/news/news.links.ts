import type { Db } from '../../db/database.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { getChain, listCities, localized } from '../cities/index.ts';
import { publicCollaborationTitles } from '../collaborations/index.ts';
import { listMeetings } from '../meetings/index.ts';
import type { NewsItem } from './news.service.ts';
import type { LinkedName } from './views/news-public.tsx';

/**
 * The names and addresses of what an item is about, in the reader's language: the news
 * module reads cities, meetings and collaborations through their `index.ts` (they sit
 * below it); they read news through the related-content port (decision 017).
 */
export async function aboutNames(db: Db, item: NewsItem, locale: Locale): Promise<LinkedName[]> {
  const ids = (kind: string) => item.links.filter((l) => l.kind === kind).map((l) => l.id);
  const out: LinkedName[] = [];
  const cityIds = ids('city');
  if (cityIds.length) {
    for (const city of await listCities(db)) {
      if (!cityIds.includes(city.id)) continue;
      const name = localized(city, locale);
      out.push({
        href: `/cities/${city.slug}`,
        name: name.name,
        lang: name.lang === locale ? undefined : name.lang,
      });
    }
  }
  const meetingIds = ids('meeting');
  const chain = meetingIds.length ? await getChain(db) : null;
  if (chain) {
    const { t } = i18nFor(locale);
    for (const m of await listMeetings(db, chain)) {
      if (!meetingIds.includes(m.id)) continue;
      out.push({
        href: `/meetings/${m.id}`,
        name: t('meeting.title', { year: m.year, city: localized(m.host, locale).name }),
      });
    }
  }
  const collaborationIds = ids('collaboration');
  if (collaborationIds.length) {
    for (const c of await publicCollaborationTitles(db.kysely, { ids: collaborationIds })) {
      out.push({
        href: `/collaborations/${c.id}`,
        name: c.title,
        lang: locale === 'sv' ? undefined : 'sv',
      });
    }
  }
  return out;
}

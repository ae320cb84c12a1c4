import { policyNow, type PolicyStatusSourceAt } from '../../platform/workspace-home.ts';
import { formatPlainDate, gothenburgDay } from '../../shared/dates.ts';
import { listPublishedNews, newsVersion } from '../news/index.ts';
import { latestSentAt } from './home.repository.ts';

/** The plain date in Gothenburg of an instant (ISO UTC). */
const dayOf = (iso: string) => gothenburgDay(new Date(iso));

/** After how many days without a published news item P9 asks for attention. */
export const NEWS_QUIET_DAYS = 90;

/**
 * Policy line P9 (decision 028): the office disseminates information: the latest news item
 * and newsletter. Attention: no news published in the last NEWS_QUIET_DAYS days.
 */
export const newsletterHomePolicyAt: PolicyStatusSourceAt = async (db, ctx, now) => {
  const { t } = ctx.i18n;
  const [news, sentAt] = await Promise.all([
    listPublishedNews(db.kysely, { limit: 1 }),
    latestSentAt(db.kysely),
  ]);
  const latest = news[0];
  const quietSince = new Date(now.getTime() - NEWS_QUIET_DAYS * 86_400_000).toISOString();
  const newsText = latest
    ? t('home.newsletter.p9.news', {
        title: newsVersion(latest, ctx.i18n.locale).title,
        date: formatPlainDate(dayOf(latest.publishedAt), ctx.i18n.intl),
      })
    : t('home.newsletter.p9.noNews');
  const letterText = sentAt
    ? t('home.newsletter.p9.letter', { date: formatPlainDate(dayOf(sentAt), ctx.i18n.intl) })
    : t('home.newsletter.p9.noLetter');
  return [
    {
      rule: 'P9',
      state: latest && latest.publishedAt >= quietSince ? 'ok' : 'attention',
      text: `${newsText} ${letterText}`,
      href: '/workspace/news',
    },
  ];
};

/** The newsletter module's line of the policy panel (P9, with the news module's latest item). */
export const newsletterHomePolicy = policyNow(newsletterHomePolicyAt);

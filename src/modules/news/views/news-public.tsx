import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { localePrefix } from '../../../platform/i18n/paths.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { Content, langAttr } from '../../../ui/content.tsx';
import { Form, SelectField, Button, type Option } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import type { PageInfo } from '../../../shared/pagination.ts';
import type { NewsItem } from '../news.service.ts';
import { versionIn } from '../news.service.ts';
import { newsDate } from './news-date.ts';

/** `<link rel="alternate">` to the news feeds in the page's language, for the page's head. */
export function FeedLinks({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx.i18n;
  const prefix = localePrefix(locale);
  const feeds = [
    { type: 'application/atom+xml', file: 'news.atom', title: t('news.feed.atomTitle') },
    { type: 'application/rss+xml', file: 'news.rss', title: t('news.feed.rssTitle') },
  ];
  return (
    <>
      {/* hreflang before href: the address names its language itself (localizeHtml leaves it). */}
      {feeds.map((feed) => (
        <link
          key={feed.file}
          rel="alternate"
          type={feed.type}
          hreflang={locale}
          href={`${prefix}/${feed.file}`}
          title={feed.title}
        />
      ))}
    </>
  );
}

/** One item in a list: its title as a link, the date and the summary. */
function NewsSummary({
  ctx,
  item,
  heading,
}: {
  ctx: PageContext;
  item: NewsItem;
  heading: 'h2' | 'h3';
}) {
  const { locale } = ctx.i18n;
  const v = versionIn(item, locale);
  const lang = langAttr(locale, v.lang);
  const Heading = heading;
  return (
    <article class="news-summary" lang={lang}>
      <Heading>
        <a href={`/news/${item.id}`}>{v.title}</a>
      </Heading>
      {item.publishedAt ? (
        <p class="meta">
          <time datetime={item.publishedAt} lang={lang ? locale : undefined}>
            {newsDate(item.publishedAt, ctx.i18n.intl)}
          </time>
        </p>
      ) : null}
      {v.summary ? <p>{v.summary}</p> : null}
    </article>
  );
}

export interface NewsListFilters {
  city: string;
  year: string;
}

export function NewsListPage({
  ctx,
  items,
  info,
  filters,
  cities,
  years,
}: {
  ctx: PageContext;
  items: NewsItem[];
  info: PageInfo;
  filters: NewsListFilters;
  cities: Option[];
  years: number[];
}) {
  const { t } = ctx.i18n;
  const query = new URLSearchParams();
  if (filters.city) query.set('city', filters.city);
  if (filters.year) query.set('year', filters.year);
  return (
    <TitledPage ctx={ctx} messages="news" section="news" head={<FeedLinks ctx={ctx} />}>
      <div role="search" aria-label={t('news.filter.label')}>
        <Form ctx={ctx} method="get" action="/news" class="panel news-filter" values={filters}>
          <SelectField
            name="city"
            label={t('news.filter.city')}
            options={[{ value: '', label: t('news.filter.allCities') }, ...cities]}
          />
          <SelectField
            name="year"
            label={t('news.filter.year')}
            width="short"
            options={[
              { value: '', label: t('news.filter.allYears') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
          <Button variant="secondary">{t('news.filter.submit')}</Button>
        </Form>
      </div>
      {items.length === 0 ? (
        <p>{t('news.none')}</p>
      ) : (
        <div class="news-list">
          {items.map((item) => (
            <NewsSummary key={item.id} ctx={ctx} item={item} heading="h2" />
          ))}
        </div>
      )}
      <Pagination i18n={ctx.i18n} info={info} baseQuery={query} />
      <p class="news-feeds">
        {t('news.feed.intro')} <a href="/news.atom">{t('news.feed.atom')}</a>
        {' · '}
        <a href="/news.rss">{t('news.feed.rss')}</a>
      </p>
    </TitledPage>
  );
}

export interface LinkedName {
  href: string;
  name: string;
  lang?: Locale | undefined;
}

/** One news item as visitors read it (also the coordinators' preview, with `preview`). */
export function NewsItemPage({
  ctx,
  item,
  about,
  preview,
}: {
  ctx: PageContext;
  item: NewsItem;
  about: LinkedName[];
  preview?: ComponentChildren;
}) {
  const { t, locale } = ctx.i18n;
  const v = versionIn(item, locale);
  const lang = langAttr(locale, v.lang);
  return (
    <Layout ctx={ctx} title={v.title} section="news" head={<FeedLinks ctx={ctx} />}>
      {preview}
      <p class="breadcrumb">
        <a href="/news">{t('news.back')}</a>
      </p>
      <article class="news-item">
        <Content locale={locale} lang={v.lang} as="h1">
          {v.title}
        </Content>
        {item.publishedAt ? (
          <p class="meta">
            {t('news.published')}{' '}
            <time datetime={item.publishedAt}>{newsDate(item.publishedAt, ctx.i18n.intl)}</time>
          </p>
        ) : null}
        {lang ? <p class="note">{t('news.onlySwedish')}</p> : null}
        {v.summary ? (
          <Content locale={locale} lang={v.lang} as="p" class="lead">
            {v.summary}
          </Content>
        ) : null}
        <div class="news-body" lang={lang} dangerouslySetInnerHTML={{ __html: v.bodyHtml }} />
      </article>
      {about.length > 0 ? (
        <section aria-labelledby="news-about" class="news-about">
          <h2 id="news-about">{t('news.about')}</h2>
          <ul>
            {about.map((a) => (
              <li key={a.href}>
                <a href={a.href} lang={a.lang}>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** News on another page: a section with its heading, each item's summary, then `children`. */
function NewsSection(props: {
  ctx: PageContext;
  id: string;
  title: string;
  items: NewsItem[];
  children?: ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id} class="linked-news">
      <h2 id={props.id}>{props.title}</h2>
      {props.items.map((item) => (
        <NewsSummary key={item.id} ctx={props.ctx} item={item} heading="h3" />
      ))}
      {props.children}
    </section>
  );
}

/** The news linked to a city, meeting or collaboration, on that page (the related-content port). */
export function LinkedNews({ ctx, items }: { ctx: PageContext; items: NewsItem[] }) {
  return (
    <NewsSection ctx={ctx} id="linked-news" title={ctx.i18n.t('news.linked.title')} items={items} />
  );
}

/** The newest news on the start page (the related-content port), with a link to all of them. */
export function LatestNews({ ctx, items }: { ctx: PageContext; items: NewsItem[] }) {
  const { t } = ctx.i18n;
  return (
    <NewsSection ctx={ctx} id="latest-news" title={t('news.latest.title')} items={items}>
      <p>
        <a href="/news">{t('news.latest.all')}</a>
      </p>
    </NewsSection>
  );
}

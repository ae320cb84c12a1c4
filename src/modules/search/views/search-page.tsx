import type { PageContext } from '../../../platform/page-context.ts';
import { MAX_QUERY_LENGTH, SEARCH_KINDS, type SearchKind } from '../../../platform/search.ts';
import { formatPlainDate, isPlainDate } from '../../../shared/dates.ts';
import { pageInfo } from '../../../shared/pagination.ts';
import { langAttr } from '../../../ui/content.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { SearchBox } from '../../../ui/search-box.tsx';
import type { Part } from '../search.highlight.ts';
import { MAX_QUERY_WORDS } from '../search.query.ts';
import {
  HITS_PER_PAGE,
  type SearchGroup,
  type SearchHit,
  type SearchResult,
} from '../search.service.ts';

/** Text with its matching words in `<mark>` (Preact escapes every part). */
function Marked({ parts }: { parts: readonly Part[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

const searchHref = (text: string, kind?: SearchKind | null) => {
  const q = new URLSearchParams({ q: text });
  if (kind) q.set('kind', kind);
  return `/search?${q.toString()}`;
};

function Hit({ ctx, hit }: { ctx: PageContext; hit: SearchHit }) {
  const { t, locale } = ctx.i18n;
  const lang = langAttr(locale, hit.lang);
  const date = hit.date
    ? isPlainDate(hit.date.slice(0, 10))
      ? formatPlainDate(hit.date.slice(0, 10), locale)
      : null
    : null;
  return (
    <li class="search-hit">
      <h3 class="search-hit-title" lang={lang}>
        {hit.href ? (
          <a href={hit.href}>
            <Marked parts={hit.title} />
          </a>
        ) : (
          <Marked parts={hit.title} />
        )}
      </h3>
      {date || hit.internal ? (
        <p class="search-hit-meta">
          {date ? <time datetime={hit.date!.slice(0, 10)}>{date}</time> : null}
          {hit.internal ? <span class="tag">{t('search.internal')}</span> : null}
        </p>
      ) : null}
      {hit.snippet.length > 0 ? (
        <p class="search-hit-snippet" lang={lang}>
          <Marked parts={hit.snippet} />
        </p>
      ) : null}
    </li>
  );
}

function Group({
  ctx,
  group,
  result,
}: {
  ctx: PageContext;
  group: SearchGroup;
  result: SearchResult;
}) {
  const { t } = ctx.i18n;
  const kindName = t(`search.kind.${group.kind}`);
  const headingId = `search-${group.kind}-heading`;
  return (
    <section class="search-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('search.group.heading', { kind: kindName, count: group.total })}</h2>
      <ol class="search-hits">
        {group.hits.map((hit) => (
          <Hit key={`${hit.kind}:${hit.id}`} ctx={ctx} hit={hit} />
        ))}
      </ol>
      {!result.kind && group.total > group.hits.length ? (
        <p class="search-more">
          <a href={searchHref(result.query.text, group.kind)}>
            {t('search.group.more', { kind: kindName, count: group.total })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The search page: the form, what was searched, the kinds with their counts, the hits. */
export function SearchPage({
  ctx,
  result,
  unknownKind,
}: {
  ctx: PageContext;
  result: SearchResult;
  unknownKind: boolean;
}) {
  const { t } = ctx.i18n;
  const { query } = result;
  const typed = query.text !== '';
  const notices = [
    ...(unknownKind ? [t('search.unknownKind')] : []),
    ...(query.shortened ? [t('search.shortened', { max: MAX_QUERY_LENGTH })] : []),
    ...(query.tooManyWords ? [t('search.tooManyWords', { max: MAX_QUERY_WORDS })] : []),
    ...(typed && query.words.length === 0 ? [t('search.noWords')] : []),
  ];
  const title =
    result.searched && result.total > 0
      ? `${t('search.summary', { count: result.total, query: query.text })} – ${t('search.title')}`
      : t('search.title');
  const kindGroup = result.kind ? result.groups[0] : undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{t('search.title')}</h1>
      <p class="lead">{t('search.lead')}</p>
      {ctx.user ? <p>{t('search.leadSignedIn')}</p> : null}
      <form class="search-form" method="get" action="/search" role="search">
        <div class="field">
          <label for="search-q">{t('search.field.label')}</label>
          <p class="hint" id="search-q-hint">
            {t('search.field.hint')}
          </p>
          <SearchBox
            class="input input-full"
            id="search-q"
            value={query.text}
            describedBy="search-q-hint"
          />
        </div>
        <div class="field">
          <label for="search-kind">{t('search.kind.label')}</label>
          <select class="input input-medium" id="search-kind" name="kind">
            <option value="" selected={!result.kind}>
              {t('search.kind.all')}
            </option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k} selected={result.kind === k}>
                {t(`search.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-primary">
          {t('search.submit')}
        </button>
      </form>

      {notices.length > 0 ? (
        <div class="search-notice" role="status">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}

      {!typed ? <p>{t('search.start')}</p> : null}

      {result.searched ? (
        <>
          <p class="search-summary" role="status">
            {result.total > 0
              ? t('search.summary', { count: result.total, query: query.text })
              : t('search.noResults', { query: query.text })}
          </p>
          {result.total > 0 ? (
            <nav class="search-kinds" aria-label={t('search.filter.label')}>
              <ul>
                <li>
                  <a href={searchHref(query.text)} aria-current={result.kind ? undefined : 'page'}>
                    {t('search.filter.item', { kind: t('search.kind.all'), count: result.total })}
                  </a>
                </li>
                {result.counts
                  .filter((c) => c.total > 0 || c.kind === result.kind)
                  .map((c) => (
                    <li key={c.kind}>
                      <a
                        href={searchHref(query.text, c.kind)}
                        aria-current={result.kind === c.kind ? 'page' : undefined}
                      >
                        {t('search.filter.item', {
                          kind: t(`search.kind.${c.kind}`),
                          count: c.total,
                        })}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          ) : null}
          {result.total === 0 || (kindGroup && kindGroup.total === 0) ? (
            <div class="search-empty">
              {result.total > 0 ? <p>{t('search.noResults', { query: query.text })}</p> : null}
              <p>{t('search.noResults.help')}</p>
              {result.kind ? (
                <p>
                  <a href={searchHref(query.text)}>{t('search.noResults.allKinds')}</a>
                </p>
              ) : null}
            </div>
          ) : null}
          {result.groups
            .filter((g) => g.hits.length > 0)
            .map((g) => (
              <Group key={g.kind} ctx={ctx} group={g} result={result} />
            ))}
          {kindGroup && kindGroup.total > HITS_PER_PAGE ? (
            <Pagination
              i18n={ctx.i18n}
              info={pageInfo(
                {
                  page: result.page,
                  size: HITS_PER_PAGE,
                  limit: HITS_PER_PAGE,
                  offset: (result.page - 1) * HITS_PER_PAGE,
                },
                kindGroup.total,
                kindGroup.hits.length,
              )}
              baseQuery={new URLSearchParams({ q: query.text, kind: kindGroup.kind })}
            />
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}

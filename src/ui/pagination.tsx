import type { I18n } from '../platform/i18n/i18n.ts';
import type { PageInfo } from '../shared/pagination.ts';

/** Previous/next links that keep the other query parameters. */
export function Pagination({
  i18n,
  info,
  baseQuery,
}: {
  i18n: I18n;
  info: PageInfo;
  baseQuery: URLSearchParams;
}) {
  const link = (page: number) => {
    const q = new URLSearchParams(baseQuery);
    q.set('page', String(page));
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label={i18n.t('pagination.label')}>
      <p>{i18n.t('pagination.status', { from: info.from, to: info.to, total: info.total })}</p>
      {info.pages > 1 ? (
        <ul class="pagination">
          {info.page > 1 ? (
            <li>
              <a href={link(info.page - 1)} rel="prev">
                {i18n.t('pagination.previous')}
              </a>
            </li>
          ) : null}
          {info.page < info.pages ? (
            <li>
              <a href={link(info.page + 1)} rel="next">
                {i18n.t('pagination.next')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}

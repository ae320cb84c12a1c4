import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { Content } from '../../../ui/content.tsx';
import { filterQuery } from '../collaboration.filters.ts';
import type { Collaboration } from '../collaboration.service.ts';
import type { Exchange } from '../exchange.service.ts';
import { FilterForm, type ListProps } from './parts.tsx';
import { CollaborationFacts, CollaborationTable } from './collaboration-pages.tsx';

export function PublicCollaborationsPage(props: ListProps & { collaborations: Collaboration[] }) {
  const { ctx, filters, choices, collaborations, cityNames, info } = props;
  const { t } = ctx.i18n;
  const query = filterQuery(filters);
  return (
    <TitledPage
      ctx={ctx}
      title={t('collab.public.title')}
      section="collaborations"
      lead={t('collab.public.lead')}
    >
      {ctx.user ? (
        <p>
          <a href="/workspace/collaborations">{t('collab.public.workspaceLink')}</a>
        </p>
      ) : null}
      <FilterForm ctx={ctx} action="/collaborations" filters={filters} choices={choices} />
      <CollaborationTable
        ctx={ctx}
        collaborations={collaborations}
        cityNames={cityNames}
        base="/collaborations"
      />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams(query)} />
      <p>
        <a href={`/api/v1/collaborations.csv${query ? `?${query}` : ''}`}>
          {t('collab.public.apiLink')}
        </a>
      </p>
    </TitledPage>
  );
}

export function PublicCollaborationPage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  exchanges: Exchange[];
  cityNames: Map<string, string>;
  /** Sections other modules add about the collaboration (linked news), through the related-content port. */
  related?: ComponentChildren;
}) {
  const { ctx, collaboration: c, exchanges, cityNames } = props;
  const { t, intl, locale } = ctx.i18n;
  return (
    <TitledPage
      ctx={ctx}
      title={c.title}
      titleIn="sv"
      section="collaborations"
      back={{ href: '/collaborations', label: t('collab.public.back') }}
    >
      <CollaborationFacts ctx={ctx} c={c} cityNames={cityNames} internal={false} />
      {exchanges.length ? (
        <>
          <h2>{t('collab.public.exchanges')}</h2>
          <ul>
            {exchanges.map((e) => (
              <li key={e.id}>
                <strong>{formatPlainDate(e.occurredOn, intl)}</strong>:{' '}
                <Content locale={locale}>
                  {e.activities}
                  {e.learnings ? ` ${e.learnings}` : ''}
                </Content>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.related}
    </TitledPage>
  );
}

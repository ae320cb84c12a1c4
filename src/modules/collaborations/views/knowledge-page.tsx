import type { PageContext } from '../../../platform/page-context.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { filterQuery, type CollaborationFilters } from '../collaboration.filters.ts';
import type { KnowledgeResult } from '../knowledge.ts';
import { type Choices, FilterForm, Highlighted } from './parts.tsx';

/** The knowledge bank: what collaborations and exchanges learned, searched in full text. */
export function KnowledgePage(props: {
  ctx: PageContext;
  filters: CollaborationFilters;
  choices: Choices;
  result: KnowledgeResult;
  info: PageInfo;
}) {
  const { ctx, filters, choices, result, info } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.knowledge.title')}>
      <h1>{t('collab.knowledge.title')}</h1>
      <p class="lead">{t('collab.knowledge.lead')}</p>
      <FilterForm
        ctx={ctx}
        action="/workspace/knowledge"
        filters={filters}
        choices={choices}
        withText
        withStatus={false}
      />
      {result.hits.length === 0 ? (
        <p>{t('collab.knowledge.none')}</p>
      ) : (
        <ol class="card-list">
          {result.hits.map((h) => (
            <li key={h.id} class="card">
              <p class="card-title">
                <a
                  href={`/workspace/${h.entity === 'collaboration' ? 'collaborations' : 'exchanges'}/${h.id}`}
                >
                  <Highlighted text={h.title} />
                </a>
              </p>
              <p class="card-meta">
                {t(`collab.entity.${h.entity as 'exchange'}`)} · {h.organisationName} · {h.year}
              </p>
              <p>
                <Highlighted text={h.snippet} />
              </p>
              {h.areas || h.goals ? (
                <dl class="card-labels">
                  {h.areas ? (
                    <div>
                      <dt>{t('collab.field.areas')}</dt>
                      <dd>{h.areas}</dd>
                    </div>
                  ) : null}
                  {h.goals ? (
                    <div>
                      <dt>{t('collab.field.strategyTags')}</dt>
                      <dd>{h.goals}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        i18n={ctx.i18n}
        info={info}
        baseQuery={new URLSearchParams(filterQuery(filters))}
      />
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { filterQuery, type CollaborationFilters } from '../collaboration.filters.ts';
import type { KnowledgeResult } from '../knowledge.ts';
import { type Choices, FilterForm, Highlighted } from './parts.tsx';

/** A hit's areas and goals (strategy tags), those it has, as labels (nothing without any). */
function HitLabels({ ctx, hit }: { ctx: PageContext; hit: KnowledgeResult['hits'][number] }) {
  const { t } = ctx.i18n;
  const labels = [
    { term: t('collab.field.areas'), value: hit.areas },
    { term: t('collab.field.strategyTags'), value: hit.goals },
  ].filter((label) => label.value);
  if (labels.length === 0) return null;
  return (
    <dl class="card-labels">
      {labels.map((label) => (
        <div key={label.term}>
          <dt>{label.term}</dt>
          <dd>{label.value}</dd>
        </div>
      ))}
    </dl>
  );
}

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
    <TitledPage ctx={ctx} title={t('collab.knowledge.title')} lead={t('collab.knowledge.lead')}>
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
              <HitLabels ctx={ctx} hit={h} />
            </li>
          ))}
        </ol>
      )}
      <Pagination
        i18n={ctx.i18n}
        info={info}
        baseQuery={new URLSearchParams(filterQuery(filters))}
      />
    </TitledPage>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { RadioGroup, TextArea } from '../../decisions/index.ts';
import type { Area } from '../area.service.ts';
import {
  COLLABORATION_KINDS,
  COLLABORATION_STATUSES,
  filterQuery,
  type CollaborationFilters,
} from '../collaboration.filters.ts';
import { VISIBILITIES } from '../collaboration.helpers.ts';
import type { Collaboration } from '../collaboration.service.ts';
import { FUNDING_KINDS } from '../collaboration.validation.ts';
import { DIRECTIONS, type Exchange } from '../exchange.service.ts';
import type { KnowledgeResult } from '../knowledge.ts';
import {
  areaName,
  type Choice,
  type Choices,
  FilterForm,
  Highlighted,
  period,
  ReviewTag,
} from './parts.tsx';

type ReviewEvent = {
  id: string;
  action: string;
  comment: string | null;
  created_at: string;
  actor_name: string | null;
};

function WorkspaceNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const coordinator = ctx.user?.roles.some((g) => g.role === 'coordinator');
  return (
    <nav aria-label={t('collab.nav.label')} class="breadcrumb">
      <a href="/workspace/collaborations">{t('collab.nav.collaborations')}</a> ·{' '}
      <a href="/workspace/exchanges">{t('collab.nav.exchanges')}</a> ·{' '}
      <a href="/workspace/knowledge">{t('collab.nav.knowledge')}</a>
      {coordinator ? (
        <>
          {' '}
          · <a href="/workspace/review">{t('collab.nav.review')}</a> ·{' '}
          <a href="/workspace/areas">{t('collab.nav.areas')}</a>
        </>
      ) : null}
    </nav>
  );
}

export function CollaborationsPage(props: {
  ctx: PageContext;
  filters: CollaborationFilters;
  choices: Choices;
  collaborations: Collaboration[];
  cityNames: Map<string, string>;
  info: PageInfo;
  canReport: boolean;
}) {
  const { ctx, filters, choices, collaborations, cityNames, info, canReport } = props;
  const { t } = ctx.i18n;
  const query = filterQuery(filters);
  return (
    <Layout ctx={ctx} title={t('collab.list.title')}>
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.list.title')}</h1>
      <p class="lead">{t('collab.list.lead')}</p>
      {canReport ? (
        <p>
          <a class="button" href="/workspace/collaborations/new">
            {t('collab.list.new')}
          </a>
        </p>
      ) : null}
      <FilterForm
        i18n={ctx.i18n}
        action="/workspace/collaborations"
        filters={filters}
        choices={choices}
      />
      <p>
        {t('collab.list.export')}{' '}
        <a href={`/workspace/collaborations/export.xlsx${query ? `?${query}` : ''}`}>Excel</a> ·{' '}
        <a href={`/workspace/collaborations/export.csv${query ? `?${query}` : ''}`}>CSV</a>
      </p>
      <CollaborationTable ctx={ctx} collaborations={collaborations} cityNames={cityNames} review />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams(query)} />
    </Layout>
  );
}

export function CollaborationTable({
  ctx,
  collaborations,
  cityNames,
  review = false,
  base = '/workspace/collaborations',
}: {
  ctx: PageContext;
  collaborations: Collaboration[];
  cityNames: Map<string, string>;
  review?: boolean;
  base?: string;
}) {
  const { t } = ctx.i18n;
  if (collaborations.length === 0) return <p>{t('collab.list.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('collab.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collab.field.title')}</th>
            <th scope="col">{t('collab.field.organisation')}</th>
            <th scope="col">{t('collab.field.cities')}</th>
            <th scope="col">{t('collab.field.period')}</th>
            <th scope="col">{t('collab.field.status')}</th>
            {review ? <th scope="col">{t('collab.field.review')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {collaborations.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`${base}/${c.id}`}>{c.title}</a>
              </th>
              <td>{c.organisation.name}</td>
              <td>{c.cities.map((x) => cityNames.get(x.slug) ?? x.slug).join(', ')}</td>
              <td>{period(ctx.i18n, c.startsOn, c.endsOn)}</td>
              <td>{t(`collab.status.${c.status}`)}</td>
              {review ? (
                <td>
                  <ReviewTag i18n={ctx.i18n} state={c.review.state} />
                  {c.review.state === 'returned' && c.review.comment ? (
                    <p class="hint">{c.review.comment}</p>
                  ) : null}
                  {c.visibility === 'internal' ? (
                    <>
                      {' '}
                      <span class="tag">{t('collab.visibility.internal')}</span>
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface CollaborationValues {
  organisation: string;
  title: string;
  cities: string[];
  areas: string[];
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string;
  goals: string;
  results: string;
  contactName: string;
  contactEmail: string;
  fundingKind: string;
  fundingProgramme: string;
  fundingAmount: string;
  strategyTags: string;
  visibility: string;
}

export function CollaborationFormPage(props: {
  ctx: PageContext;
  action: string;
  editing: boolean;
  values: CollaborationValues;
  errors?: FieldErrors;
  organisations: Choice[];
  cities: Choice[];
  areas: readonly Area[];
}) {
  const { ctx, action, editing, values, errors = {}, organisations, cities, areas } = props;
  const { t } = ctx.i18n;
  const title = editing ? t('collab.form.editTitle') : t('collab.form.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <WorkspaceNav ctx={ctx} />
      <h1>{title}</h1>
      <p class="lead">{t('collab.form.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="organisation"
          label={t('collab.field.organisation')}
          options={
            organisations.length === 1
              ? organisations
              : [{ value: '', label: t('collab.form.choose') }, ...organisations]
          }
          value={values.organisation}
          error={errors.organisation}
        />
        <TextField
          name="title"
          label={t('collab.field.title')}
          value={values.title}
          error={errors.title}
          width="full"
        />
        <CheckboxGroup
          name="cities"
          legend={t('collab.field.cities')}
          options={cities}
          values={values.cities}
          error={errors.cities}
        />
        <CheckboxGroup
          name="areas"
          legend={t('collab.field.areas')}
          options={areas
            .filter((a) => a.active || values.areas.includes(a.slug))
            .map((a) => ({ value: a.slug, label: areaName(ctx.i18n, a) }))}
          values={values.areas}
          error={errors.areas}
        />
        <SelectField
          name="kind"
          label={t('collab.field.kind')}
          options={[
            { value: '', label: t('collab.form.choose') },
            ...COLLABORATION_KINDS.map((k) => ({ value: k, label: t(`collab.kind.${k}`) })),
          ]}
          value={values.kind}
          error={errors.kind}
        />
        <SelectField
          name="status"
          label={t('collab.field.status')}
          options={[
            { value: '', label: t('collab.form.choose') },
            ...COLLABORATION_STATUSES.map((s) => ({ value: s, label: t(`collab.status.${s}`) })),
          ]}
          value={values.status}
          error={errors.status}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('collab.field.startsOn')}
          hint={t('collab.form.dateHint')}
          value={values.startsOn}
          error={errors.startsOn}
          width="short"
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('collab.field.endsOn')}
          hint={t('collab.form.endHint')}
          value={values.endsOn}
          error={errors.endsOn}
          width="short"
        />
        <TextArea
          name="goals"
          label={t('collab.field.goals')}
          value={values.goals}
          error={errors.goals}
        />
        <TextArea
          name="results"
          label={t('collab.field.results')}
          value={values.results}
          error={errors.results}
        />
        <TextField
          name="contactName"
          label={t('collab.field.contactName')}
          value={values.contactName}
          error={errors.contactName}
          autocomplete="off"
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t('collab.field.contactEmail')}
          value={values.contactEmail}
          error={errors.contactEmail}
          autocomplete="off"
        />
        <SelectField
          name="fundingKind"
          label={t('collab.field.fundingKind')}
          options={[
            { value: '', label: t('collab.funding.none') },
            ...FUNDING_KINDS.map((k) => ({ value: k, label: t(`collab.funding.${k}`) })),
          ]}
          value={values.fundingKind}
          error={errors.fundingKind}
        />
        <TextField
          name="fundingProgramme"
          label={t('collab.field.fundingProgramme')}
          value={values.fundingProgramme}
          error={errors.fundingProgramme}
        />
        <TextField
          name="fundingAmount"
          label={t('collab.field.fundingAmount')}
          hint={t('collab.form.amountHint')}
          value={values.fundingAmount}
          error={errors.fundingAmount}
          width="short"
        />
        <TextField
          name="strategyTags"
          label={t('collab.field.strategyTags')}
          hint={t('collab.form.tagsHint')}
          value={values.strategyTags}
          error={errors.strategyTags}
          width="full"
        />
        <RadioGroup
          name="visibility"
          legend={t('collab.field.visibility')}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`collab.visibility.${v}`) }))}
          value={values.visibility}
          error={errors.visibility}
        />
        <Button>{t('collab.form.save')}</Button>
      </form>
    </Layout>
  );
}

function ReviewStatus({
  ctx,
  state,
  comment,
  history,
}: {
  ctx: PageContext;
  state: string;
  comment: string | null;
  history: ReviewEvent[];
}) {
  const { t, intl } = ctx.i18n;
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('collab.detail.reviewTitle')}</h2>
      <p>
        {t('collab.field.review')}: <ReviewTag i18n={ctx.i18n} state={state} />
      </p>
      {state === 'returned' && comment ? (
        <p class="panel panel-highlight">
          <strong>{t('collab.detail.returnedComment')}</strong> {comment}
        </p>
      ) : null}
      {history.length ? (
        <ol>
          {history.map((e) => (
            <li key={e.id}>
              {formatInstant(e.created_at, intl)}: {t(`collab.event.${e.action as 'submitted'}`)}
              {e.actor_name ? ` (${e.actor_name})` : ''}
              {e.comment ? ` – ${e.comment}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function ReviewForm({
  ctx,
  action,
  values,
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  values?: { decision: string; comment: string } | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="review-form-title">
      <h2 id="review-form-title">{t('collab.reviewForm.title')}</h2>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          name="decision"
          legend={t('collab.reviewForm.decision')}
          options={[
            { value: 'acknowledge', label: t('collab.reviewForm.acknowledge') },
            { value: 'return', label: t('collab.reviewForm.return') },
          ]}
          value={values?.decision}
          error={errors.decision}
        />
        <TextArea
          name="comment"
          label={t('collab.field.comment')}
          hint={t('collab.reviewForm.commentHint')}
          value={values?.comment}
          error={errors.comment}
          rows={4}
        />
        <Button>{t('collab.reviewForm.submit')}</Button>
      </form>
    </section>
  );
}

export function CollaborationDetailPage(props: {
  ctx: PageContext;
  collaboration: Collaboration;
  exchanges: Exchange[];
  cityNames: Map<string, string>;
  history: ReviewEvent[];
  canChange: boolean;
  canReview: boolean;
  review?: { values: { decision: string; comment: string }; errors: FieldErrors } | undefined;
}) {
  const { ctx, collaboration: c, exchanges, cityNames, history, canChange, canReview } = props;
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={c.title}>
      <WorkspaceNav ctx={ctx} />
      <h1>{c.title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={props.review?.errors ?? {}} />
      {canChange ? (
        <p>
          <a class="button button-secondary" href={`/workspace/collaborations/${c.id}/edit`}>
            {t('collab.detail.edit')}
          </a>
        </p>
      ) : (
        <p class="hint">{t('collab.detail.readOnly')}</p>
      )}
      <ReviewStatus ctx={ctx} state={c.review.state} comment={c.review.comment} history={history} />
      {canReview && c.review.state === 'submitted' ? (
        <ReviewForm
          ctx={ctx}
          action={`/workspace/collaborations/${c.id}/review`}
          values={props.review?.values}
          errors={props.review?.errors}
        />
      ) : null}
      <CollaborationFacts ctx={ctx} c={c} cityNames={cityNames} internal />
      <h2>{t('collab.detail.exchanges')}</h2>
      {exchanges.length === 0 ? (
        <p>{t('collab.exchanges.none')}</p>
      ) : (
        <ul>
          {exchanges.map((e) => (
            <li key={e.id}>
              <a href={`/workspace/exchanges/${e.id}`}>
                {formatPlainDate(e.occurredOn, intl)}: {e.activities.slice(0, 120)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The facts of a collaboration; `internal` adds contact and review details. */
export function CollaborationFacts({
  ctx,
  c,
  cityNames,
  internal,
}: {
  ctx: PageContext;
  c: Collaboration;
  cityNames: Map<string, string>;
  internal: boolean;
}) {
  const { t } = ctx.i18n;
  return (
    <dl class="facts">
      <dt>{t('collab.field.organisation')}</dt>
      <dd>{c.organisation.name}</dd>
      <dt>{t('collab.field.cities')}</dt>
      <dd>{c.cities.map((x) => cityNames.get(x.slug) ?? x.slug).join(', ')}</dd>
      <dt>{t('collab.field.areas')}</dt>
      <dd>{c.areas.map((a) => areaName(ctx.i18n, a)).join(', ')}</dd>
      <dt>{t('collab.field.kind')}</dt>
      <dd>{t(`collab.kind.${c.kind}`)}</dd>
      <dt>{t('collab.field.period')}</dt>
      <dd>{period(ctx.i18n, c.startsOn, c.endsOn)}</dd>
      <dt>{t('collab.field.status')}</dt>
      <dd>{t(`collab.status.${c.status}`)}</dd>
      <dt>{t('collab.field.goals')}</dt>
      <dd>{c.goals ?? '–'}</dd>
      <dt>{t('collab.field.results')}</dt>
      <dd>{c.results ?? '–'}</dd>
      {internal ? (
        <>
          <dt>{t('collab.field.contactName')}</dt>
          <dd>
            {c.contactName ?? '–'}
            {c.contactEmail ? (
              <>
                {' '}
                (<a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a>)
              </>
            ) : null}
          </dd>
          <dt>{t('collab.field.visibility')}</dt>
          <dd>{t(`collab.visibility.${c.visibility}`)}</dd>
        </>
      ) : null}
      <dt>{t('collab.field.fundingKind')}</dt>
      <dd>
        {c.funding.kind
          ? t(`collab.funding.${c.funding.kind as 'other'}`)
          : t('collab.funding.none')}
        {c.funding.programme ? `, ${c.funding.programme}` : ''}
        {c.funding.amount !== null
          ? `, ${t('collab.amount', { amount: ctx.i18n.formatNumber(c.funding.amount) })}`
          : ''}
      </dd>
      <dt>{t('collab.field.strategyTags')}</dt>
      <dd>{c.strategyTags.join(', ') || '–'}</dd>
    </dl>
  );
}

export function ExchangesPage(props: {
  ctx: PageContext;
  filters: CollaborationFilters;
  choices: Choices;
  exchanges: Exchange[];
  cityNames: Map<string, string>;
  info: PageInfo;
  canReport: boolean;
}) {
  const { ctx, filters, choices, exchanges, cityNames, info, canReport } = props;
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.exchanges.title')}>
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.exchanges.title')}</h1>
      <p class="lead">{t('collab.exchanges.lead')}</p>
      {canReport ? (
        <p>
          <a class="button" href="/workspace/exchanges/new">
            {t('collab.exchanges.new')}
          </a>
        </p>
      ) : null}
      <FilterForm
        i18n={ctx.i18n}
        action="/workspace/exchanges"
        filters={filters}
        choices={choices}
        withStatus={false}
        withArea={false}
      />
      {exchanges.length === 0 ? (
        <p>{t('collab.exchanges.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('collab.exchanges.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('collab.field.activities')}</th>
                <th scope="col">{t('collab.field.occurredOn')}</th>
                <th scope="col">{t('collab.field.city')}</th>
                <th scope="col">{t('collab.field.organisation')}</th>
                <th scope="col">{t('collab.field.review')}</th>
              </tr>
            </thead>
            <tbody>
              {exchanges.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={`/workspace/exchanges/${e.id}`}>{e.activities.slice(0, 100)}</a>
                  </th>
                  <td>{formatPlainDate(e.occurredOn, intl)}</td>
                  <td>{cityNames.get(e.city.slug) ?? e.city.slug}</td>
                  <td>{e.organisation.name}</td>
                  <td>
                    <ReviewTag i18n={ctx.i18n} state={e.review.state} />
                    {e.review.state === 'returned' && e.review.comment ? (
                      <p class="hint">{e.review.comment}</p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        i18n={ctx.i18n}
        info={info}
        baseQuery={new URLSearchParams(filterQuery(filters))}
      />
    </Layout>
  );
}

export interface ExchangeValues {
  organisation: string;
  city: string;
  occurredOn: string;
  direction: string;
  participants: string;
  activities: string;
  learnings: string;
  collaboration: string;
  visibility: string;
}

export function ExchangeFormPage(props: {
  ctx: PageContext;
  action: string;
  editing: boolean;
  values: ExchangeValues;
  errors?: FieldErrors;
  organisations: Choice[];
  cities: Choice[];
  collaborations: Choice[];
}) {
  const {
    ctx,
    action,
    editing,
    values,
    errors = {},
    organisations,
    cities,
    collaborations,
  } = props;
  const { t } = ctx.i18n;
  const title = editing ? t('collab.exchangeForm.editTitle') : t('collab.exchangeForm.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <WorkspaceNav ctx={ctx} />
      <h1>{title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="organisation"
          label={t('collab.field.organisation')}
          options={
            organisations.length === 1
              ? organisations
              : [{ value: '', label: t('collab.form.choose') }, ...organisations]
          }
          value={values.organisation}
          error={errors.organisation}
        />
        <TextField
          name="occurredOn"
          type="date"
          label={t('collab.field.occurredOn')}
          hint={t('collab.form.dateHint')}
          value={values.occurredOn}
          error={errors.occurredOn}
          width="short"
        />
        <SelectField
          name="city"
          label={t('collab.field.city')}
          options={[{ value: '', label: t('collab.form.choose') }, ...cities]}
          value={values.city}
          error={errors.city}
        />
        <RadioGroup
          name="direction"
          legend={t('collab.field.direction')}
          options={DIRECTIONS.map((d) => ({ value: d, label: t(`collab.direction.${d}`) }))}
          value={values.direction}
          error={errors.direction}
        />
        <TextField
          name="participants"
          label={t('collab.field.participants')}
          hint={t('collab.exchangeForm.participantsHint')}
          value={values.participants}
          error={errors.participants}
          width="short"
        />
        <TextArea
          name="activities"
          label={t('collab.field.activities')}
          value={values.activities}
          error={errors.activities}
        />
        <TextArea
          name="learnings"
          label={t('collab.field.learnings')}
          value={values.learnings}
          error={errors.learnings}
        />
        <SelectField
          name="collaboration"
          label={t('collab.field.collaboration')}
          options={[
            { value: '', label: t('collab.exchangeForm.noCollaboration') },
            ...collaborations,
          ]}
          value={values.collaboration}
          error={errors.collaboration}
        />
        <RadioGroup
          name="visibility"
          legend={t('collab.field.visibility')}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`collab.visibility.${v}`) }))}
          value={values.visibility}
          error={errors.visibility}
        />
        <Button>{t('collab.form.save')}</Button>
      </form>
    </Layout>
  );
}

export function ExchangeDetailPage(props: {
  ctx: PageContext;
  exchange: Exchange;
  cityName: string;
  history: ReviewEvent[];
  canChange: boolean;
  canReview: boolean;
  review?: { values: { decision: string; comment: string }; errors: FieldErrors } | undefined;
}) {
  const { ctx, exchange: e, cityName, history, canChange, canReview } = props;
  const { t, intl } = ctx.i18n;
  const title = t('collab.exchange.title', {
    city: cityName,
    date: formatPlainDate(e.occurredOn, intl),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <WorkspaceNav ctx={ctx} />
      <h1>{title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={props.review?.errors ?? {}} />
      {canChange ? (
        <p>
          <a class="button button-secondary" href={`/workspace/exchanges/${e.id}/edit`}>
            {t('collab.detail.edit')}
          </a>
        </p>
      ) : (
        <p class="hint">{t('collab.detail.readOnly')}</p>
      )}
      <ReviewStatus ctx={ctx} state={e.review.state} comment={e.review.comment} history={history} />
      {canReview && e.review.state === 'submitted' ? (
        <ReviewForm
          ctx={ctx}
          action={`/workspace/exchanges/${e.id}/review`}
          values={props.review?.values}
          errors={props.review?.errors}
        />
      ) : null}
      <dl class="facts">
        <dt>{t('collab.field.organisation')}</dt>
        <dd>{e.organisation.name}</dd>
        <dt>{t('collab.field.direction')}</dt>
        <dd>{t(`collab.direction.${e.direction}`)}</dd>
        <dt>{t('collab.field.participants')}</dt>
        <dd>{ctx.i18n.formatNumber(e.participants)}</dd>
        <dt>{t('collab.field.activities')}</dt>
        <dd>{e.activities}</dd>
        <dt>{t('collab.field.learnings')}</dt>
        <dd>{e.learnings ?? '–'}</dd>
        <dt>{t('collab.field.collaboration')}</dt>
        <dd>
          {e.collaboration ? (
            <a href={`/workspace/collaborations/${e.collaboration.id}`}>{e.collaboration.title}</a>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('collab.field.visibility')}</dt>
        <dd>{t(`collab.visibility.${e.visibility}`)}</dd>
      </dl>
    </Layout>
  );
}

export function ReviewQueuePage(props: {
  ctx: PageContext;
  collaborations: Collaboration[];
  exchanges: Exchange[];
  cityNames: Map<string, string>;
}) {
  const { ctx, collaborations, exchanges, cityNames } = props;
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.queue.title')}>
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.queue.title')}</h1>
      <p class="lead">{t('collab.queue.lead')}</p>
      <h2>{t('collab.nav.collaborations')}</h2>
      {collaborations.length === 0 ? (
        <p>{t('collab.queue.none')}</p>
      ) : (
        <ul>
          {collaborations.map((c) => (
            <li key={c.id}>
              <a href={`/workspace/collaborations/${c.id}`}>{c.title}</a> – {c.organisation.name},{' '}
              {t('collab.queue.submitted', {
                at: c.review.submittedAt ? formatInstant(c.review.submittedAt, intl) : '',
              })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('collab.nav.exchanges')}</h2>
      {exchanges.length === 0 ? (
        <p>{t('collab.queue.none')}</p>
      ) : (
        <ul>
          {exchanges.map((e) => (
            <li key={e.id}>
              <a href={`/workspace/exchanges/${e.id}`}>
                {cityNames.get(e.city.slug) ?? e.city.slug}, {formatPlainDate(e.occurredOn, intl)}
              </a>{' '}
              – {e.organisation.name},{' '}
              {t('collab.queue.submitted', {
                at: e.review.submittedAt ? formatInstant(e.review.submittedAt, intl) : '',
              })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function AreasPage(props: {
  ctx: PageContext;
  areas: readonly Area[];
  values?: { nameSv: string; nameEn: string };
  errors?: FieldErrors;
}) {
  const { ctx, areas, values, errors = {} } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.areas.title')}>
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.areas.title')}</h1>
      <p class="lead">{t('collab.areas.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('collab.areas.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collab.areas.nameSv')}</th>
              <th scope="col">{t('collab.areas.nameEn')}</th>
              <th scope="col">{t('collab.areas.state')}</th>
              <th scope="col">{t('collab.areas.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.nameSv}</th>
                <td>{a.nameEn}</td>
                <td>{a.active ? t('collab.areas.active') : t('collab.areas.inactive')}</td>
                <td>
                  <form method="post" action={`/workspace/areas/${a.id}`}>
                    <CsrfField token={ctx.csrfToken} />
                    <label for={`sv-${a.id}`} class="visually-hidden">
                      {t('collab.areas.nameSv')}: {a.nameSv}
                    </label>
                    <input
                      class="input input-short"
                      id={`sv-${a.id}`}
                      name="nameSv"
                      value={a.nameSv}
                    />{' '}
                    <label for={`en-${a.id}`} class="visually-hidden">
                      {t('collab.areas.nameEn')}: {a.nameEn}
                    </label>
                    <input
                      class="input input-short"
                      id={`en-${a.id}`}
                      name="nameEn"
                      value={a.nameEn}
                    />{' '}
                    <button type="submit" class="button button-secondary">
                      {t('collab.areas.rename')}
                      <span class="visually-hidden">: {a.nameSv}</span>
                    </button>
                  </form>
                  <form method="post" action={`/workspace/areas/${a.id}/active`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="active" value={a.active ? '0' : '1'} />
                    <button type="submit" class="button button-secondary">
                      {a.active ? t('collab.areas.deactivate') : t('collab.areas.activate')}
                      <span class="visually-hidden">: {a.nameSv}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('collab.areas.add')}</h2>
      <form method="post" action="/workspace/areas" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="nameSv"
          label={t('collab.areas.nameSv')}
          value={values?.nameSv}
          error={errors.nameSv}
        />
        <TextField
          name="nameEn"
          label={t('collab.areas.nameEn')}
          value={values?.nameEn}
          error={errors.nameEn}
        />
        <Button>{t('collab.areas.add')}</Button>
      </form>
    </Layout>
  );
}

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
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.knowledge.title')}</h1>
      <p class="lead">{t('collab.knowledge.lead')}</p>
      <FilterForm
        i18n={ctx.i18n}
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

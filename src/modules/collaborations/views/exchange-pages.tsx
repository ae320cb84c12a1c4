import type { QueuePlace } from '../review.service.ts';
import type { SavedVersion } from '../../../ui/edit-conflict.tsx';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { DateField, NumberField, RadioGroup, SelectField, TextArea } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { DataTable } from '../../../ui/table.tsx';
import { Content, langAttr } from '../../../ui/content.tsx';
import { filterQuery } from '../collaboration.filters.ts';
import { DIRECTIONS, type ExchangeInput, type ReviewInput } from '../collaboration.schema.ts';
import type { Exchange } from '../exchange.service.ts';
import { type Choice, FilterForm, ListTop, type ListProps, ReviewTag } from './parts.tsx';
import { ReportDetailPage, ReportFormPage } from './report.tsx';
import type { ReviewEvent } from './review.tsx';

export function ExchangesPage(
  props: ListProps & {
    exchanges: Exchange[];
    canReport: boolean;
    /** The review column: Gothenburg's own roles (a partner contact reads without it). */
    showReview: boolean;
  },
) {
  const { ctx, filters, choices, exchanges, cityNames, info, canReport } = props;
  const { t, intl, locale } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.exchanges.title')}>
      <ListTop
        ctx={ctx}
        title={t('collab.exchanges.title')}
        lead={t('collab.exchanges.lead')}
        add={
          canReport
            ? { href: '/workspace/exchanges/new', label: t('collab.exchanges.new') }
            : undefined
        }
      />
      <FilterForm
        ctx={ctx}
        action="/workspace/exchanges"
        filters={filters}
        choices={choices}
        withStatus={false}
        withArea={false}
      />
      <DataTable
        caption={t('collab.exchanges.caption')}
        captionHidden
        rows={exchanges}
        rowKey={(e) => e.id}
        empty={t('collab.exchanges.none')}
        columns={[
          {
            header: t('collab.field.activities'),
            rowHeader: true,
            cell: (e) => (
              <a href={`/workspace/exchanges/${e.id}`}>
                <Content locale={locale}>{e.activities.slice(0, 100)}</Content>
              </a>
            ),
          },
          {
            header: t('collab.field.occurredOn'),
            cell: (e) => formatPlainDate(e.occurredOn, intl),
          },
          {
            header: t('collab.field.city'),
            cell: (e) => cityNames.get(e.city.slug) ?? e.city.slug,
          },
          {
            header: t('collab.field.organisation'),
            cell: (e) => <Content locale={locale}>{e.organisation.name}</Content>,
          },
          props.showReview && {
            header: t('collab.field.review'),
            cell: (e) => (
              <>
                <ReviewTag i18n={ctx.i18n} state={e.review.state} />
                {e.review.state === 'returned' && e.review.comment ? (
                  <Content locale={locale} as="p" class="hint">
                    {e.review.comment}
                  </Content>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Pagination
        i18n={ctx.i18n}
        info={info}
        baseQuery={new URLSearchParams(filterQuery(filters))}
      />
    </Layout>
  );
}

export function ExchangeFormPage(props: {
  ctx: PageContext;
  action: string;
  editing: boolean;
  values: ExchangeInput;
  organisations: Choice[];
  cities: Choice[];
  collaborations: Choice[];
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const directions = DIRECTIONS.map((d) => ({ value: d, label: t(`collab.direction.${d}`) }));
  const collaborations = [
    { value: '', label: t('collab.exchangeForm.noCollaboration') },
    ...props.collaborations,
  ];
  return (
    <ReportFormPage
      version={props.version}
      conflict={props.conflict}
      conflictOptions={{ city: props.cities, direction: directions, collaboration: collaborations }}
      ctx={ctx}
      title={props.editing ? t('collab.exchangeForm.editTitle') : t('collab.exchangeForm.newTitle')}
      action={props.action}
      values={props.values}
      organisations={props.organisations}
    >
      <DateField name="occurredOn" label={t('collab.field.occurredOn')} />
      <SelectField
        name="city"
        label={t('collab.field.city')}
        options={[{ value: '', label: t('collab.form.choose') }, ...props.cities]}
      />
      <RadioGroup name="direction" legend={t('collab.field.direction')} options={directions} />
      <NumberField
        name="participants"
        label={t('collab.field.participants')}
        hint={t('collab.exchangeForm.participantsHint')}
      />
      <TextArea name="activities" label={t('collab.field.activities')} />
      <TextArea name="learnings" label={t('collab.field.learnings')} optional />
      <SelectField
        name="collaboration"
        label={t('collab.field.collaboration')}
        options={collaborations}
      />
    </ReportFormPage>
  );
}

export function ExchangeDetailPage(props: {
  ctx: PageContext;
  exchange: Exchange;
  cityName: string;
  history: ReviewEvent[];
  showReview: boolean;
  canChange: boolean;
  canReview: boolean;
  queue?: QueuePlace | null | undefined;
  reviewValues?: ReviewInput | undefined;
}) {
  const { ctx, exchange: e } = props;
  const { t, intl, locale } = ctx.i18n;
  const sv = langAttr(locale);
  return (
    <ReportDetailPage
      ctx={ctx}
      title={t('collab.exchange.title', {
        city: props.cityName,
        date: formatPlainDate(e.occurredOn, intl),
      })}
      href={`/workspace/exchanges/${e.id}`}
      review={e.review}
      history={props.history}
      showReview={props.showReview}
      canChange={props.canChange}
      canReview={props.canReview}
      queue={props.queue}
      reviewValues={props.reviewValues}
    >
      <dl class="facts">
        <dt>{t('collab.field.organisation')}</dt>
        <dd lang={sv}>{e.organisation.name}</dd>
        <dt>{t('collab.field.city')}</dt>
        <dd>{props.cityName}</dd>
        <dt>{t('collab.field.occurredOn')}</dt>
        <dd>{formatPlainDate(e.occurredOn, intl)}</dd>
        <dt>{t('collab.field.direction')}</dt>
        <dd>{t(`collab.direction.${e.direction}`)}</dd>
        <dt>{t('collab.field.participants')}</dt>
        <dd>{ctx.i18n.formatNumber(e.participants)}</dd>
        <dt>{t('collab.field.activities')}</dt>
        <dd lang={sv}>{e.activities}</dd>
        <dt>{t('collab.field.learnings')}</dt>
        <dd lang={e.learnings ? sv : undefined}>{e.learnings ?? '–'}</dd>
        <dt>{t('collab.field.collaboration')}</dt>
        <dd>
          {e.collaboration ? (
            <a href={`/workspace/collaborations/${e.collaboration.id}`}>
              <Content locale={locale}>{e.collaboration.title}</Content>
            </a>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('collab.field.visibility')}</dt>
        <dd>{t(`collab.visibility.${e.visibility}`)}</dd>
      </dl>
    </ReportDetailPage>
  );
}

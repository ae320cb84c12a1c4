import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import {
  DateField,
  fieldLabels,
  messageOptions,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
} from '../../../ui/fields.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { linkCell, messageColumns, type Column } from '../../../ui/table.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { Content, langAttr } from '../../../ui/content.tsx';
import { filterQuery } from '../collaboration.filters.ts';
import { DIRECTIONS, type ExchangeInput } from '../collaboration.schema.ts';
import type { Exchange } from '../exchange.service.ts';
import { type Choice, FilterForm, ListPage, type ListProps, reviewColumn } from './parts.tsx';
import { ReportDetailPage, ReportFormPage, type ReportForm, type ReviewProps } from './report.tsx';

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
  const columns: Column<Exchange>[] = messageColumns(ctx.i18n, 'collab.field', {
    activities: linkCell<Exchange>('/workspace/exchanges', (e) => (
      <Content locale={locale}>{e.activities.slice(0, 100)}</Content>
    )),
    occurredOn: (e) => formatPlainDate(e.occurredOn, intl),
    city: (e) => cityNames.get(e.city.slug) ?? e.city.slug,
    organisation: (e) => <Content locale={locale}>{e.organisation.name}</Content>,
  });
  return (
    <ListPage
      ctx={ctx}
      messages="collab.exchanges"
      base="/workspace/exchanges"
      canReport={canReport}
    >
      <FilterForm
        ctx={ctx}
        action="/workspace/exchanges"
        filters={filters}
        choices={choices}
        withStatus={false}
        withArea={false}
      />
      <ListTable
        caption={t('collab.exchanges.caption')}
        rows={exchanges}
        empty={t('collab.exchanges.none')}
        columns={[...columns, props.showReview && reviewColumn<Exchange>(ctx)]}
      />
      <Pagination
        i18n={ctx.i18n}
        info={info}
        baseQuery={new URLSearchParams(filterQuery(filters))}
      />
    </ListPage>
  );
}

export function ExchangeFormPage(
  props: ReportForm<ExchangeInput> & {
    editing: boolean;
    cities: Choice[];
    collaborations: Choice[];
  },
) {
  const { editing, cities, ...form } = props;
  const { t } = form.ctx.i18n;
  const field = fieldLabels(form.ctx.i18n, 'collab.field');
  const directions = messageOptions(form.ctx.i18n, 'collab.direction', DIRECTIONS);
  const collaborations = [
    { value: '', label: t('collab.exchangeForm.noCollaboration') },
    ...props.collaborations,
  ];
  return (
    <ReportFormPage
      {...form}
      conflictOptions={{ city: cities, direction: directions, collaboration: collaborations }}
      title={editing ? t('collab.exchangeForm.editTitle') : t('collab.exchangeForm.newTitle')}
    >
      <DateField {...field('occurredOn')} />
      <SelectField
        {...field('city')}
        options={[{ value: '', label: t('collab.form.choose') }, ...cities]}
      />
      <RadioGroup {...field.legend('direction')} options={directions} />
      <NumberField {...field('participants')} hint={t('collab.exchangeForm.participantsHint')} />
      <TextArea {...field('activities')} />
      <TextArea {...field('learnings')} optional />
      <SelectField {...field('collaboration')} options={collaborations} />
    </ReportFormPage>
  );
}

export function ExchangeDetailPage(
  props: ReviewProps & { ctx: PageContext; exchange: Exchange; cityName: string },
) {
  const { ctx, exchange: e, cityName, ...reviewing } = props;
  const { t, intl, locale } = ctx.i18n;
  const sv = langAttr(locale);
  return (
    <ReportDetailPage
      {...reviewing}
      ctx={ctx}
      title={t('collab.exchange.title', {
        city: cityName,
        date: formatPlainDate(e.occurredOn, intl),
      })}
      href={`/workspace/exchanges/${e.id}`}
      review={e.review}
    >
      <dl class="facts">
        <dt>{t('collab.field.organisation')}</dt>
        <dd lang={sv}>{e.organisation.name}</dd>
        <dt>{t('collab.field.city')}</dt>
        <dd>{cityName}</dd>
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

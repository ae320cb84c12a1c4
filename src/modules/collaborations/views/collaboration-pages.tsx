import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import {
  CheckboxGroup,
  DateField,
  fieldLabels,
  messageOptions,
  NumberField,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkCell, messageColumns, type Column } from '../../../ui/table.tsx';
import { Content, langAttr } from '../../../ui/content.tsx';
import { type Area, areaName } from '../area.service.ts';
import {
  COLLABORATION_KINDS,
  COLLABORATION_STATUSES,
  filterQuery,
} from '../collaboration.filters.ts';
import { FUNDING_KINDS, type CollaborationInput } from '../collaboration.schema.ts';
import type { Collaboration } from '../collaboration.service.ts';
import type { Exchange } from '../exchange.service.ts';
import {
  areaChoice,
  type Choice,
  FilterForm,
  ListPage,
  type ListProps,
  period,
  reviewColumn,
} from './parts.tsx';
import { ReportDetailPage, ReportFormPage, type ReportForm, type ReviewProps } from './report.tsx';
import { holds } from '../../../platform/permissions.ts';

export function CollaborationsPage(
  props: ListProps & {
    collaborations: Collaboration[];
    canReport: boolean;
    /** The Excel and CSV exports (with contacts): Gothenburg's own roles. */
    canExport: boolean;
    /** The review column: Gothenburg's own roles (a partner contact reads without it). */
    showReview: boolean;
  },
) {
  const { ctx, filters, choices, collaborations, cityNames, info, canReport } = props;
  const { t } = ctx.i18n;
  const query = filterQuery(filters);
  return (
    <ListPage
      ctx={ctx}
      messages="collab.list"
      base="/workspace/collaborations"
      canReport={canReport}
      more={
        holds(ctx.user, 'coordinator')
          ? [{ href: '/workspace/areas', label: t('collab.list.areas') }]
          : undefined
      }
    >
      <FilterForm
        ctx={ctx}
        action="/workspace/collaborations"
        filters={filters}
        choices={choices}
      />
      {props.canExport ? (
        <p>
          {t('collab.list.export')}{' '}
          <a href={`/workspace/collaborations/export.xlsx${query ? `?${query}` : ''}`}>Excel</a> ·{' '}
          <a href={`/workspace/collaborations/export.csv${query ? `?${query}` : ''}`}>CSV</a>
        </p>
      ) : null}
      <CollaborationTable
        ctx={ctx}
        collaborations={collaborations}
        cityNames={cityNames}
        review={props.showReview}
      />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams(query)} />
    </ListPage>
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
  const { t, locale } = ctx.i18n;
  const columns: Column<Collaboration>[] = messageColumns(ctx.i18n, 'collab.field', {
    title: linkCell<Collaboration>(base, (c) => <Content locale={locale}>{c.title}</Content>),
    organisation: (c) => <Content locale={locale}>{c.organisation.name}</Content>,
    cities: (c) => c.cities.map((x) => cityNames.get(x.slug) ?? x.slug).join(', '),
    period: (c) => period(ctx.i18n, c.startsOn, c.endsOn),
    status: (c) => t(`collab.status.${c.status}`),
  });
  return (
    <ListTable
      caption={t('collab.list.caption')}
      rows={collaborations}
      empty={t('collab.list.none')}
      columns={[
        ...columns,
        review &&
          reviewColumn<Collaboration>(ctx, (c) =>
            c.visibility === 'internal' ? (
              <>
                {' '}
                <span class="tag">{t('collab.visibility.internal')}</span>
              </>
            ) : null,
          ),
      ]}
    />
  );
}

export function CollaborationFormPage(
  props: ReportForm<CollaborationInput> & {
    editing: boolean;
    cities: Choice[];
    areas: readonly Area[];
  },
) {
  const { editing, cities, areas, ...form } = props;
  const { ctx, values } = form;
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'collab.field');
  const choose = { value: '', label: t('collab.form.choose') };
  const areaOptions = areas
    .filter((a) => a.active || values.areas.includes(a.slug))
    .map((a) => areaChoice(ctx.i18n.locale, a));
  const kinds = messageOptions(ctx.i18n, 'collab.kind', COLLABORATION_KINDS);
  const statuses = messageOptions(ctx.i18n, 'collab.status', COLLABORATION_STATUSES);
  const fundingKinds = [
    { value: '', label: t('collab.funding.none') },
    ...messageOptions(ctx.i18n, 'collab.funding', FUNDING_KINDS),
  ];
  return (
    <ReportFormPage
      {...form}
      conflictOptions={{
        cities,
        areas: areaOptions,
        kind: kinds,
        status: statuses,
        fundingKind: fundingKinds,
      }}
      title={editing ? t('collab.form.editTitle') : t('collab.form.newTitle')}
      lead={t('collab.form.lead')}
    >
      <TextField {...field('title')} width="full" />
      <CheckboxGroup {...field.legend('cities')} options={cities} />
      <CheckboxGroup {...field.legend('areas')} options={areaOptions} />
      <SelectField {...field('kind')} options={[choose, ...kinds]} />
      <SelectField {...field('status')} options={[choose, ...statuses]} />
      <DateField {...field('startsOn')} />
      <DateField {...field('endsOn')} hint={t('collab.form.endHint')} optional />
      <TextArea {...field('goals')} optional />
      <TextArea {...field('results')} optional />
      <TextField {...field('contactName')} autocomplete="off" optional />
      <TextField {...field('contactEmail')} type="email" autocomplete="off" optional />
      <SelectField {...field('fundingKind')} options={fundingKinds} />
      <TextField name="fundingProgramme" label={t('collab.field.fundingProgramme')} optional />
      <NumberField
        name="fundingAmount"
        label={t('collab.field.fundingAmount')}
        hint={t('collab.form.amountHint')}
        optional
      />
      <TextField
        name="strategyTags"
        label={t('collab.field.strategyTags')}
        hint={t('collab.form.tagsHint')}
        width="full"
        optional
      />
    </ReportFormPage>
  );
}

/** One collaboration; `showReview` also shows its contact (Gothenburg's own roles, not partner contacts). */
export function CollaborationDetailPage(
  props: ReviewProps & {
    ctx: PageContext;
    collaboration: Collaboration;
    exchanges: Exchange[];
    cityNames: Map<string, string>;
  },
) {
  const { ctx, collaboration: c, exchanges, cityNames, ...reviewing } = props;
  const { t, intl, locale } = ctx.i18n;
  return (
    <ReportDetailPage
      {...reviewing}
      ctx={ctx}
      title={c.title}
      titleLang="sv"
      href={`/workspace/collaborations/${c.id}`}
      review={c.review}
    >
      <CollaborationFacts
        ctx={ctx}
        c={c}
        cityNames={cityNames}
        internal
        contact={props.showReview}
      />
      <h2>{t('collab.detail.exchanges')}</h2>
      {exchanges.length === 0 ? (
        <p>{t('collab.exchanges.none')}</p>
      ) : (
        <ul>
          {exchanges.map((e) => (
            <li key={e.id}>
              <a href={`/workspace/exchanges/${e.id}`}>
                {formatPlainDate(e.occurredOn, intl)}:{' '}
                <Content locale={locale}>{e.activities.slice(0, 120)}</Content>
              </a>
            </li>
          ))}
        </ul>
      )}
    </ReportDetailPage>
  );
}

/**
 * The facts of a collaboration; `internal` (the workspace) adds its visibility, and the
 * contact unless `contact` is false (a partner contact's page: no staff contacts).
 */
export function CollaborationFacts({
  ctx,
  c,
  cityNames,
  internal,
  contact = internal,
}: {
  ctx: PageContext;
  c: Collaboration;
  cityNames: Map<string, string>;
  internal: boolean;
  contact?: boolean;
}) {
  const { t, locale } = ctx.i18n;
  const sv = langAttr(locale);
  // An area has a Swedish and an English name: all are in the same language on a page.
  const areas = c.areas.map((a) => areaName(locale, a));
  return (
    <dl class="facts">
      <dt>{t('collab.field.organisation')}</dt>
      <dd lang={sv}>{c.organisation.name}</dd>
      <dt>{t('collab.field.cities')}</dt>
      <dd>{ctx.i18n.formatList(c.cities.map((x) => cityNames.get(x.slug) ?? x.slug))}</dd>
      <dt>{t('collab.field.areas')}</dt>
      <dd lang={areas[0] ? langAttr(locale, areas[0].lang) : undefined}>
        {areas.map((a) => a.name).join(', ')}
      </dd>
      <dt>{t('collab.field.kind')}</dt>
      <dd>{t(`collab.kind.${c.kind}`)}</dd>
      <dt>{t('collab.field.period')}</dt>
      <dd>{period(ctx.i18n, c.startsOn, c.endsOn)}</dd>
      <dt>{t('collab.field.status')}</dt>
      <dd>{t(`collab.status.${c.status}`)}</dd>
      <dt>{t('collab.field.goals')}</dt>
      <dd lang={c.goals ? sv : undefined}>{c.goals ?? '–'}</dd>
      <dt>{t('collab.field.results')}</dt>
      <dd lang={c.results ? sv : undefined}>{c.results ?? '–'}</dd>
      {contact ? (
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
        </>
      ) : null}
      {internal ? (
        <>
          <dt>{t('collab.field.visibility')}</dt>
          <dd>{t(`collab.visibility.${c.visibility}`)}</dd>
        </>
      ) : null}
      <dt>{t('collab.field.fundingKind')}</dt>
      <dd>
        {c.funding.kind
          ? t(`collab.funding.${c.funding.kind as 'other'}`)
          : t('collab.funding.none')}
        {c.funding.programme ? (
          <>
            , <Content locale={locale}>{c.funding.programme}</Content>
          </>
        ) : (
          ''
        )}
        {c.funding.amount !== null
          ? `, ${t('collab.amount', { amount: ctx.i18n.formatNumber(c.funding.amount) })}`
          : ''}
      </dd>
      <dt>{t('collab.field.strategyTags')}</dt>
      <dd lang={c.strategyTags.length ? sv : undefined}>{c.strategyTags.join(', ') || '–'}</dd>
    </dl>
  );
}

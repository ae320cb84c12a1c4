import type { PlainKey } from '../../../platform/i18n/catalogue.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { BarChart, type ChartBar } from '../../../ui/chart.tsx';
import type { ComponentChildren } from 'preact';
import { Content, withParts } from '../../../ui/content.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { localized, type City } from '../../cities/index.ts';
import { areaName } from '../../collaborations/index.ts';
import type { YearOverview } from '../overview.service.ts';

/** The organisations a chart shows by name; the rest share one bar. */
const TOP_ORGANISATIONS = 10;

const BODY_KEYS: Record<string, PlainKey> = {
  KF: 'decisions.body.KF',
  KS: 'decisions.body.KS',
  'KF presidium': 'decisions.body.KF presidium',
};
const STATUS_KEYS: Record<string, PlainKey> = {
  forecast: 'meetingStatus.forecast',
  planned: 'meetingStatus.planned',
  confirmed: 'meetingStatus.confirmed',
  held: 'meetingStatus.held',
  postponed: 'meetingStatus.postponed',
  cancelled: 'meetingStatus.cancelled',
};
const OUTCOME_KEYS: Record<string, PlainKey> = {
  decision: 'outcomeKind.decision',
  information: 'outcomeKind.information',
  action: 'outcomeKind.action',
};
const DIRECTION_KEYS: Record<string, PlainKey> = {
  visit_to: 'collab.direction.visit_to',
  visit_from: 'collab.direction.visit_from',
  digital: 'collab.direction.digital',
};

/** The label of a stored value (a status, kind, body) in the page's language; unknown values as they are. */
function labelOf(ctx: PageContext, keys: Record<string, PlainKey>, value: string): string {
  const key = keys[value];
  return key ? ctx.i18n.t(key) : value;
}

/** The address of an overview: a year, and a twin city or all of them. */
export const overviewPath = (year: number, city: City | null) =>
  city ? `/overview/${year}/${city.slug}` : `/overview/${year}`;

export function OverviewPage({
  ctx,
  overview,
  years,
}: {
  ctx: PageContext;
  overview: YearOverview;
  years: readonly number[];
}) {
  const { t, locale, intl } = ctx.i18n;
  const { year, city } = overview;
  const y = String(year);
  const cityName = city ? localized(city, locale).name : null;
  const title = cityName
    ? t('overview.titleCity', { year: y, city: cityName })
    : t('overview.title', { year: y });
  const num = new Intl.NumberFormat(intl);
  const current = overview.asOf < `${year}-12-31`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('overview.lead')}</p>
      {current ? <p>{t('overview.asOf', { date: formatPlainDate(overview.asOf, intl) })}</p> : null}
      <OverviewNav ctx={ctx} overview={overview} years={years} />
      {!overview.hasActivity ? (
        <p class="panel panel-highlight overview-none">{t('overview.noActivity', { year: y })}</p>
      ) : (
        <>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('overview.section.summary')}</h2>
            <dl class="overview-figures">
              {(
                [
                  ['collaborations', 'overview.fig.collaborations', overview.collaborations.total],
                  ['started', 'overview.fig.started', overview.collaborations.started],
                  [
                    'organisations',
                    'overview.fig.organisations',
                    overview.collaborations.organisations,
                  ],
                  ['exchanges', 'overview.fig.exchanges', overview.exchanges.total],
                  ['participants', 'overview.fig.participants', overview.exchanges.participants],
                  ['meetings', 'overview.fig.meetings', overview.meetings.meetings.length],
                  ['decisions', 'overview.fig.decisions', overview.decisions.total],
                  ['news', 'overview.fig.news', overview.news],
                ] as const
              ).map(([key, label, value]) => (
                <div key={key} class="overview-figure" data-figure={key}>
                  <dt>{t(label)}</dt>
                  <dd>{num.format(value)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <CollaborationsSection ctx={ctx} overview={overview} cityName={cityName} />
          <ExchangesSection ctx={ctx} overview={overview} cityName={cityName} />
          <MeetingsSection ctx={ctx} overview={overview} />
          <DecisionsSection ctx={ctx} overview={overview} cityName={cityName} />
          <section aria-labelledby="news-heading">
            <h2 id="news-heading">{t('overview.section.news')}</h2>
            <p class="overview-sentence">
              {overview.news === 0
                ? t('overview.news.none', { year: y })
                : t('overview.news.sentence', { year: y, count: overview.news })}
            </p>
            {cityName ? <p>{t('overview.news.cityNote', { city: cityName })}</p> : null}
          </section>
        </>
      )}
      <p class="overview-about">{t('overview.about')}</p>
    </Layout>
  );
}

/** The year picker (a GET form: works without JavaScript), the neighbouring years and the cities. */
function OverviewNav({
  ctx,
  overview,
  years,
}: {
  ctx: PageContext;
  overview: YearOverview;
  years: readonly number[];
}) {
  const { t, locale } = ctx.i18n;
  const { year, city } = overview;
  const newest = years[0] ?? year;
  const oldest = years[years.length - 1] ?? year;
  return (
    <div class="overview-nav panel">
      <form method="get" action="/overview" class="overview-picker">
        <fieldset>
          <legend>{t('overview.picker.legend')}</legend>
          <div class="overview-picker-fields">
            <div class="field">
              <label for="overview-year">{t('overview.picker.year')}</label>
              <select id="overview-year" name="year">
                {years.map((option) => (
                  <option key={option} value={String(option)} selected={option === year}>
                    {option}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="overview-city">{t('overview.picker.city')}</label>
              <select id="overview-city" name="city">
                <option value="" selected={!city}>
                  {t('overview.picker.allCities')}
                </option>
                {overview.twinCities.map((c) => (
                  <option key={c.slug} value={c.slug} selected={city?.id === c.id}>
                    {localized(c, locale).name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button">
              {t('overview.picker.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      <nav aria-label={t('overview.nav.years')}>
        <ul class="overview-links">
          {year > oldest ? (
            <li>
              <a href={overviewPath(year - 1, city)} rel="prev">
                {t('overview.nav.previous', { year: String(year - 1) })}
              </a>
            </li>
          ) : null}
          {year < newest ? (
            <li>
              <a href={overviewPath(year + 1, city)} rel="next">
                {t('overview.nav.next', { year: String(year + 1) })}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      <nav aria-label={t('overview.nav.cities', { year: String(year) })}>
        <ul class="overview-links">
          <li>
            <a href={overviewPath(year, null)} aria-current={city ? undefined : 'page'}>
              {t('overview.picker.allCities')}
            </a>
          </li>
          {overview.twinCities.map((c) => (
            <li key={c.slug}>
              <a href={overviewPath(year, c)} aria-current={city?.id === c.id ? 'page' : undefined}>
                {localized(c, locale).name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/**
 * The chart's short description: how many bars and which is largest; the largest bar's
 * label keeps its own language (an organisation's Swedish name on a Finnish page).
 */
function describe(ctx: PageContext, bars: readonly ChartBar[]): ComponentChildren {
  const top = [...bars].sort((a, b) => b.value - a.value)[0];
  return withParts(
    (slots) =>
      ctx.i18n.t('overview.chart.desc', {
        bars: bars.length,
        label: slots.label,
        count: top?.value ?? 0,
      }),
    {
      label: (
        <Content locale={ctx.i18n.locale} lang={top?.lang ?? ctx.i18n.locale}>
          {top?.label ?? ''}
        </Content>
      ),
    },
  );
}

/** One chart of a section: its id, title, the headers of its data table, and its bars. */
interface ChartSpec {
  id: string;
  title: string;
  categoryHeader: string;
  valueHeader: string;
  bars: ChartBar[];
}

/** A section's charts side by side (each with its description and data table); false entries are left out. */
function ChartGrid({ ctx, charts }: { ctx: PageContext; charts: (ChartSpec | false)[] }) {
  return (
    <div class="chart-grid">
      {charts
        .filter((c): c is ChartSpec => c !== false)
        .map((c) => (
          <BarChart
            key={c.id}
            id={c.id}
            title={c.title}
            description={describe(ctx, c.bars)}
            bars={c.bars}
            categoryHeader={c.categoryHeader}
            valueHeader={c.valueHeader}
            tableLabel={ctx.i18n.t('overview.table.show')}
            locale={ctx.i18n.locale}
            intl={ctx.i18n.intl}
            empty={ctx.i18n.t('overview.chart.empty')}
          />
        ))}
    </div>
  );
}

/** Bars of stored values (a direction, an outcome kind) labelled in the page's language. */
function keyedBars<T>(
  ctx: PageContext,
  keys: Record<string, PlainKey>,
  rows: readonly T[],
  key: (row: T) => string,
  value: (row: T) => number,
): ChartBar[] {
  return rows.map((row) => ({
    key: key(row),
    label: labelOf(ctx, keys, key(row)),
    value: value(row),
  }));
}

/** Bars per twin city, in the chain's order, with zeros: the cities side by side. */
function cityBars(
  ctx: PageContext,
  twins: readonly City[],
  counts: readonly { cityId: string; count: number }[],
): ChartBar[] {
  const byId = new Map(counts.map((c) => [c.cityId, c.count]));
  return twins.map((c) => {
    const name = localized(c, ctx.i18n.locale);
    return { key: c.slug, label: name.name, value: byId.get(c.id) ?? 0, lang: name.lang };
  });
}

function CollaborationsSection({
  ctx,
  overview,
  cityName,
}: {
  ctx: PageContext;
  overview: YearOverview;
  cityName: string | null;
}) {
  const { t, locale } = ctx.i18n;
  const c = overview.collaborations;
  const y = String(overview.year);
  const args = {
    year: y,
    organisations: c.organisations,
    total: c.total,
    started: c.started,
  };
  const orgs = c.byOrganisation.slice(0, TOP_ORGANISATIONS);
  const rest = c.byOrganisation.slice(TOP_ORGANISATIONS);
  const orgBars: ChartBar[] = orgs.map((o) => ({
    key: o.id,
    label: o.name,
    value: o.count,
    lang: 'sv',
  }));
  if (rest.length > 0)
    orgBars.push({
      key: 'others',
      label: t('overview.chart.others', { count: rest.length }),
      value: rest.reduce((s, o) => s + o.count, 0),
    });
  const header = t('overview.col.collaborations');
  return (
    <section aria-labelledby="collaborations-heading">
      <h2 id="collaborations-heading">{t('overview.section.collaborations')}</h2>
      <p class="overview-sentence" data-sentence="collaborations">
        {c.total === 0
          ? t('overview.collab.none', { year: y })
          : cityName
            ? t('overview.collab.sentenceCity', { ...args, city: cityName })
            : t('overview.collab.sentence', args)}
      </p>
      {c.total > 0 ? (
        <ChartGrid
          ctx={ctx}
          charts={[
            {
              id: 'chart-status',
              title: t('overview.chart.status'),
              categoryHeader: t('overview.col.status'),
              valueHeader: header,
              bars: [
                { key: 'started', label: t('overview.status.started'), value: c.started },
                { key: 'ongoing', label: t('overview.status.ongoing'), value: c.ongoing },
                { key: 'finished', label: t('overview.status.finished'), value: c.finished },
              ],
            },
            {
              id: 'chart-area',
              title: t('overview.chart.area'),
              categoryHeader: t('overview.col.area'),
              valueHeader: header,
              bars: c.byArea.map((a) => {
                const name = areaName(locale, a);
                return { key: a.id, label: name.name, value: a.count, lang: name.lang };
              }),
            },
            {
              id: 'chart-organisation',
              title: t('overview.chart.organisation'),
              categoryHeader: t('overview.col.organisation'),
              valueHeader: header,
              bars: orgBars,
            },
            !overview.city && {
              id: 'chart-city',
              title: t('overview.chart.city'),
              categoryHeader: t('overview.col.city'),
              valueHeader: header,
              bars: cityBars(ctx, overview.twinCities, c.byCity),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function ExchangesSection({
  ctx,
  overview,
  cityName,
}: {
  ctx: PageContext;
  overview: YearOverview;
  cityName: string | null;
}) {
  const { t } = ctx.i18n;
  const x = overview.exchanges;
  const y = String(overview.year);
  const args = { year: y, total: x.total, participants: x.participants };
  const header = t('overview.col.exchanges');
  const directionBars = (value: (d: (typeof x.byDirection)[number]) => number) =>
    keyedBars(ctx, DIRECTION_KEYS, x.byDirection, (d) => d.direction, value);
  return (
    <section aria-labelledby="exchanges-heading">
      <h2 id="exchanges-heading">{t('overview.section.exchanges')}</h2>
      <p class="overview-sentence" data-sentence="exchanges">
        {x.total === 0
          ? t('overview.exchange.none', { year: y })
          : cityName
            ? t('overview.exchange.sentenceCity', { ...args, city: cityName })
            : t('overview.exchange.sentence', args)}
      </p>
      {x.total > 0 ? (
        <ChartGrid
          ctx={ctx}
          charts={[
            !overview.city && {
              id: 'chart-exchange-city',
              title: t('overview.chart.exchangeCity'),
              categoryHeader: t('overview.col.city'),
              valueHeader: header,
              bars: cityBars(ctx, overview.twinCities, x.byCity),
            },
            {
              id: 'chart-direction',
              title: t('overview.chart.direction'),
              categoryHeader: t('overview.col.direction'),
              valueHeader: header,
              bars: directionBars((d) => d.count),
            },
            {
              id: 'chart-participants',
              title: t('overview.chart.participants'),
              categoryHeader: t('overview.col.direction'),
              valueHeader: t('overview.col.participants'),
              bars: directionBars((d) => d.participants),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function MeetingsSection({ ctx, overview }: { ctx: PageContext; overview: YearOverview }) {
  const { t, locale } = ctx.i18n;
  const m = overview.meetings;
  const y = String(overview.year);
  const outcomeBars = (value: (o: (typeof m.outcomes)[number]) => number) =>
    keyedBars(ctx, OUTCOME_KEYS, m.outcomes, (o) => o.kind, value);
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('overview.section.meetings')}</h2>
      <p class="overview-sentence" data-sentence="meetings">
        {m.meetings.length === 0
          ? t('overview.meeting.none', { year: y })
          : t('overview.meeting.sentence', {
              year: y,
              meetings: m.meetings.length,
              seminars: m.seminars,
            })}
      </p>
      {m.meetings.length > 0 ? (
        <>
          <ul class="overview-meetings">
            {m.meetings.map((meeting) => (
              <li key={meeting.id}>
                <a href={`/meetings/${meeting.id}`}>
                  {t('overview.meeting.item', {
                    year: String(meeting.year),
                    city: localized(meeting.host, locale).name,
                  })}
                </a>{' '}
                ({labelOf(ctx, STATUS_KEYS, meeting.status)})
                {meeting.theme ? (
                  <>
                    <br />
                    {t('overview.meeting.theme')} <Content locale={locale}>{meeting.theme}</Content>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p class="overview-sentence" data-sentence="outcomes">
            {m.outcomesTotal === 0
              ? t('overview.meeting.noOutcomes')
              : t('overview.meeting.outcomes', {
                  outcomes: m.outcomesTotal,
                  followedUp: m.followedUpTotal,
                })}
          </p>
          {m.outcomesTotal > 0 ? (
            <ChartGrid
              ctx={ctx}
              charts={[
                {
                  id: 'chart-outcomes',
                  title: t('overview.chart.outcomes'),
                  categoryHeader: t('overview.col.kind'),
                  valueHeader: t('overview.col.outcomes'),
                  bars: outcomeBars((o) => o.count),
                },
                {
                  id: 'chart-followed-up',
                  title: t('overview.chart.followedUp'),
                  categoryHeader: t('overview.col.kind'),
                  valueHeader: t('overview.col.followedUp'),
                  bars: outcomeBars((o) => o.followedUp),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
      {overview.city ? <p>{t('overview.meeting.cityNote')}</p> : null}
    </section>
  );
}

function DecisionsSection({
  ctx,
  overview,
  cityName,
}: {
  ctx: PageContext;
  overview: YearOverview;
  cityName: string | null;
}) {
  const { t, locale, intl } = ctx.i18n;
  const d = overview.decisions;
  const y = String(overview.year);
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('overview.section.decisions')}</h2>
      <p class="overview-sentence" data-sentence="decisions">
        {d.total === 0
          ? t('overview.decision.none', { year: y })
          : cityName
            ? t('overview.decision.sentenceCity', { year: y, total: d.total, city: cityName })
            : t('overview.decision.sentence', { year: y, total: d.total })}
      </p>
      {d.decisions.length > 0 ? (
        <ul class="overview-decisions">
          {d.decisions.map((decision) => (
            <li key={decision.id}>
              <a href={`/decisions/${decision.id}`}>
                <Content locale={locale}>{decision.title}</Content>
              </a>
              <br />
              {labelOf(ctx, BODY_KEYS, decision.body)},{' '}
              <time datetime={decision.meetingDate}>
                {formatPlainDate(decision.meetingDate, intl)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

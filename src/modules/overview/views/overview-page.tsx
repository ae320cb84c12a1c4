import type { PlainKey } from '../../../platform/i18n/catalogue.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { ChartGrid, type ChartBar, type ChartSpec } from '../../../ui/chart.tsx';
import type { ComponentChildren } from 'preact';
import { Content, withParts } from '../../../ui/content.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
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

/** The overview of a year and the years there are overviews of, newest first. */
interface OverviewProps {
  ctx: PageContext;
  overview: YearOverview;
  years: readonly number[];
}

export function OverviewPage({ ctx, overview, years }: OverviewProps) {
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
    <TitledPage ctx={ctx} title={title} lead={t('overview.lead')}>
      {current ? <p>{t('overview.asOf', { date: formatPlainDate(overview.asOf, intl) })}</p> : null}
      <OverviewNav ctx={ctx} overview={overview} years={years} />
      {!overview.hasActivity ? (
        <p class="panel panel-highlight overview-none">{t('overview.noActivity', { year: y })}</p>
      ) : (
        <>
          <Section ctx={ctx} name="summary">
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
          </Section>
          <CollaborationsSection ctx={ctx} overview={overview} cityName={cityName} />
          <ExchangesSection ctx={ctx} overview={overview} cityName={cityName} />
          <MeetingsSection ctx={ctx} overview={overview} />
          <DecisionsSection ctx={ctx} overview={overview} cityName={cityName} />
          <Section ctx={ctx} name="news">
            <p class="overview-sentence">
              {overview.news === 0
                ? t('overview.news.none', { year: y })
                : t('overview.news.sentence', { year: y, count: overview.news })}
            </p>
            {cityName ? <p>{t('overview.news.cityNote', { city: cityName })}</p> : null}
          </Section>
        </>
      )}
      <p class="overview-about">{t('overview.about')}</p>
    </TitledPage>
  );
}

/** The year picker (a GET form: works without JavaScript), the neighbouring years and the cities. */
function OverviewNav({ ctx, overview, years }: OverviewProps) {
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
function describe(ctx: PageContext, top: ChartBar | undefined, bars: number): ComponentChildren {
  return withParts(
    (slots) =>
      ctx.i18n.t('overview.chart.desc', { bars, label: slots.label, count: top?.value ?? 0 }),
    {
      label: (
        <Content locale={ctx.i18n.locale} lang={top?.lang ?? ctx.i18n.locale}>
          {top?.label ?? ''}
        </Content>
      ),
    },
  );
}

type ChartKey =
  | 'status'
  | 'area'
  | 'organisation'
  | 'city'
  | 'exchangeCity'
  | 'direction'
  | 'participants'
  | 'outcomes'
  | 'followedUp';
type ColumnKey =
  | 'status'
  | 'area'
  | 'organisation'
  | 'city'
  | 'direction'
  | 'kind'
  | 'collaborations'
  | 'exchanges'
  | 'participants'
  | 'outcomes'
  | 'followedUp';
/** A chart by its title's key (its id is `chart-` and the key in kebab case), its table's column keys, and its bars. */
type ChartRow = readonly [title: ChartKey, category: ColumnKey, value: ColumnKey, bars: ChartBar[]];

/** A section's charts side by side (each with its description and data table); false entries are left out. */
function Charts({ ctx, charts }: { ctx: PageContext; charts: readonly (ChartRow | false)[] }) {
  const { t, locale, intl } = ctx.i18n;
  return (
    <ChartGrid
      charts={charts.map(
        (c): ChartSpec | false =>
          c && {
            id: `chart-${c[0].replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`)}`,
            title: t(`overview.chart.${c[0]}`),
            categoryHeader: t(`overview.col.${c[1]}`),
            valueHeader: t(`overview.col.${c[2]}`),
            bars: c[3],
          },
      )}
      describe={(top, bars) => describe(ctx, top, bars)}
      tableLabel={t('overview.table.show')}
      empty={t('overview.chart.empty')}
      locale={locale}
      intl={intl}
    />
  );
}

/** A section of the overview: its heading, its sentence (when it has one), and the rest. */
function Section({
  ctx,
  name,
  sentence,
  children,
}: {
  ctx: PageContext;
  name: 'summary' | 'collaborations' | 'exchanges' | 'meetings' | 'decisions' | 'news';
  sentence?: string;
  children?: ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{ctx.i18n.t(`overview.section.${name}`)}</h2>
      {sentence !== undefined ? (
        <p class="overview-sentence" data-sentence={name}>
          {sentence}
        </p>
      ) : null}
      {children}
    </section>
  );
}

/**
 * The sentence of a counted section (`overview.<kind>.none|sentence|sentenceCity`): none
 * that year, or the counts, for all twin cities or the one shown.
 */
function countSentence(
  ctx: PageContext,
  kind: 'collab' | 'exchange' | 'decision',
  args: { year: string; total: number } & Record<string, string | number>,
  cityName: string | null,
): string {
  const { tDynamic } = ctx.i18n;
  if (args.total === 0) return tDynamic(`overview.${kind}.none`, { year: args.year });
  return cityName
    ? tDynamic(`overview.${kind}.sentenceCity`, { ...args, city: cityName })
    : tDynamic(`overview.${kind}.sentence`, args);
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

interface SectionProps {
  ctx: PageContext;
  overview: YearOverview;
  cityName: string | null;
}

function CollaborationsSection({ ctx, overview, cityName }: SectionProps) {
  const { t, locale } = ctx.i18n;
  const c = overview.collaborations;
  const args = {
    year: String(overview.year),
    organisations: c.organisations,
    total: c.total,
    started: c.started,
  };
  const orgBars: ChartBar[] = c.byOrganisation
    .slice(0, TOP_ORGANISATIONS)
    .map((o) => ({ key: o.id, label: o.name, value: o.count, lang: 'sv' }));
  const rest = c.byOrganisation.slice(TOP_ORGANISATIONS);
  if (rest.length > 0)
    orgBars.push({
      key: 'others',
      label: t('overview.chart.others', { count: rest.length }),
      value: rest.reduce((s, o) => s + o.count, 0),
    });
  const statusBars: ChartBar[] = (['started', 'ongoing', 'finished'] as const).map((key) => ({
    key,
    label: t(`overview.status.${key}`),
    value: c[key],
  }));
  const areaBars = c.byArea.map((a): ChartBar => {
    const name = areaName(locale, a);
    return { key: a.id, label: name.name, value: a.count, lang: name.lang };
  });
  const twins = overview.twinCities;
  return (
    <Section
      ctx={ctx}
      name="collaborations"
      sentence={countSentence(ctx, 'collab', args, cityName)}
    >
      {c.total > 0 ? (
        <Charts
          ctx={ctx}
          charts={[
            ['status', 'status', 'collaborations', statusBars],
            ['area', 'area', 'collaborations', areaBars],
            ['organisation', 'organisation', 'collaborations', orgBars],
            !overview.city && ['city', 'city', 'collaborations', cityBars(ctx, twins, c.byCity)],
          ]}
        />
      ) : null}
    </Section>
  );
}

function ExchangesSection({ ctx, overview, cityName }: SectionProps) {
  const x = overview.exchanges;
  const args = { year: String(overview.year), total: x.total, participants: x.participants };
  const directionBars = (value: (d: (typeof x.byDirection)[number]) => number) =>
    keyedBars(ctx, DIRECTION_KEYS, x.byDirection, (d) => d.direction, value);
  return (
    <Section ctx={ctx} name="exchanges" sentence={countSentence(ctx, 'exchange', args, cityName)}>
      {x.total > 0 ? (
        <Charts
          ctx={ctx}
          charts={[
            !overview.city && [
              'exchangeCity',
              'city',
              'exchanges',
              cityBars(ctx, overview.twinCities, x.byCity),
            ],
            ['direction', 'direction', 'exchanges', directionBars((d) => d.count)],
            ['participants', 'direction', 'participants', directionBars((d) => d.participants)],
          ]}
        />
      ) : null}
    </Section>
  );
}

function MeetingsSection({ ctx, overview }: { ctx: PageContext; overview: YearOverview }) {
  const { t, locale } = ctx.i18n;
  const m = overview.meetings;
  const y = String(overview.year);
  const outcomeBars = (value: (o: (typeof m.outcomes)[number]) => number) =>
    keyedBars(ctx, OUTCOME_KEYS, m.outcomes, (o) => o.kind, value);
  return (
    <Section
      ctx={ctx}
      name="meetings"
      sentence={
        m.meetings.length === 0
          ? t('overview.meeting.none', { year: y })
          : t('overview.meeting.sentence', {
              year: y,
              meetings: m.meetings.length,
              seminars: m.seminars,
            })
      }
    >
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
            <Charts
              ctx={ctx}
              charts={[
                ['outcomes', 'kind', 'outcomes', outcomeBars((o) => o.count)],
                ['followedUp', 'kind', 'followedUp', outcomeBars((o) => o.followedUp)],
              ]}
            />
          ) : null}
        </>
      ) : null}
      {overview.city ? <p>{t('overview.meeting.cityNote')}</p> : null}
    </Section>
  );
}

function DecisionsSection({ ctx, overview, cityName }: SectionProps) {
  const { locale, intl } = ctx.i18n;
  const d = overview.decisions;
  const args = { year: String(overview.year), total: d.total };
  return (
    <Section ctx={ctx} name="decisions" sentence={countSentence(ctx, 'decision', args, cityName)}>
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
    </Section>
  );
}

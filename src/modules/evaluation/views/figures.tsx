import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { langAttr } from '../../../ui/content.tsx';
import type {
  EvaluationFigures,
  Flag,
  MeetingFigure,
  PeriodFigures,
} from '../evaluation.figures.ts';
import {
  CompareTable,
  CountsSection,
  FiguresTable,
  type Row,
  Section,
  breakdownRows,
  colHeader,
  countChart,
  joinCounts,
} from './figures-parts.tsx';

// The compiled figures of an evaluation (issue 15, points 2 and 3; decision 026): tables with
// the period beside the previous one and the change, server-drawn charts (the yearly
// overview's component, each with its data table) and the flags as links to where they are
// handled. One component for the workspace page, an approved version, the public report and
// the HTML/PDF exports: no script, no form, nothing that needs the screen (it prints).

/** The organisations a table names one by one; the rest share a row. */
const TOP = 12;

/** The figures of this period and the previous one (none for the first evaluation). */
interface PeriodProps {
  ctx: PageContext;
  cur: PeriodFigures;
  prev: PeriodFigures | null;
}

export function FiguresView({ ctx, figures }: { ctx: PageContext; figures: EvaluationFigures }) {
  const { t, intl } = ctx.i18n;
  const date = (d: string) => formatPlainDate(d, intl);
  const cur = figures.current;
  const prev = figures.previous;
  return (
    <section class="figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('evaluation.figures.heading')}</h2>
      <p class="figures-lead">
        {t('evaluation.figures.lead', { date: date(figures.compiledAt.slice(0, 10)) })}
      </p>
      <p>
        {prev
          ? t('evaluation.figures.period', {
              start: date(cur.period.start),
              end: date(cur.period.end),
              previousStart: date(prev.period.start),
              previousEnd: date(prev.period.end),
            })
          : t('evaluation.figures.periodOnly', {
              start: date(cur.period.start),
              end: date(cur.period.end),
            })}
      </p>
      <Flags ctx={ctx} flags={figures.flags} />
      <Summary ctx={ctx} cur={cur} prev={prev} />
      <Meetings ctx={ctx} meetings={cur.meetings} />
      <Collaborations ctx={ctx} cur={cur} prev={prev} />
      <Exchanges ctx={ctx} cur={cur} prev={prev} />
      <Campaigns ctx={ctx} cur={cur} />
      <Decisions ctx={ctx} cur={cur} prev={prev} />
    </section>
  );
}

function Flags({ ctx, flags }: { ctx: PageContext; flags: readonly Flag[] }) {
  const { t } = ctx.i18n;
  return (
    <Section ctx={ctx} name="flags" class="figures-flags" none={flags.length === 0}>
      <p>{t('evaluation.figures.flags.intro', { count: flags.length })}</p>
      <ul class="figures-flag-list">
        {flags.map((f) => {
          const text = flagText(ctx, f);
          return (
            <li key={`${f.kind}:${f.subject}`} data-flag={f.kind}>
              {f.href ? <a href={f.href}>{text}</a> : text}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** The flag's sentence in the reader's language (its names stay as stored, in Swedish). */
function flagText(ctx: PageContext, f: Flag): string {
  const { t, intl } = ctx.i18n;
  const p = f.params;
  const s = (k: string) => String(p[k] ?? '');
  const n = (k: string) => Number(p[k] ?? 0);
  switch (f.kind) {
    case 'city-inactive':
      return t('evaluation.figures.flag.cityInactive', {
        city: s('city'),
        years: n('years'),
        since: formatPlainDate(s('since'), intl),
      });
    case 'organisation-never-reported':
      return t('evaluation.figures.flag.neverReported', {
        organisation: s('organisation'),
        asked: n('asked'),
      });
    case 'follow-up-open':
      return t('evaluation.figures.flag.followUpOpen', {
        year: s('year'),
        since: formatPlainDate(s('since'), intl),
        text: s('text'),
      });
    case 'rotation-broken':
      return t('evaluation.figures.flag.rotationBroken', {
        required: n('required'),
        forecast: n('forecast'),
      });
    default:
      return f.subject;
  }
}

function Summary({ ctx, cur, prev }: PeriodProps) {
  const { t } = ctx.i18n;
  // Each row: its key (which names its label), the figure, and whether it is a part of the
  // row above ("of which new").
  const figures = [
    ['meetings', (p) => p.meetings.length],
    ['collaborations', (p) => p.collaborations.total],
    ['new', (p) => p.collaborations.new, true],
    ['ongoing', (p) => p.collaborations.ongoing, true],
    ['finished', (p) => p.collaborations.finished, true],
    ['exchanges', (p) => p.exchanges.total],
    ['participants', (p) => p.exchanges.participants],
    ['campaigns', (p) => p.campaigns.length],
    ['decisions', (p) => p.decisions.total],
    ['news', (p) => p.news.published],
    ['newsletters', (p) => p.newsletters.sent],
    ['recipients', (p) => p.newsletters.recipients],
  ] as const satisfies readonly (readonly [string, (p: PeriodFigures) => number, true?])[];
  const rows: Row[] = figures.map(([key, figure, sub]) => ({
    key,
    label: t(`evaluation.figures.row.${key}`),
    now: figure(cur),
    before: prev ? figure(prev) : null,
    ...(sub ? { sub } : {}),
  }));
  return (
    <Section ctx={ctx} name="summary">
      <CompareTable
        ctx={ctx}
        id="figures-summary"
        caption={t('evaluation.figures.summary.caption')}
        first={t('evaluation.figures.col.figure')}
        rows={rows}
        prev={prev !== null}
      />
      <p class="figures-note">{t('evaluation.figures.summary.note')}</p>
    </Section>
  );
}

function Meetings({ ctx, meetings }: { ctx: PageContext; meetings: readonly MeetingFigure[] }) {
  const { t, formatNumber: f } = ctx.i18n;
  return (
    <Section ctx={ctx} name="meetings" none={meetings.length === 0}>
      <FiguresTable
        id="figures-meetings"
        caption={t('evaluation.figures.meetings.caption')}
        columns={[
          { label: t('evaluation.figures.meetings.col.meeting') },
          { label: t('evaluation.figures.meetings.col.theme') },
          { label: t('evaluation.figures.meetings.col.programme'), num: true },
          { label: t('evaluation.figures.meetings.col.seminars'), num: true },
          { label: t('evaluation.figures.meetings.col.delegates'), num: true },
          { label: t('evaluation.figures.meetings.col.outcomes'), num: true },
          { label: t('evaluation.figures.meetings.col.followUps'), num: true },
        ]}
      >
        {meetings.map((m) => (
          <tr key={m.id} data-meeting={m.id}>
            <th scope="row">
              {t('evaluation.figures.meetings.name', {
                year: String(m.year),
                host: m.hostName,
              })}
              {m.status !== 'held' ? (
                <>
                  {' '}
                  ({ctx.i18n.tDynamic(`meetingStatus.${m.status}`).toLocaleLowerCase(ctx.i18n.intl)}
                  )
                </>
              ) : null}
            </th>
            <td lang={m.theme ? langAttr(ctx.i18n.locale, 'sv') : undefined}>{m.theme ?? '–'}</td>
            <td class="num">{f(m.programmeItems)}</td>
            <td class="num">{f(m.seminars)}</td>
            <td class="num">{f(m.delegates)}</td>
            <td class="num">{f(m.outcomes)}</td>
            <td class="num">
              {t('evaluation.figures.meetings.followUpsValue', {
                closed: m.followUpsClosed,
                total: m.followUps,
              })}
            </td>
          </tr>
        ))}
      </FiguresTable>
      {meetings.some((m) => m.delegates > 0) ? (
        <>
          <h4>{t('evaluation.figures.meetings.composition')}</h4>
          <p class="figures-note">{t('evaluation.figures.meetings.compositionNote')}</p>
          <dl class="figures-composition">
            {meetings
              .filter((m) => m.delegates > 0)
              .map((m) => (
                <div key={m.id}>
                  <dt>
                    {t('evaluation.figures.meetings.name', {
                      year: String(m.year),
                      host: m.hostName,
                    })}
                  </dt>
                  <dd>
                    {t('evaluation.figures.meetings.byCity')}{' '}
                    {joinCounts(
                      ctx,
                      m.delegatesByCity.map((c) => [c.label, c.value, true]),
                    )}
                  </dd>
                  <dd>
                    {t('evaluation.figures.meetings.byRole')}{' '}
                    {joinCounts(
                      ctx,
                      m.delegatesByRole.map((r) => [
                        ctx.i18n.tDynamic(`evaluation.figures.role.${r.key}`),
                        r.value,
                        false,
                      ]),
                    )}
                  </dd>
                </div>
              ))}
          </dl>
        </>
      ) : null}
    </Section>
  );
}

function Collaborations({ ctx, cur, prev }: PeriodProps) {
  const { t } = ctx.i18n;
  const c = cur.collaborations;
  const p = prev?.collaborations ?? null;
  const count = t('evaluation.figures.col.collaborations');
  const col = (k: Parameters<typeof colHeader>[1]) => colHeader(ctx, k);
  return (
    <CountsSection
      ctx={ctx}
      name="collaborations"
      lead={t('evaluation.figures.collaborations.note')}
      total={c.total}
      charts={[
        countChart(ctx, 'collab-city', 'collabByCity', 'city', count, c.byCity),
        countChart(ctx, 'collab-area', 'collabByArea', 'area', count, c.byArea),
      ]}
      id="figures-collab"
      caption={(key) => t(`evaluation.figures.collaborations.by.${key}`)}
      items={[
        ['city', c.byCity, p?.byCity, undefined, col('city')],
        ['area', c.byArea, p?.byArea, undefined, col('area')],
        ['organisation', c.byOrganisation, p?.byOrganisation, undefined, col('organisation'), TOP],
        ['kind', c.byKind, p?.byKind, 'collab.kind', col('kind')],
        ['status', c.byStatus, p?.byStatus, 'collab.status', col('status')],
      ]}
      prev={prev !== null}
    />
  );
}

function Exchanges({ ctx, cur, prev }: PeriodProps) {
  const { t } = ctx.i18n;
  const e = cur.exchanges;
  const p = prev?.exchanges ?? null;
  const count = t('evaluation.figures.col.exchanges');
  return (
    <CountsSection
      ctx={ctx}
      name="exchanges"
      lead={t('evaluation.figures.exchanges.sentence', {
        count: e.total,
        participants: e.participants,
      })}
      total={e.total}
      charts={[countChart(ctx, 'exchange-city', 'exchangesByCity', 'city', count, e.byCity)]}
      id="figures-exchange"
      caption={(key) => t(`evaluation.figures.exchanges.by.${key}`)}
      items={[
        ['city', e.byCity, p?.byCity, undefined, colHeader(ctx, 'city')],
        [
          'direction',
          e.byDirection,
          p?.byDirection,
          'collab.direction',
          colHeader(ctx, 'direction'),
        ],
      ]}
      prev={prev !== null}
    />
  );
}

function Campaigns({ ctx, cur }: { ctx: PageContext; cur: PeriodFigures }) {
  const { t, intl, formatNumber: f, formatList } = ctx.i18n;
  const sv = langAttr(ctx.i18n.locale, 'sv');
  return (
    <Section ctx={ctx} name="campaigns" none={cur.campaigns.length === 0}>
      <FiguresTable
        id="figures-campaigns"
        caption={t('evaluation.figures.campaigns.caption')}
        columns={[
          { label: t('evaluation.figures.campaigns.col.campaign') },
          { label: t('evaluation.figures.campaigns.col.asked'), num: true },
          { label: t('evaluation.figures.campaigns.col.answered'), num: true },
          { label: t('evaluation.figures.campaigns.col.missing') },
        ]}
      >
        {cur.campaigns.map((c) => (
          <tr key={c.id} data-campaign={c.id}>
            <th scope="row">
              <span lang={sv}>{c.title}</span>
              <br />
              <span class="figures-small">
                {t('evaluation.figures.campaigns.deadline', {
                  date: formatPlainDate(c.deadline, intl),
                })}
              </span>
            </th>
            <td class="num">{f(c.asked)}</td>
            <td class="num">{f(c.answered.length)}</td>
            <td>
              {c.missing.length === 0 ? (
                t('evaluation.figures.campaigns.allAnswered')
              ) : (
                <span lang={sv}>{formatList(c.missing)}</span>
              )}
            </td>
          </tr>
        ))}
      </FiguresTable>
    </Section>
  );
}

function Decisions({ ctx, cur, prev }: PeriodProps) {
  const { t, intl } = ctx.i18n;
  const d = cur.decisions;
  return (
    <Section ctx={ctx} name="decisions" none={d.total === 0}>
      <CompareTable
        ctx={ctx}
        id="figures-decisions"
        caption={t('evaluation.figures.decisions.caption')}
        first={t('evaluation.figures.col.body')}
        rows={breakdownRows(ctx, d.byKind, prev?.decisions.byKind ?? null, 'decisions.body')}
        prev={prev !== null}
      />
      <ul class="figures-decision-list">
        {d.items.map((item) => (
          <li key={item.id}>
            {formatPlainDate(item.decidedOn, intl)},{' '}
            {ctx.i18n.tDynamic(`decisions.body.${item.kind}`)}:{' '}
            <span lang={langAttr(ctx.i18n.locale, 'sv')}>{item.title}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

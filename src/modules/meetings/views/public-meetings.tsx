import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import { Content, langAttr, withParts } from '../../../ui/content.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Fact, meetingTitle, SubPage, SwedishFacts, type MeetingProps } from './page-parts.tsx';
import { DataTable, type Column } from '../../../ui/table.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { MeetingDocument } from '../meeting-document.service.ts';
import type { DelegationListing, Meeting } from '../meeting.service.ts';
import type { Outcome } from '../outcome.service.ts';
import type { ProgrammeItem } from '../programme.service.ts';
import type { RotationEntry, RotationOverview } from '../rotation.service.ts';

/** A size in bytes as "12 kB" or "1.2 MB". */
export function formatSize(bytes: number, intl: string): string {
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(intl).format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** What stands in for missing dates: unknown for the record, not yet set for the future. */
export const noDates = (status: Meeting['status']) =>
  status === 'held' || status === 'cancelled' ? 'meeting.datesUnknown' : 'meetings.datesLater';

function CityName({ ctx, city }: { ctx: PageContext; city: City }) {
  const text = localized(city, ctx.i18n.locale);
  return <span lang={text.lang === ctx.i18n.locale ? undefined : text.lang}>{text.name}</span>;
}

export function MeetingsPage({
  ctx,
  overview,
  meetings,
  members,
}: {
  ctx: PageContext;
  overview: RotationOverview;
  meetings: Meeting[];
  members: number;
}) {
  const { t, intl, locale } = ctx.i18n;
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const meetingOf = (turn: { meetingId: string | null }) =>
    turn.meetingId ? byId.get(turn.meetingId) : undefined;
  const { p3 } = overview;
  // The meetings held, planned or confirmed first (newest first), then the rotation's
  // forecast of coming hosts, folded (issue 19: the forecast no longer pushes 2027 down).
  const registered = overview.turns.filter((turn) => turn.status !== 'forecast').reverse();
  const forecast = overview.turns.filter((turn) => turn.status === 'forecast');
  const columns: Column<RotationEntry>[] = [
    {
      header: t('meetings.col.year'),
      rowHeader: true,
      cell: (turn) => {
        const meeting = meetingOf(turn);
        return meeting ? <a href={`/meetings/${meeting.id}`}>{turn.year}</a> : turn.year;
      },
    },
    {
      header: t('meetings.col.host'),
      cell: (turn) => (
        <a href={`/cities/${turn.host.slug}`}>
          <CityName ctx={ctx} city={turn.host} />
        </a>
      ),
    },
    {
      header: t('meetings.col.dates'),
      cell: (turn) => {
        const meeting = meetingOf(turn);
        return meeting?.startDate
          ? formatDateRange(meeting.startDate, meeting.endDate, intl)
          : t(noDates(turn.status));
      },
    },
    {
      header: t('meetings.col.theme'),
      cell: (turn) => {
        const theme = meetingOf(turn)?.theme;
        return theme ? <Content locale={locale}>{theme}</Content> : '';
      },
    },
    {
      header: t('meetings.col.status'),
      cell: (turn) => (
        <span class={`tag tag-meeting-${turn.status}`}>{t(`meetingStatus.${turn.status}`)}</span>
      ),
    },
  ];
  return (
    <TitledPage ctx={ctx} title={t('meetings.title')} section="meetings" lead={t('meetings.lead')}>
      {overview.homeNext ? (
        <p class="panel panel-highlight">
          <strong>{t('meetings.homeNext', { year: overview.homeNext.year })}</strong>
        </p>
      ) : null}
      {p3 && !p3.ok ? (
        <p class="panel panel-highlight" role="note">
          {t('meetings.p3Warning', { members, cycle: p3.cycleYears })}
        </p>
      ) : null}
      <p>
        <a href="/meetings.ics">{t('meetings.calendar')}</a>
      </p>
      <DataTable
        caption={t('meetings.timelineCaption')}
        rows={registered}
        rowKey={(turn) => `${turn.year}-${turn.host.id}`}
        columns={columns}
      />
      {forecast.length > 0 ? (
        <details class="meetings-forecast">
          <summary>{t('meetings.forecastSummary')}</summary>
          <DataTable
            caption={t('meetings.forecastCaption')}
            rows={forecast}
            rowKey={(turn) => `${turn.year}-${turn.host.id}`}
            columns={columns}
          />
          <p class="hint">{t('meetings.forecastNote')}</p>
        </details>
      ) : null}
    </TitledPage>
  );
}

function ProgrammeDay({
  ctx,
  day,
  items,
}: {
  ctx: PageContext;
  day: string;
  items: ProgrammeItem[];
}) {
  const { t, intl, locale } = ctx.i18n;
  const label = formatPlainDate(day, intl);
  return (
    <DataTable
      caption={t('meeting.programmeCaption', { day: label })}
      rows={items}
      columns={[
        {
          header: t('meeting.col.time'),
          cell: (item) => (
            <>
              {item.startsAt}–{item.endsAt}
            </>
          ),
        },
        {
          header: t('meeting.col.item'),
          rowHeader: true,
          cell: (item) => (
            <>
              <Content locale={locale}>{item.title}</Content>
              {item.description ? (
                <Content locale={locale} as="p" class="hint">
                  {item.description}
                </Content>
              ) : null}
            </>
          ),
        },
        { header: t('meeting.col.kind'), cell: (item) => t(`programmeKind.${item.kind}`) },
        {
          header: t('meeting.col.location'),
          cell: (item) => (item.location ? <Content locale={locale}>{item.location}</Content> : ''),
        },
      ]}
    />
  );
}

export function OutcomeText({ ctx, outcome }: { ctx: PageContext; outcome: Outcome }) {
  const { t, intl, locale } = ctx.i18n;
  const { closedOn } = outcome;
  return (
    <>
      <span class="tag">{t(`outcomeKind.${outcome.kind}`)}</span>{' '}
      <Content locale={locale}>{outcome.text}</Content>
      {outcome.responsibleCity ? (
        <>
          {' '}
          <span class="hint">
            {t('meeting.responsible', {
              city: localized(outcome.responsibleCity, ctx.i18n.locale).name,
            })}
          </span>
        </>
      ) : null}
      {outcome.dueOn ? (
        <>
          {' '}
          <span class="hint">
            {t('meeting.due', { date: formatPlainDate(outcome.dueOn, intl) })}
          </span>
        </>
      ) : null}
      {closedOn ? (
        <>
          {' '}
          <span class="hint">
            {withParts(
              ({ note }) => t('meeting.closed', { date: formatPlainDate(closedOn, intl), note }),
              {
                note: outcome.closingNote ? (
                  <Content locale={locale}>{outcome.closingNote}</Content>
                ) : (
                  ''
                ),
              },
            )}
          </span>
        </>
      ) : null}
    </>
  );
}

export function DocumentLink({
  ctx,
  meetingId,
  doc,
}: {
  ctx: PageContext;
  meetingId: string;
  doc: MeetingDocument;
}) {
  const { t, intl, locale } = ctx.i18n;
  return (
    <a href={`/meetings/${meetingId}/documents/${doc.id}`}>
      {withParts(
        ({ title }) =>
          t('meeting.download', {
            title,
            kind: t(`documentKind.${doc.kind}`),
            size: formatSize(doc.size, intl),
          }),
        { title: <Content locale={locale}>{doc.title}</Content> },
      )}
      {doc.visibility === 'internal' || doc.secret ? ` (${t('meeting.internal')})` : ''}
    </a>
  );
}

/**
 * A delegation member: name, title, affiliation. Gothenburg's delegation is written in
 * Swedish by the city's staff (marked on other pages); a partner city's contact writes in a
 * language the portal does not record, so theirs is left as it is.
 */
function DelegationMember({
  ctx,
  city,
  member: m,
}: {
  ctx: PageContext;
  city: City;
  member: DelegationListing['members'][number];
}) {
  const lang = city.kind === 'home' ? 'sv' : ctx.i18n.locale;
  return (
    <>
      {m.name}
      {m.title ? (
        <>
          ,{' '}
          <Content locale={ctx.i18n.locale} lang={lang}>
            {m.title}
          </Content>
        </>
      ) : (
        ''
      )}
      {m.affiliation ? (
        <>
          {' '}
          (
          <Content locale={ctx.i18n.locale} lang={lang}>
            {m.affiliation}
          </Content>
          )
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** The facts of a meeting: host, dates, venue, theme, status, and its calendar file. */
export function MeetingFacts({ ctx, detail }: MeetingProps) {
  const { t, intl, locale } = ctx.i18n;
  const sv = langAttr(locale);
  const { meeting } = detail;
  return (
    <Section ctx={ctx} name="facts">
      <dl class="facts">
        <dt>{t('meeting.host')}</dt>
        <dd>
          <a href={`/cities/${meeting.host.slug}`}>
            <CityName ctx={ctx} city={meeting.host} />
          </a>
        </dd>
        <dt>{t('meeting.dates')}</dt>
        <dd>
          {meeting.startDate
            ? formatDateRange(meeting.startDate, meeting.endDate, intl)
            : t(noDates(meeting.status))}
        </dd>
        <SwedishFacts ctx={ctx} of={meeting} fields={['venue', 'theme']} />
        <dt>{t('meeting.status')}</dt>
        <dd>
          {t(`meetingStatus.${meeting.status}`)}
          {meeting.originalYear
            ? ` (${t('meeting.originalYear', { year: meeting.originalYear })})`
            : ''}
        </dd>
        <Fact term={t('meeting.reason')} lang={sv}>
          {meeting.statusReason}
        </Fact>
      </dl>
      {meeting.startDate ? (
        <p>
          <a href={`/meetings/${meeting.id}/calendar.ics`}>{t('meetings.calendarOne')}</a>
        </p>
      ) : null}
    </Section>
  );
}

/** The parts of a meeting that can be empty: then they say so (`meeting.<name>None`). */
type Emptiable = 'programme' | 'seminars' | 'delegations' | 'followUps' | 'outcomes' | 'documents';

/** A section of a meeting's page: its heading (`meeting.<name>`), then its content or that it has none. */
function Section(props: {
  ctx: PageContext;
  name: Emptiable | 'facts';
  none?: boolean;
  children: ComponentChildren;
}) {
  const { t } = props.ctx.i18n;
  const id = `${props.name.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(`meeting.${props.name}`)}</h2>
      {props.none ? <p>{t(`meeting.${props.name as Emptiable}None`)}</p> : props.children}
    </section>
  );
}

/** The programme, day by day. */
export function ProgrammeSection({ ctx, detail }: MeetingProps) {
  const days = [...new Set(detail.programme.map((p) => p.day))];
  return (
    <Section ctx={ctx} name="programme" none={days.length === 0}>
      {days.map((day) => (
        <ProgrammeDay
          key={day}
          ctx={ctx}
          day={day}
          items={detail.programme.filter((p) => p.day === day)}
        />
      ))}
    </Section>
  );
}

export function SeminarsSection({ ctx, detail }: MeetingProps) {
  const { locale } = ctx.i18n;
  return (
    <Section ctx={ctx} name="seminars" none={detail.seminars.length === 0}>
      {detail.seminars.map((s) => (
        <article class="card" key={s.id}>
          <Content locale={locale} as="h3">
            {s.title}
          </Content>
          <dl class="facts">
            <SwedishFacts ctx={ctx} of={s} fields={['topicArea', 'speakers']} />
          </dl>
          {s.description ? (
            <Content locale={locale} as="p">
              {s.description}
            </Content>
          ) : null}
        </article>
      ))}
    </Section>
  );
}

/** The confirmed delegations and their members' public fields. */
export function DelegationsSection({ ctx, detail }: MeetingProps) {
  const { t } = ctx.i18n;
  return (
    <Section ctx={ctx} name="delegations" none={detail.delegations.length === 0}>
      {detail.delegations.map((d) => (
        <div key={d.city.id}>
          <h3>{t('meeting.delegationOf', { city: localized(d.city, ctx.i18n.locale).name })}</h3>
          <ul>
            {d.members.map((m, i) => (
              <li key={i}>
                <DelegationMember ctx={ctx} city={d.city} member={m} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

/** Open actions of earlier meetings, on this meeting's agenda. */
export function FollowUpsSection({ ctx, detail }: MeetingProps) {
  const { t } = ctx.i18n;
  return (
    <Section ctx={ctx} name="followUps">
      <p>{t('meeting.followUpsLead')}</p>
      {detail.followUps.length === 0 ? (
        <p>{t('meeting.followUpsNone')}</p>
      ) : (
        <ul>
          {detail.followUps.map((o) => (
            <li key={o.id}>
              <span class="hint">{t('meeting.fromMeeting', { year: o.year })}:</span>{' '}
              <OutcomeText ctx={ctx} outcome={o} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function OutcomesSection({ ctx, detail }: MeetingProps) {
  return (
    <Section ctx={ctx} name="outcomes" none={detail.outcomes.length === 0}>
      <ul>
        {detail.outcomes.map((o) => (
          <li key={o.id}>
            <OutcomeText ctx={ctx} outcome={o} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The documents the reader may open (the service left out the internal ones otherwise). */
export function DocumentsSection({ ctx, detail }: MeetingProps) {
  const documents = detail.documents;
  return (
    <Section ctx={ctx} name="documents" none={documents.length === 0}>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <DocumentLink ctx={ctx} meetingId={detail.meeting.id} doc={d} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * The facts, programme, seminars, delegations, outcomes, follow-ups and documents (the
 * service left out the internal documents the reader may not open). The workspace shows
 * the same sections, each on a page of its own.
 */
export function MeetingBody({ ctx, detail }: MeetingProps) {
  return (
    <>
      <MeetingFacts ctx={ctx} detail={detail} />
      <ProgrammeSection ctx={ctx} detail={detail} />
      <SeminarsSection ctx={ctx} detail={detail} />
      <DelegationsSection ctx={ctx} detail={detail} />
      <FollowUpsSection ctx={ctx} detail={detail} />
      <OutcomesSection ctx={ctx} detail={detail} />
      <DocumentsSection ctx={ctx} detail={detail} />
    </>
  );
}

export function MeetingPage({
  ctx,
  detail,
  related,
}: MeetingProps & {
  /** Sections other modules add about the meeting (linked news), through the related-content port. */
  related?: ComponentChildren;
}) {
  const { t, locale } = ctx.i18n;
  const { meeting } = detail;
  const title = meetingTitle(ctx, meeting);
  return (
    <SubPage
      ctx={ctx}
      title={title}
      section="meetings"
      back={{ href: '/meetings', label: t('meetings.back') }}
    >
      {meeting.theme ? (
        <Content locale={locale} as="p" class="lead">
          {meeting.theme}
        </Content>
      ) : null}
      <MeetingBody ctx={ctx} detail={detail} />
      {related}
    </SubPage>
  );
}

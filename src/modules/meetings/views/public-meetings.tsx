import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Fact, SubPage } from './page-parts.tsx';
import { DataTable } from '../../../ui/table.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { MeetingDocument } from '../meeting-document.service.ts';
import type { Meeting, MeetingDetail } from '../meeting.service.ts';
import type { Outcome } from '../outcome.service.ts';
import type { ProgrammeItem } from '../programme.service.ts';
import type { RotationOverview } from '../rotation.service.ts';

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
  const { t, intl } = ctx.i18n;
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const meetingOf = (turn: { meetingId: string | null }) =>
    turn.meetingId ? byId.get(turn.meetingId) : undefined;
  const { p3 } = overview;
  return (
    <Layout ctx={ctx} title={t('meetings.title')} section="meetings">
      <h1>{t('meetings.title')}</h1>
      <p class="lead">{t('meetings.lead')}</p>
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
        rows={[...overview.turns].reverse()}
        rowKey={(turn) => `${turn.year}-${turn.host.id}`}
        columns={[
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
          { header: t('meetings.col.theme'), cell: (turn) => meetingOf(turn)?.theme ?? '' },
          {
            header: t('meetings.col.status'),
            cell: (turn) => (
              <span class={`tag tag-meeting-${turn.status}`}>
                {t(`meetingStatus.${turn.status}`)}
              </span>
            ),
          },
        ]}
      />
      <p class="hint">{t('meetings.forecastNote')}</p>
    </Layout>
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
  const { t, intl } = ctx.i18n;
  const label = formatPlainDate(day, intl);
  return (
    <DataTable
      caption={t('meeting.programmeCaption', { day: label })}
      rows={items}
      rowKey={(item) => item.id}
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
              {item.title}
              {item.description ? <p class="hint">{item.description}</p> : null}
            </>
          ),
        },
        { header: t('meeting.col.kind'), cell: (item) => t(`programmeKind.${item.kind}`) },
        { header: t('meeting.col.location'), cell: (item) => item.location ?? '' },
      ]}
    />
  );
}

export function OutcomeText({ ctx, outcome }: { ctx: PageContext; outcome: Outcome }) {
  const { t, intl } = ctx.i18n;
  return (
    <>
      <span class="tag">{t(`outcomeKind.${outcome.kind}`)}</span> {outcome.text}
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
      {outcome.closedOn ? (
        <>
          {' '}
          <span class="hint">
            {t('meeting.closed', {
              date: formatPlainDate(outcome.closedOn, intl),
              note: outcome.closingNote ?? '',
            })}
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
  const { t, intl } = ctx.i18n;
  return (
    <a href={`/meetings/${meetingId}/documents/${doc.id}`}>
      {t('meeting.download', {
        title: doc.title,
        kind: t(`documentKind.${doc.kind}`),
        size: formatSize(doc.size, intl),
      })}
      {doc.visibility === 'internal' ? ` (${t('meeting.internal')})` : ''}
    </a>
  );
}

/** The facts, programme, seminars, delegations, outcomes, follow-ups and documents. */
export function MeetingBody({
  ctx,
  detail,
  showInternal,
}: {
  ctx: PageContext;
  detail: MeetingDetail;
  showInternal: boolean;
}) {
  const { t, intl } = ctx.i18n;
  const { meeting } = detail;
  const days = [...new Set(detail.programme.map((p) => p.day))];
  const documents = detail.documents.filter((d) => showInternal || d.visibility === 'public');
  return (
    <>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('meeting.facts')}</h2>
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
          <Fact term={t('meeting.venue')}>{meeting.venue}</Fact>
          <Fact term={t('meeting.theme')}>{meeting.theme}</Fact>
          <dt>{t('meeting.status')}</dt>
          <dd>
            {t(`meetingStatus.${meeting.status}`)}
            {meeting.originalYear
              ? ` (${t('meeting.originalYear', { year: meeting.originalYear })})`
              : ''}
          </dd>
          <Fact term={t('meeting.reason')}>{meeting.statusReason}</Fact>
        </dl>
        {meeting.startDate ? (
          <p>
            <a href={`/meetings/${meeting.id}/calendar.ics`}>{t('meetings.calendarOne')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t('meeting.programme')}</h2>
        {days.length === 0 ? <p>{t('meeting.programmeNone')}</p> : null}
        {days.map((day) => (
          <ProgrammeDay
            key={day}
            ctx={ctx}
            day={day}
            items={detail.programme.filter((p) => p.day === day)}
          />
        ))}
      </section>

      <section aria-labelledby="seminars-heading">
        <h2 id="seminars-heading">{t('meeting.seminars')}</h2>
        {detail.seminars.length === 0 ? <p>{t('meeting.seminarsNone')}</p> : null}
        {detail.seminars.map((s) => (
          <article class="card" key={s.id}>
            <h3>{s.title}</h3>
            <dl class="facts">
              <Fact term={t('meeting.topicArea')}>{s.topicArea}</Fact>
              <Fact term={t('meeting.speakers')}>{s.speakers}</Fact>
            </dl>
            {s.description ? <p>{s.description}</p> : null}
          </article>
        ))}
      </section>

      <section aria-labelledby="delegations-heading">
        <h2 id="delegations-heading">{t('meeting.delegations')}</h2>
        {detail.delegations.length === 0 ? <p>{t('meeting.delegationsNone')}</p> : null}
        {detail.delegations.map((d) => (
          <div key={d.city.id}>
            <h3>{t('meeting.delegationOf', { city: localized(d.city, ctx.i18n.locale).name })}</h3>
            <ul>
              {d.members.map((m, i) => (
                <li key={i}>
                  {m.name}
                  {m.title ? `, ${m.title}` : ''}
                  {m.affiliation ? ` (${m.affiliation})` : ''}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="followups-heading">
        <h2 id="followups-heading">{t('meeting.followUps')}</h2>
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
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('meeting.outcomes')}</h2>
        {detail.outcomes.length === 0 ? (
          <p>{t('meeting.outcomesNone')}</p>
        ) : (
          <ul>
            {detail.outcomes.map((o) => (
              <li key={o.id}>
                <OutcomeText ctx={ctx} outcome={o} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('meeting.documents')}</h2>
        {documents.length === 0 ? (
          <p>{t('meeting.documentsNone')}</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <DocumentLink ctx={ctx} meetingId={meeting.id} doc={d} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function MeetingPage({ ctx, detail }: { ctx: PageContext; detail: MeetingDetail }) {
  const { t, locale } = ctx.i18n;
  const { meeting } = detail;
  const title = t('meeting.title', {
    year: meeting.year,
    city: localized(meeting.host, locale).name,
  });
  return (
    <SubPage
      ctx={ctx}
      title={title}
      section="meetings"
      back={{ href: '/meetings', label: t('meetings.back') }}
    >
      {meeting.theme ? <p class="lead">{meeting.theme}</p> : null}
      <MeetingBody ctx={ctx} detail={detail} showInternal={ctx.user !== null} />
    </SubPage>
  );
}

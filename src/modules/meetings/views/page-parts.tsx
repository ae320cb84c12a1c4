import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { langAttr } from '../../../ui/content.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { PageHeading } from '../../../ui/page-heading.tsx';
import { DataTable, type Column } from '../../../ui/table.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { isWorkspacePath, placeOf } from '../../../ui/workspace-nav.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { MeetingDetail } from '../meeting.service.ts';

/** The props of a view of one meeting: the page, and the meeting with its parts. */
export interface MeetingProps {
  ctx: PageContext;
  detail: MeetingDetail;
}

/** A meeting's name in the page's language: its year and its host city. */
export function meetingTitle(ctx: PageContext, meeting: { year: number; host: City }): string {
  return ctx.i18n.t('meeting.title', {
    year: meeting.year,
    city: localized(meeting.host, ctx.i18n.locale).name,
  });
}

/** A page below another: the link back to it, the page's heading, then its content. */
export function SubPage(props: {
  ctx: PageContext;
  title: string;
  /** The document's title, when it says more than the heading (a section of a meeting). */
  pageTitle?: string;
  back: { href: string; label: string };
  section?: 'meetings';
  children: ComponentChildren;
}) {
  // In the workspace the layout's breadcrumbs lead back to the page's place (decision 034):
  // this link only when it leads elsewhere (e.g. back to the meeting).
  const inWorkspace = props.ctx.user !== null && isWorkspacePath(props.ctx.path);
  const backIsPlace = inWorkspace && placeOf(props.ctx.path)?.href === props.back.href;
  return (
    <Layout ctx={props.ctx} title={props.pageTitle ?? props.title} section={props.section}>
      <PageHeading back={backIsPlace ? undefined : props.back} heading={props.title} />
      {props.children}
    </Layout>
  );
}

/**
 * A term and its value in a list of facts (`dl class="facts"`); nothing without a value.
 * `lang` marks a value in another language than the page's (content written in Swedish).
 */
export function Fact({
  term,
  lang,
  children,
}: {
  term: string;
  lang?: string | undefined;
  children: ComponentChildren;
}) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd lang={lang}>{children}</dd>
    </>
  );
}

/**
 * Fields written in Swedish (a meeting's venue, a seminar's speakers): each a fact whose term is
 * the message `meeting.<field>`, nothing for an empty one.
 */
export function SwedishFacts<F extends 'venue' | 'theme' | 'topicArea' | 'speakers'>(props: {
  ctx: PageContext;
  of: Readonly<Record<F, string | null>>;
  fields: readonly F[];
}) {
  const { t, locale } = props.ctx.i18n;
  return (
    <>
      {props.fields.map((field) => (
        <Fact key={field} term={t(`meeting.${field}`)} lang={langAttr(locale)}>
          {props.of[field]}
        </Fact>
      ))}
    </>
  );
}

/**
 * The workspace page of one kind of work on the meetings (delegations, host plans): its title
 * and lead (`<work>.overview.title`, `.lead`), what comes before the list, then the list with a
 * row per meeting, whose first column names the meeting (`<work>.col.meeting`) and whose caption
 * (for screen readers only, as a `ListTable`'s) and empty text are `<work>.overview.caption` and
 * `.none`.
 */
export function MeetingsOverviewPage<R extends { meeting: { id: string } }>(props: {
  ctx: PageContext;
  work: 'delegation' | 'hostPlan';
  rows: R[];
  /** The first column's cell: the meeting, and where its work is. */
  meeting: (row: R) => ComponentChildren;
  /** The columns after the meeting. */
  columns: Column<R>[];
  children?: ComponentChildren;
}) {
  const { ctx, work } = props;
  const { t } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} messages={`${work}.overview` as const}>
      {props.children}
      <DataTable
        caption={t(`${work}.overview.caption`)}
        captionHidden
        rows={props.rows}
        rowKey={(row) => row.meeting.id}
        empty={t(`${work}.overview.none`)}
        columns={[
          { header: t(`${work}.col.meeting`), rowHeader: true, cell: props.meeting },
          ...props.columns,
        ]}
      />
    </TitledPage>
  );
}

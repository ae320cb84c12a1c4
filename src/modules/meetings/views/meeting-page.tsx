import type { ComponentChildren } from 'preact';
import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import { Button, Form } from '../../../ui/fields.tsx';
import { meetingTitle, SubPage, type MeetingProps } from './page-parts.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { Meeting, MeetingDetail } from '../meeting.service.ts';
import { DocumentFields, DocumentFileField } from './document-form.tsx';
import { PanelForm, type Values } from './meeting-fields.tsx';
import { CloseActionForms, OutcomeFields } from './outcome-form.tsx';
import { meetingDays, ProgrammeFields } from './programme-form.tsx';
import {
  DelegationsSection,
  DocumentsSection,
  FollowUpsSection,
  MeetingFacts,
  OutcomesSection,
  ProgrammeSection,
  SeminarsSection,
} from './public-meetings.tsx';
import { SeminarFields } from './seminar-form.tsx';

/** The segment of a part's URL: programme items, seminars or documents. */
export type PartSegment = 'programme' | 'seminars' | 'documents';

/**
 * The meeting workspace in pages (decision 035): an overview, then one page for each kind
 * of work, each with its list and its form. The overview is the meeting's own address.
 */
export const MEETING_SECTIONS = [
  'overview',
  'programme',
  'seminars',
  'documents',
  'outcomes',
  'delegations',
] as const;
export type MeetingSection = (typeof MEETING_SECTIONS)[number];

/** The address of a section of a meeting's workspace. */
export const sectionHref = (meetingId: string, section: MeetingSection) =>
  section === 'overview'
    ? `/workspace/meetings/${meetingId}`
    : `/workspace/meetings/${meetingId}/${section}`;

/** The section a kind of part is listed, added and removed in. */
export const SECTION_OF: Record<PartSegment, MeetingSection> = {
  programme: 'programme',
  seminars: 'seminars',
  documents: 'documents',
};

/** The links to correct or remove each programme item, seminar or document of one kind. */
function PartActions({ ctx, detail, segment }: MeetingProps & { segment: PartSegment }) {
  const { t, locale } = ctx.i18n;
  const base = `/workspace/meetings/${detail.meeting.id}`;
  const parts =
    segment === 'programme'
      ? detail.programme
      : segment === 'seminars'
        ? detail.seminars
        : detail.documents;
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="remove-heading">
      <h2 id="remove-heading">{t(`workspace.meetings.section.${segment}.change`)}</h2>
      <ul class="link-list">
        {parts.map((part) => (
          <li key={part.id} class="part-actions">
            <a href={`${base}/${segment}/${part.id}/edit`}>
              {t('workspace.meetings.edit')}
              <span class="visually-hidden">
                {' '}
                <Content locale={locale}>{part.title}</Content>
              </span>
            </a>
            <ConfirmLink variant="link" href={`${base}/${segment}/${part.id}/delete`}>
              {withParts(({ title }) => t('workspace.meetings.remove', { title }), {
                title: <Content locale={locale}>{part.title}</Content>,
              })}
            </ConfirmLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How many things a section lists, for its link in the section navigation. */
function countOf(detail: MeetingDetail, section: MeetingSection): number | null {
  switch (section) {
    case 'overview':
      return null;
    case 'programme':
      return detail.programme.length;
    case 'seminars':
      return detail.seminars.length;
    case 'documents':
      return detail.documents.length;
    case 'outcomes':
      // The section lists the open actions of earlier meetings too.
      return detail.outcomes.length + detail.followUps.length;
    case 'delegations':
      return detail.delegations.length;
  }
}

/** The sections of the meeting, the current one marked. */
function SectionNav({ ctx, detail, current }: MeetingProps & { current: MeetingSection }) {
  const { t } = ctx.i18n;
  return (
    <nav aria-label={t('workspace.meetings.sectionsNav')} class="sub-nav meeting-sections">
      <ul>
        {MEETING_SECTIONS.map((section) => {
          const count = countOf(detail, section);
          return (
            <li key={section}>
              <a
                href={sectionHref(detail.meeting.id, section)}
                aria-current={section === current ? 'page' : undefined}
              >
                {t(`workspace.meetings.section.${section}`)}
                {count === null ? null : (
                  <span class="section-count"> ({ctx.i18n.formatNumber(count)})</span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The actions not yet closed: this meeting's, and those of earlier meetings on its agenda. */
const openActionsOf = (detail: MeetingDetail) =>
  [...detail.followUps, ...detail.outcomes].filter((o) => o.kind === 'action' && !o.closedOn);

/** The overview: the facts, where to go next, and the links beside the meeting. */
function Overview({ ctx, detail, canEdit }: MeetingProps & { canEdit: boolean }) {
  const { t } = ctx.i18n;
  const { meeting } = detail;
  const base = `/workspace/meetings/${meeting.id}`;
  const openActions = openActionsOf(detail).length;
  return (
    <>
      <MeetingFacts ctx={ctx} detail={detail} />
      <section aria-labelledby="work-heading">
        <h2 id="work-heading">{t('workspace.meetings.overview.work')}</h2>
        <ul class="link-list">
          {canEdit ? (
            <li>
              <a href={`${base}/edit`}>{t('workspace.meetings.overview.edit')}</a>
            </li>
          ) : null}
          {openActions > 0 ? (
            <li>
              <a href={sectionHref(meeting.id, 'outcomes')}>
                {t('workspace.meetings.overview.openActions', { count: openActions })}
              </a>
            </li>
          ) : null}
          {meeting.host.kind === 'home' && ctx.user?.roles.some((g) => g.role === 'coordinator') ? (
            <li>
              <a href={`${base}/host-plan`}>{t('workspace.meetings.hostPlan')}</a>
            </li>
          ) : null}
          <li>
            <a href={`/meetings/${meeting.id}`}>{t('workspace.meetings.public')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}

/**
 * What an add form adds: its heading, the meeting's address it posts to, its button's text
 * (`workspace.meetings.add` unless said) and whether it sends a file.
 */
interface AddSpec {
  heading: PlainKey;
  segment: string;
  submit?: PlainKey;
  multipart?: boolean;
}

const ADDS: Record<'programme' | 'seminar' | 'document' | 'outcome', AddSpec> = {
  programme: { heading: 'workspace.meetings.addProgramme', segment: 'programme' },
  seminar: { heading: 'workspace.meetings.addSeminar', segment: 'seminars' },
  document: {
    heading: 'workspace.meetings.addDocument',
    segment: 'documents',
    submit: 'workspace.meetings.upload',
    multipart: true,
  },
  outcome: {
    heading: 'workspace.meetings.addOutcome',
    segment: 'outcomes',
    submit: 'workspace.meetings.record',
  },
};

/** A section's add form, when the reader may change the meeting. */
function AddForm(props: {
  ctx: PageContext;
  meeting: Meeting;
  adds: keyof typeof ADDS;
  values: Values;
  children: ComponentChildren;
}) {
  const { t } = props.ctx.i18n;
  const add = ADDS[props.adds];
  return (
    <PanelForm
      ctx={props.ctx}
      id={`add-${props.adds}-heading`}
      heading={t(add.heading)}
      action={`/workspace/meetings/${props.meeting.id}/${add.segment}`}
      values={props.values}
      submit={t(add.submit ?? 'workspace.meetings.add')}
      multipart={add.multipart ?? false}
    >
      {props.children}
    </PanelForm>
  );
}

/** A part of the meeting with its list; for an editor, its change and remove links and its add form. */
function EditablePart({
  ctx,
  detail,
  canEdit,
  segment,
  values,
}: MeetingProps & {
  canEdit: boolean;
  segment: PartSegment;
  values: Values;
}) {
  const List = {
    programme: ProgrammeSection,
    seminars: SeminarsSection,
    documents: DocumentsSection,
  }[segment];
  return (
    <>
      <List ctx={ctx} detail={detail} />
      {canEdit ? (
        <>
          <PartActions ctx={ctx} detail={detail} segment={segment} />
          <AddPart ctx={ctx} meeting={detail.meeting} segment={segment} values={values} />
        </>
      ) : null}
    </>
  );
}

/** The programme's add form: the day is one of the meeting's days, so it needs its dates. */
function AddProgramme({
  ctx,
  meeting,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  values: Values;
}) {
  const { t } = ctx.i18n;
  const days = meetingDays(meeting);
  if (days.length === 0)
    return (
      <p class="panel">
        {withParts(({ link }) => t('workspace.meetings.programmeNeedsDates', { link }), {
          link: (
            <a href={`/workspace/meetings/${meeting.id}/edit`}>
              {t('workspace.meetings.programmeNeedsDatesLink')}
            </a>
          ),
        })}
      </p>
    );
  return (
    <AddForm
      ctx={ctx}
      meeting={meeting}
      adds="programme"
      // A new item's day starts at the meeting's first.
      values={{ ...values, itemDay: values.itemDay ?? days[0]! }}
    >
      <ProgrammeFields ctx={ctx} days={days} />
    </AddForm>
  );
}

/** A part's add form: the programme's (its day is one of the meeting's), a seminar's or a document's. */
function AddPart(props: {
  ctx: PageContext;
  meeting: Meeting;
  segment: PartSegment;
  values: Values;
}) {
  const { ctx, meeting, values } = props;
  if (props.segment === 'programme')
    return <AddProgramme ctx={ctx} meeting={meeting} values={values} />;
  return props.segment === 'seminars' ? (
    <AddForm ctx={ctx} meeting={meeting} adds="seminar" values={values}>
      <SeminarFields ctx={ctx} />
    </AddForm>
  ) : (
    <AddForm ctx={ctx} meeting={meeting} adds="document" values={values}>
      <DocumentFields ctx={ctx} />
      <DocumentFileField ctx={ctx} />
    </AddForm>
  );
}

/** One section's list, its change and remove links, and its form. */
function SectionBody(
  props: MeetingProps & {
    section: Exclude<MeetingSection, 'overview'>;
    canEdit: boolean;
    hosts: City[];
    values: Values;
  },
) {
  const { ctx, detail, section, canEdit, hosts, values } = props;
  const { t } = ctx.i18n;
  const { meeting } = detail;
  const base = `/workspace/meetings/${meeting.id}`;
  switch (section) {
    case 'programme':
    case 'seminars':
    case 'documents':
      return <EditablePart {...props} segment={section} />;
    case 'outcomes':
      return (
        <>
          <FollowUpsSection ctx={ctx} detail={detail} />
          <OutcomesSection ctx={ctx} detail={detail} />
          {canEdit ? (
            <>
              <CloseActionForms
                ctx={ctx}
                meeting={meeting}
                actions={openActionsOf(detail)}
                values={values}
              />
              <AddForm ctx={ctx} meeting={meeting} adds="outcome" values={values}>
                <OutcomeFields ctx={ctx} hosts={hosts} />
              </AddForm>
            </>
          ) : null}
        </>
      );
    case 'delegations':
      return (
        <>
          <DelegationsSection ctx={ctx} detail={detail} />
          <section aria-labelledby="delegation-work-heading">
            <h2 id="delegation-work-heading">{t('workspace.meetings.delegationsWork')}</h2>
            <p>{t('workspace.meetings.delegationsWorkLead')}</p>
            <ul class="link-list">
              {hosts.map((city) => (
                <li key={city.id}>
                  <a href={`${base}/delegations/${city.slug}`}>
                    {t('meeting.delegationOf', { city: localized(city, ctx.i18n.locale).name })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      );
  }
}

export function WorkspaceMeetingPage({
  ctx,
  detail,
  canEdit,
  hosts,
  section = 'overview',
  values = {},
}: MeetingProps & {
  canEdit: boolean;
  /** The chain's members: the responsible city of an outcome, the delegations. */
  hosts: City[];
  section?: MeetingSection;
  /** The values of the form the page is re-rendered for. */
  values?: Values | undefined;
}) {
  const { t } = ctx.i18n;
  const { meeting } = detail;
  const title = meetingTitle(ctx, meeting);
  return (
    <SubPage
      ctx={ctx}
      title={title}
      pageTitle={
        section === 'overview'
          ? title
          : t('workspace.meetings.sectionTitle', {
              section: t(`workspace.meetings.section.${section}`),
              meeting: title,
            })
      }
      back={{ href: '/workspace/meetings', label: t('workspace.meetings.back') }}
    >
      <SectionNav ctx={ctx} detail={detail} current={section} />
      {canEdit ? null : <p class="panel">{t('workspace.meetings.mayNotEdit')}</p>}
      {section === 'overview' ? (
        <Overview ctx={ctx} detail={detail} canEdit={canEdit} />
      ) : (
        <SectionBody
          ctx={ctx}
          detail={detail}
          section={section}
          canEdit={canEdit}
          hosts={hosts}
          values={values}
        />
      )}
    </SubPage>
  );
}

const PART_TITLES = {
  programme: 'workspace.meetings.editProgrammeTitle',
  seminars: 'workspace.meetings.editSeminarTitle',
  documents: 'workspace.meetings.editDocumentTitle',
} as const;

/** What every page about one programme item, seminar or document of a meeting shows. */
export interface PartPageProps {
  ctx: PageContext;
  meeting: Meeting;
  segment: PartSegment;
  partId: string;
  /** The saved title (a form on the page may hold a changed one). */
  partTitle: string;
}

/** The form to correct one programme item, seminar or document of a meeting in place. */
export function MeetingPartFormPage({
  ctx,
  meeting,
  segment,
  partId,
  partTitle,
  filename,
  values,
}: PartPageProps & {
  /** The file of the document being edited (it stays as it is). */
  filename?: string | undefined;
  values: Values;
}) {
  const { t, locale } = ctx.i18n;
  const base = `/workspace/meetings/${meeting.id}`;
  const title = t(PART_TITLES[segment]);
  return (
    <SubPage
      ctx={ctx}
      title={title}
      back={{
        href: sectionHref(meeting.id, SECTION_OF[segment]),
        label: t(`workspace.meetings.backTo.${segment}`),
      }}
    >
      <p class="lead">
        {withParts(
          ({ title }) => t('workspace.meetings.editPartLead', { year: meeting.year, title }),
          { title: <Content locale={locale}>{partTitle}</Content> },
        )}
      </p>
      <Form ctx={ctx} action={`${base}/${segment}/${partId}/edit`} values={values}>
        {segment === 'programme' ? (
          <ProgrammeFields ctx={ctx} days={meetingDays(meeting)} withDescription />
        ) : segment === 'seminars' ? (
          <SeminarFields ctx={ctx} />
        ) : (
          <>
            <DocumentFields ctx={ctx} />
            {filename ? <p>{t('workspace.meetings.docFileKept', { filename })}</p> : null}
          </>
        )}
        <Button>{t('workspace.meetings.saveChanges')}</Button>
      </Form>
    </SubPage>
  );
}

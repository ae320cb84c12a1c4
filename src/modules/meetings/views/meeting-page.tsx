import type { PageContext } from '../../../platform/page-context.ts';
import { Content, withParts } from '../../../ui/content.tsx';
import { Button, Form } from '../../../ui/fields.tsx';
import { SubPage } from './page-parts.tsx';
import { localized, type City } from '../../cities/index.ts';
import type { Meeting, MeetingDetail } from '../meeting.service.ts';
import { DocumentFields, DocumentFileField } from './document-form.tsx';
import { PanelForm, type Values } from './meeting-fields.tsx';
import { CloseActionForms, OutcomeFields } from './outcome-form.tsx';
import { ProgrammeFields } from './programme-form.tsx';
import { MeetingBody } from './public-meetings.tsx';
import { SeminarFields } from './seminar-form.tsx';

/** The segment of a part's URL: programme items, seminars or documents. */
export type PartSegment = 'programme' | 'seminars' | 'documents';

/** The links to correct or remove each programme item, seminar and document. */
function PartActions({ ctx, detail }: { ctx: PageContext; detail: MeetingDetail }) {
  const { t, locale } = ctx.i18n;
  const base = `/workspace/meetings/${detail.meeting.id}`;
  const parts = [
    ...detail.programme.map((p) => ({ ...p, segment: 'programme' })),
    ...detail.seminars.map((p) => ({ ...p, segment: 'seminars' })),
    ...detail.documents.map((p) => ({ ...p, segment: 'documents' })),
  ];
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="remove-heading">
      <h2 id="remove-heading">{t('workspace.meetings.removeTitle')}</h2>
      <ul class="link-list">
        {parts.map((part) => (
          <li key={part.id} class="part-actions">
            <a href={`${base}/${part.segment}/${part.id}/edit`}>
              {t('workspace.meetings.edit')}
              <span class="visually-hidden">
                {' '}
                <Content locale={locale}>{part.title}</Content>
              </span>
            </a>
            <Form ctx={ctx} action={`${base}/${part.segment}/${part.id}/delete`}>
              <button type="submit" class="link-button">
                {withParts(({ title }) => t('workspace.meetings.remove', { title }), {
                  title: <Content locale={locale}>{part.title}</Content>,
                })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The forms that add a programme item, a seminar, a document and an outcome. */
function AddForms({
  ctx,
  meeting,
  hosts,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  hosts: City[];
  values: Values;
}) {
  const { t } = ctx.i18n;
  const base = `/workspace/meetings/${meeting.id}`;
  const forms = [
    {
      id: 'add-programme-heading',
      heading: t('workspace.meetings.addProgramme'),
      action: `${base}/programme`,
      // A new item's day starts at the meeting's first.
      values: { ...values, itemDay: values.itemDay ?? meeting.startDate ?? '' },
      fields: <ProgrammeFields ctx={ctx} />,
    },
    {
      id: 'add-seminar-heading',
      heading: t('workspace.meetings.addSeminar'),
      action: `${base}/seminars`,
      fields: <SeminarFields ctx={ctx} />,
    },
    {
      id: 'add-document-heading',
      heading: t('workspace.meetings.addDocument'),
      action: `${base}/documents`,
      submit: t('workspace.meetings.upload'),
      multipart: true,
      fields: (
        <>
          <DocumentFields ctx={ctx} />
          <DocumentFileField ctx={ctx} />
        </>
      ),
    },
    {
      id: 'add-outcome-heading',
      heading: t('workspace.meetings.addOutcome'),
      action: `${base}/outcomes`,
      submit: t('workspace.meetings.record'),
      fields: <OutcomeFields ctx={ctx} hosts={hosts} />,
    },
  ];
  return (
    <>
      {forms.map((form) => (
        <PanelForm
          key={form.id}
          ctx={ctx}
          id={form.id}
          heading={form.heading}
          action={form.action}
          values={form.values ?? values}
          submit={form.submit ?? t('workspace.meetings.add')}
          multipart={form.multipart ?? false}
        >
          {form.fields}
        </PanelForm>
      ))}
    </>
  );
}

export function WorkspaceMeetingPage({
  ctx,
  detail,
  canEdit,
  canPlan = false,
  hosts,
  values = {},
}: {
  ctx: PageContext;
  detail: MeetingDetail;
  canEdit: boolean;
  /** Whether the reader opens host plans (coordinators): no link a partner contact meets as 403. */
  canPlan?: boolean;
  /** The chain's members, for the responsible city of an outcome. */
  hosts: City[];
  /** The values of the form the page is re-rendered for. */
  values?: Values | undefined;
}) {
  const { t, locale } = ctx.i18n;
  const { meeting } = detail;
  const base = `/workspace/meetings/${meeting.id}`;
  const title = t('meeting.title', {
    year: meeting.year,
    city: localized(meeting.host, locale).name,
  });
  const openActions = [...detail.followUps, ...detail.outcomes].filter(
    (o) => o.kind === 'action' && !o.closedOn,
  );
  return (
    <SubPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/meetings', label: t('workspace.meetings.back') }}
    >
      <ul class="link-list">
        <li>
          <a href={`/meetings/${meeting.id}`}>{t('workspace.meetings.public')}</a>
        </li>
        {canEdit ? (
          <li>
            <a href={`${base}/edit`}>{t('workspace.meetings.edit')}</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/delegations`}>{t('workspace.meetings.delegations')}</a>
        </li>
        {canPlan ? (
          <li>
            <a href={`${base}/host-plan`}>{t('workspace.meetings.hostPlan')}</a>
          </li>
        ) : null}
      </ul>
      {canEdit ? null : <p class="panel">{t('workspace.meetings.mayNotEdit')}</p>}
      <MeetingBody ctx={ctx} detail={detail} />

      {canEdit ? (
        <>
          <PartActions ctx={ctx} detail={detail} />
          <CloseActionForms ctx={ctx} meeting={meeting} actions={openActions} values={values} />
          <AddForms ctx={ctx} meeting={meeting} hosts={hosts} values={values} />
        </>
      ) : null}
    </SubPage>
  );
}

const PART_TITLES = {
  programme: 'workspace.meetings.editProgrammeTitle',
  seminars: 'workspace.meetings.editSeminarTitle',
  documents: 'workspace.meetings.editDocumentTitle',
} as const;

/** The form to correct one programme item, seminar or document of a meeting in place. */
export function MeetingPartFormPage({
  ctx,
  meeting,
  segment,
  partId,
  partTitle,
  filename,
  values,
}: {
  ctx: PageContext;
  meeting: Meeting;
  segment: PartSegment;
  partId: string;
  /** The saved title, for the lead (the form may hold a changed one). */
  partTitle: string;
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
      back={{ href: base, label: t('workspace.meetings.backToMeeting') }}
    >
      <p class="lead">
        {withParts(
          ({ title }) => t('workspace.meetings.editPartLead', { year: meeting.year, title }),
          { title: <Content locale={locale}>{partTitle}</Content> },
        )}
      </p>
      <Form ctx={ctx} action={`${base}/${segment}/${partId}/edit`} values={values}>
        {segment === 'programme' ? (
          <ProgrammeFields ctx={ctx} withDescription />
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

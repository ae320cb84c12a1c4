import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
} from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { localized, type City } from '../../cities/city.service.ts';
import { FileField, RadioGroup, TextArea } from '../../decisions/views/workspace-fields.tsx';
import { DOCUMENT_KINDS, VISIBILITIES, type MeetingDocument } from '../meeting-document.service.ts';
import { EDITABLE_STATUSES, type Meeting, type MeetingDetail } from '../meeting.service.ts';
import { OUTCOME_KINDS, type Outcome } from '../outcome.service.ts';
import { PROGRAMME_KINDS } from '../programme.service.ts';
import { ADJUSTMENT_KINDS, type Adjustment, type RotationOverview } from '../rotation.service.ts';
import { MeetingBody, noDates, OutcomeText } from './public-meetings.tsx';

/** Form values by field name (the names are unique over the whole page). */
export type Values = Record<string, string>;

interface PartFieldsProps {
  t: PageContext['i18n']['t'];
  values: Values;
  errors: FieldErrors;
}

/** The fields of a programme item: the add form and the edit form share them. */
function ProgrammeFields({
  t,
  values,
  errors,
  withDescription = false,
}: PartFieldsProps & { withDescription?: boolean }) {
  return (
    <>
      <TextField
        name="itemDay"
        label={t('workspace.meetings.field.itemDay')}
        hint={t('workspace.meetings.field.itemDayHint')}
        value={values.itemDay}
        error={errors.itemDay}
        width="short"
        autocomplete="off"
      />
      <TextField
        name="itemStart"
        label={t('workspace.meetings.field.itemStart')}
        hint={t('workspace.meetings.field.timeHint')}
        value={values.itemStart}
        error={errors.itemStart}
        width="short"
        autocomplete="off"
      />
      <TextField
        name="itemEnd"
        label={t('workspace.meetings.field.itemEnd')}
        hint={t('workspace.meetings.field.timeHint')}
        value={values.itemEnd}
        error={errors.itemEnd}
        width="short"
        autocomplete="off"
      />
      <RadioGroup
        name="itemKind"
        legend={t('workspace.meetings.field.itemKind')}
        options={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmeKind.${k}`) }))}
        value={values.itemKind}
        error={errors.itemKind}
      />
      <TextField
        name="itemTitle"
        label={t('workspace.meetings.field.itemTitle')}
        value={values.itemTitle}
        error={errors.itemTitle}
        width="full"
      />
      <TextField
        name="itemLocation"
        label={t('workspace.meetings.field.itemLocation')}
        value={values.itemLocation}
        error={errors.itemLocation}
        width="full"
      />
      {withDescription ? (
        <TextArea
          name="itemDescription"
          label={t('workspace.meetings.field.itemDescription')}
          value={values.itemDescription}
          error={errors.itemDescription}
          rows={3}
        />
      ) : null}
    </>
  );
}

/** The fields of a seminar (add and edit). */
function SeminarFields({ t, values, errors }: PartFieldsProps) {
  return (
    <>
      <TextField
        name="seminarTitle"
        label={t('workspace.meetings.field.seminarTitle')}
        value={values.seminarTitle}
        error={errors.seminarTitle}
        width="full"
      />
      <TextField
        name="seminarTopic"
        label={t('workspace.meetings.field.seminarTopic')}
        value={values.seminarTopic}
        error={errors.seminarTopic}
      />
      <TextField
        name="seminarSpeakers"
        label={t('workspace.meetings.field.seminarSpeakers')}
        value={values.seminarSpeakers}
        error={errors.seminarSpeakers}
        width="full"
      />
      <TextArea
        name="seminarDescription"
        label={t('workspace.meetings.field.seminarDescription')}
        value={values.seminarDescription}
        error={errors.seminarDescription}
        rows={3}
      />
    </>
  );
}

/** The fields of a document besides its file (add and edit). */
function DocumentFields({ t, values, errors }: PartFieldsProps) {
  return (
    <>
      <RadioGroup
        name="docKind"
        legend={t('workspace.meetings.field.docKind')}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
        value={values.docKind}
        error={errors.docKind}
      />
      <TextField
        name="docTitle"
        label={t('workspace.meetings.field.docTitle')}
        value={values.docTitle}
        error={errors.docTitle}
        width="full"
      />
      <RadioGroup
        name="docVisibility"
        legend={t('workspace.meetings.field.docVisibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
        value={values.docVisibility}
        error={errors.docVisibility}
      />
    </>
  );
}

export function WorkspaceMeetingsPage({
  ctx,
  meetings,
  overview,
  editable,
  members,
  adjustments,
  hosts,
  canAdjust,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  meetings: Meeting[];
  overview: RotationOverview;
  members: number;
  adjustments: Adjustment[];
  hosts: City[];
  canAdjust: boolean;
  values?: Values;
  errors?: FieldErrors;
  /** Ids of the meetings the user may edit. */
  editable: Set<string>;
}) {
  const { t, intl, locale } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('workspace.meetings.title')}>
      <h1>{t('workspace.meetings.title')}</h1>
      <p class="lead">{t('workspace.meetings.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <p>
        <a class="button button-primary" href="/workspace/meetings/new">
          {t('workspace.meetings.new')}
        </a>
      </p>
      <h2>{t('workspace.meetings.rotationTitle')}</h2>
      {overview.homeNext ? <p>{t('meetings.homeNext', { year: overview.homeNext.year })}</p> : null}
      {overview.p3 && !overview.p3.ok ? (
        <p class="panel panel-highlight" role="note">
          {t('meetings.p3Warning', {
            members,
            cycle: overview.p3.cycleYears,
          })}
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <p>{t('workspace.meetings.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('workspace.meetings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.col.year')}</th>
                <th scope="col">{t('meetings.col.host')}</th>
                <th scope="col">{t('meetings.col.dates')}</th>
                <th scope="col">{t('meetings.col.status')}</th>
                <th scope="col">{t('workspace.meetings.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {[...meetings].reverse().map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={`/workspace/meetings/${m.id}`}>{m.year}</a>
                  </th>
                  <td>{localized(m.host, locale).name}</td>
                  <td>
                    {m.startDate
                      ? formatDateRange(m.startDate, m.endDate, intl)
                      : t(noDates(m.status))}
                  </td>
                  <td>{t(`meetingStatus.${m.status}`)}</td>
                  <td>
                    {editable.has(m.id) ? (
                      <a href={`/workspace/meetings/${m.id}/edit`}>
                        {t('workspace.meetings.edit')}
                        <span class="visually-hidden"> {m.year}</span>
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="adjust-heading">
        <h2 id="adjust-heading">{t('workspace.meetings.adjustTitle')}</h2>
        {adjustments.length === 0 ? (
          <p>{t('workspace.meetings.adjustNone')}</p>
        ) : (
          <ul aria-label={t('workspace.meetings.adjustCaption')}>
            {adjustments.map((a) => (
              <li key={a.id}>
                {a.kind === 'swap'
                  ? t('workspace.meetings.adjustSwap', {
                      year: a.year,
                      city: localized(a.city, locale).name,
                      other: a.otherCity ? localized(a.otherCity, locale).name : '',
                      reason: a.reason,
                    })
                  : t('workspace.meetings.adjustSkip', {
                      year: a.year,
                      city: localized(a.city, locale).name,
                      reason: a.reason,
                    })}
              </li>
            ))}
          </ul>
        )}
        {canAdjust ? (
          <form method="post" action="/workspace/rotation" novalidate class="panel">
            <p>{t('workspace.meetings.adjustLead')}</p>
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup
              name="kind"
              legend={t('workspace.meetings.field.adjustKind')}
              options={ADJUSTMENT_KINDS.map((k) => ({ value: k, label: t(`adjustmentKind.${k}`) }))}
              value={values.kind}
              error={errors.kind}
            />
            <TextField
              name="year"
              label={t('workspace.meetings.field.adjustYear')}
              value={values.year}
              error={errors.year}
              width="short"
              autocomplete="off"
            />
            <SelectField
              name="city"
              label={t('workspace.meetings.field.adjustCity')}
              options={[
                { value: '', label: '' },
                ...hosts.map((c) => ({ value: c.slug, label: localized(c, locale).name })),
              ]}
              value={values.city}
              error={errors.city}
            />
            <SelectField
              name="otherCity"
              label={t('workspace.meetings.field.adjustOther')}
              options={[
                { value: '', label: '' },
                ...hosts.map((c) => ({ value: c.slug, label: localized(c, locale).name })),
              ]}
              value={values.otherCity}
              error={errors.otherCity}
            />
            <TextArea
              name="reason"
              label={t('workspace.meetings.field.adjustReason')}
              value={values.reason}
              error={errors.reason}
              rows={2}
            />
            <Button>{t('workspace.meetings.adjust')}</Button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}

export function MeetingFormPage({
  ctx,
  action,
  meeting,
  hosts,
  values,
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  /** The meeting being edited; null for a new one. */
  meeting: Meeting | null;
  hosts: City[];
  values: Values;
  errors?: FieldErrors;
}) {
  const { t, locale } = ctx.i18n;
  const title = meeting
    ? t('workspace.meetings.editTitle', { year: meeting.year })
    : t('workspace.meetings.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        {meeting ? (
          <a href={`/workspace/meetings/${meeting.id}`}>{t('workspace.meetings.backToMeeting')}</a>
        ) : (
          <a href="/workspace/meetings">{t('workspace.meetings.back')}</a>
        )}
      </p>
      <h1>{title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="year"
          label={t('workspace.meetings.field.year')}
          hint={t('workspace.meetings.field.yearHint')}
          value={values.year}
          error={errors.year}
          width="short"
          autocomplete="off"
        />
        <SelectField
          name="host"
          label={t('workspace.meetings.field.host')}
          options={[
            { value: '', label: '' },
            ...hosts.map((c) => ({ value: c.slug, label: localized(c, locale).name })),
          ]}
          value={values.host}
          error={errors.host}
        />
        <TextField
          name="startDate"
          label={t('workspace.meetings.field.startDate')}
          hint={t('workspace.meetings.field.dateHint')}
          value={values.startDate}
          error={errors.startDate}
          width="short"
          autocomplete="off"
        />
        <TextField
          name="endDate"
          label={t('workspace.meetings.field.endDate')}
          hint={t('workspace.meetings.field.dateHint')}
          value={values.endDate}
          error={errors.endDate}
          width="short"
          autocomplete="off"
        />
        <TextField
          name="venue"
          label={t('workspace.meetings.field.venue')}
          value={values.venue}
          error={errors.venue}
          width="full"
        />
        <TextField
          name="theme"
          label={t('workspace.meetings.field.theme')}
          value={values.theme}
          error={errors.theme}
          width="full"
        />
        <RadioGroup
          name="status"
          legend={t('workspace.meetings.field.status')}
          options={EDITABLE_STATUSES.filter((s) => meeting || s !== 'postponed').map((s) => ({
            value: s,
            label: t(`meetingStatus.${s}`),
          }))}
          value={values.status}
          error={errors.status}
        />
        <TextArea
          name="statusReason"
          label={t('workspace.meetings.field.statusReason')}
          hint={t('workspace.meetings.field.statusReasonHint')}
          value={values.statusReason}
          error={errors.statusReason}
          rows={3}
        />
        <Button>{t('workspace.meetings.save')}</Button>
      </form>
    </Layout>
  );
}

function CloseActionForm({
  ctx,
  meetingId,
  outcome,
  values,
  errors,
}: {
  ctx: PageContext;
  meetingId: string;
  outcome: Outcome;
  values: Values;
  errors: FieldErrors;
}) {
  const { t } = ctx.i18n;
  const name = `closingNote-${outcome.id}`;
  return (
    <li>
      <OutcomeText ctx={ctx} outcome={outcome} />
      <form
        method="post"
        action={`/workspace/meetings/${meetingId}/outcomes/${outcome.id}/close`}
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          name={name}
          label={t('workspace.meetings.field.closingNote')}
          value={values[name]}
          error={errors[name]}
          rows={2}
        />
        <Button variant="secondary">{t('workspace.meetings.close')}</Button>
      </form>
    </li>
  );
}

export function WorkspaceMeetingPage({
  ctx,
  detail,
  canEdit,
  hosts,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  detail: MeetingDetail;
  canEdit: boolean;
  /** The chain's members, for the responsible city of an outcome. */
  hosts: City[];
  values?: Values;
  errors?: FieldErrors;
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
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/workspace/meetings">{t('workspace.meetings.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
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
        <li>
          <a href={`${base}/host-plan`}>{t('workspace.meetings.hostPlan')}</a>
        </li>
      </ul>
      {canEdit ? null : <p class="panel">{t('workspace.meetings.mayNotEdit')}</p>}
      <MeetingBody ctx={ctx} detail={detail} showInternal={true} />

      {canEdit ? (
        <>
          {detail.programme.length + detail.seminars.length + detail.documents.length > 0 ? (
            <section aria-labelledby="remove-heading">
              <h2 id="remove-heading">{t('workspace.meetings.removeTitle')}</h2>
              <ul class="link-list">
                {[
                  ...detail.programme.map((p) => ({ ...p, segment: 'programme' })),
                  ...detail.seminars.map((p) => ({ ...p, segment: 'seminars' })),
                  ...detail.documents.map((p) => ({ ...p, segment: 'documents' })),
                ].map((part) => (
                  <li key={part.id} class="part-actions">
                    <a href={`${base}/${part.segment}/${part.id}/edit`}>
                      {t('workspace.meetings.edit')}
                      <span class="visually-hidden"> {part.title}</span>
                    </a>
                    <form method="post" action={`${base}/${part.segment}/${part.id}/delete`}>
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('workspace.meetings.remove', { title: part.title })}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {openActions.length > 0 ? (
            <section aria-labelledby="close-heading">
              <h2 id="close-heading">{t('workspace.meetings.close')}</h2>
              <ul>
                {openActions.map((o) => (
                  <CloseActionForm
                    key={o.id}
                    ctx={ctx}
                    meetingId={meeting.id}
                    outcome={o}
                    values={values}
                    errors={errors}
                  />
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="add-programme-heading" class="panel">
            <h2 id="add-programme-heading">{t('workspace.meetings.addProgramme')}</h2>
            <form method="post" action={`${base}/programme`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <ProgrammeFields
                t={t}
                values={{ ...values, itemDay: values.itemDay ?? meeting.startDate ?? '' }}
                errors={errors}
              />
              <Button>{t('workspace.meetings.add')}</Button>
            </form>
          </section>

          <section aria-labelledby="add-seminar-heading" class="panel">
            <h2 id="add-seminar-heading">{t('workspace.meetings.addSeminar')}</h2>
            <form method="post" action={`${base}/seminars`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SeminarFields t={t} values={values} errors={errors} />
              <Button>{t('workspace.meetings.add')}</Button>
            </form>
          </section>

          <section aria-labelledby="add-document-heading" class="panel">
            <h2 id="add-document-heading">{t('workspace.meetings.addDocument')}</h2>
            <form
              method="post"
              action={`${base}/documents`}
              enctype="multipart/form-data"
              novalidate
            >
              <CsrfField token={ctx.csrfToken} />
              <DocumentFields t={t} values={values} errors={errors} />
              <FileField
                name="docFile"
                label={t('workspace.meetings.field.docFile')}
                hint={t('workspace.meetings.field.docFileHint')}
                accept=".pdf,.docx,.doc,.xlsx,.xls,.pptx,.ppt,.odt,.ods,.odp"
                error={errors.docFile}
              />
              <Button>{t('workspace.meetings.upload')}</Button>
            </form>
          </section>

          <section aria-labelledby="add-outcome-heading" class="panel">
            <h2 id="add-outcome-heading">{t('workspace.meetings.addOutcome')}</h2>
            <form method="post" action={`${base}/outcomes`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <RadioGroup
                name="outcomeKind"
                legend={t('workspace.meetings.field.outcomeKind')}
                options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomeKind.${k}`) }))}
                value={values.outcomeKind}
                error={errors.outcomeKind}
              />
              <TextArea
                name="outcomeText"
                label={t('workspace.meetings.field.outcomeText')}
                value={values.outcomeText}
                error={errors.outcomeText}
                rows={3}
              />
              <SelectField
                name="outcomeCity"
                label={t('workspace.meetings.field.outcomeCity')}
                hint={t('workspace.meetings.field.outcomeCityHint')}
                options={[
                  { value: '', label: t('workspace.meetings.field.outcomeCityNone') },
                  ...hosts.map((c) => ({ value: c.slug, label: localized(c, locale).name })),
                ]}
                value={values.outcomeCity}
                error={errors.outcomeCity}
              />
              <TextField
                name="outcomeDue"
                label={t('workspace.meetings.field.outcomeDue')}
                value={values.outcomeDue}
                error={errors.outcomeDue}
                width="short"
                autocomplete="off"
              />
              <Button>{t('workspace.meetings.record')}</Button>
            </form>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/** The segment of a part's URL: programme items, seminars or documents. */
export type PartSegment = 'programme' | 'seminars' | 'documents';

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
  document,
  values,
  errors = {},
}: {
  ctx: PageContext;
  meeting: Meeting;
  segment: PartSegment;
  partId: string;
  /** The saved title, for the lead (the form may hold a changed one). */
  partTitle: string;
  /** The document being edited, for its file name. */
  document?: MeetingDocument | undefined;
  values: Values;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  const base = `/workspace/meetings/${meeting.id}`;
  const title = t(PART_TITLES[segment]);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={base}>{t('workspace.meetings.backToMeeting')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {t('workspace.meetings.editPartLead', { year: meeting.year, title: partTitle })}
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`${base}/${segment}/${partId}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {segment === 'programme' ? (
          <>
            <ProgrammeFields t={t} values={values} errors={errors} withDescription />
          </>
        ) : segment === 'seminars' ? (
          <>
            <SeminarFields t={t} values={values} errors={errors} />
          </>
        ) : (
          <>
            <DocumentFields t={t} values={values} errors={errors} />
            {document ? (
              <p>{t('workspace.meetings.docFileKept', { filename: document.filename })}</p>
            ) : null}
          </>
        )}
        <Button>{t('workspace.meetings.saveChanges')}</Button>
      </form>
    </Layout>
  );
}

import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import {
  Button,
  DateField,
  Form,
  messageOptions,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { Content, withParts } from '../../../ui/content.tsx';
import { EditConflict, VersionField, type SavedVersion } from '../../../ui/edit-conflict.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkColumn } from '../../../ui/table.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { SubPage } from './page-parts.tsx';
import { CityName, localized, type City } from '../../cities/index.ts';
import { EDITABLE_STATUSES, type Meeting } from '../meeting.service.ts';
import { ADJUSTMENT_KINDS, type Adjustment, type RotationOverview } from '../rotation.service.ts';
import { cityOptions, type Values } from './meeting-fields.tsx';
import { noDates } from './public-meetings.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

export type { Values } from './meeting-fields.tsx';

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
}: {
  ctx: PageContext;
  meetings: Meeting[];
  overview: RotationOverview;
  members: number;
  adjustments: Adjustment[];
  hosts: City[];
  canAdjust: boolean;
  values?: Values | undefined;
  /** Ids of the meetings the user may edit. */
  editable: Set<string>;
}) {
  const { t, intl, locale } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} title={t('workspace.meetings.title')} lead={t('workspace.meetings.lead')}>
      <ButtonLink href="/workspace/meetings/new" variant="primary">
        {t('workspace.meetings.new')}
      </ButtonLink>
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
      <ListTable
        caption={t('workspace.meetings.caption')}
        rows={[...meetings].reverse()}
        empty={t('workspace.meetings.none')}
        columns={[
          linkColumn<Meeting>(
            t('meetings.col.year'),
            (m) => `/workspace/meetings/${m.id}`,
            (m) => m.year,
          ),
          {
            header: t('meetings.col.host'),
            cell: (m) => <CityName city={m.host} locale={locale} />,
          },
          {
            header: t('meetings.col.dates'),
            cell: (m) =>
              m.startDate ? formatDateRange(m.startDate, m.endDate, intl) : t(noDates(m.status)),
          },
          { header: t('meetings.col.status'), cell: (m) => t(`meetingStatus.${m.status}`) },
          {
            header: t('workspace.meetings.col.actions'),
            cell: (m) =>
              editable.has(m.id) ? (
                <a href={`/workspace/meetings/${m.id}/edit`}>
                  {t('workspace.meetings.edit')}
                  <span class="visually-hidden"> {m.year}</span>
                </a>
              ) : null,
          },
        ]}
      />
      {/* Changing the rotation is the coordinators'; others see the changes made, if any. */}
      {canAdjust || adjustments.length > 0 ? (
        <section aria-labelledby="adjust-heading">
          <h2 id="adjust-heading">
            {t(canAdjust ? 'workspace.meetings.adjustTitle' : 'workspace.meetings.adjustListTitle')}
          </h2>
          {adjustments.length === 0 ? (
            <p>{t('workspace.meetings.adjustNone')}</p>
          ) : (
            <ul aria-label={t('workspace.meetings.adjustCaption')}>
              {adjustments.map((a) => (
                <li key={a.id}>
                  {withParts(
                    ({ reason }) =>
                      a.kind === 'swap'
                        ? t('workspace.meetings.adjustSwap', {
                            year: a.year,
                            city: localized(a.city, locale).name,
                            other: a.otherCity ? localized(a.otherCity, locale).name : '',
                            reason,
                          })
                        : t('workspace.meetings.adjustSkip', {
                            year: a.year,
                            city: localized(a.city, locale).name,
                            reason,
                          }),
                    { reason: <Content locale={locale}>{a.reason}</Content> },
                  )}
                </li>
              ))}
            </ul>
          )}
          {canAdjust ? <AdjustRotationForm ctx={ctx} hosts={hosts} values={values} /> : null}
        </section>
      ) : null}
    </TitledPage>
  );
}

/** A swap of two hosts from a year on, or a host that skips a turn (coordinators). */
function AdjustRotationForm({
  ctx,
  hosts,
  values,
}: {
  ctx: PageContext;
  hosts: City[];
  values: Values;
}) {
  const { t } = ctx.i18n;
  return (
    <Form ctx={ctx} action="/workspace/rotation" values={values} class="panel">
      <p>{t('workspace.meetings.adjustLead')}</p>
      <RadioGroup
        name="kind"
        legend={t('workspace.meetings.field.adjustKind')}
        options={messageOptions(ctx.i18n, 'adjustmentKind', ADJUSTMENT_KINDS)}
      />
      <NumberField name="year" label={t('workspace.meetings.field.adjustYear')} />
      <CityField
        ctx={ctx}
        name="city"
        label={t('workspace.meetings.field.adjustCity')}
        hosts={hosts}
      />
      <CityField
        ctx={ctx}
        name="otherCity"
        label={t('workspace.meetings.field.adjustOther')}
        hosts={hosts}
      />
      <TextArea name="reason" label={t('workspace.meetings.field.adjustReason')} rows={2} />
      <Button>{t('workspace.meetings.adjust')}</Button>
    </Form>
  );
}

/** A choice of one of the chain's cities (or none). */
function CityField(props: { ctx: PageContext; name: string; label: string; hosts: City[] }) {
  return (
    <SelectField
      name={props.name}
      label={props.label}
      options={cityOptions(props.ctx, props.hosts)}
    />
  );
}

export function MeetingFormPage({
  ctx,
  action,
  meeting,
  hosts,
  values,
  version,
  conflict,
}: {
  ctx: PageContext;
  action: string;
  /** The meeting being edited; null for a new one. */
  meeting: Meeting | null;
  hosts: City[];
  values: Values;
  /** The version the form saves over (optimistic locking), and the conflict found, if any. */
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
}) {
  const { t } = ctx.i18n;
  const title = meeting
    ? t('workspace.meetings.editTitle', { year: meeting.year })
    : t('workspace.meetings.newTitle');
  return (
    <SubPage
      ctx={ctx}
      title={title}
      back={
        meeting
          ? {
              href: `/workspace/meetings/${meeting.id}`,
              label: t('workspace.meetings.backToMeeting'),
            }
          : { href: '/workspace/meetings', label: t('workspace.meetings.back') }
      }
    >
      {conflict ? (
        <EditConflict
          ctx={ctx}
          saved={conflict}
          yours={values}
          label={(field) => ctx.i18n.tDynamic(`workspace.meetings.field.${field}`)}
          options={{
            host: cityOptions(ctx, hosts),
            status: messageOptions(ctx.i18n, 'meetingStatus', EDITABLE_STATUSES),
          }}
        />
      ) : null}
      <Form ctx={ctx} action={action} values={values}>
        <VersionField version={version} />
        <NumberField
          name="year"
          label={t('workspace.meetings.field.year')}
          hint={t('workspace.meetings.field.yearHint')}
        />
        <CityField ctx={ctx} name="host" label={t('workspace.meetings.field.host')} hosts={hosts} />
        {(['startDate', 'endDate'] as const).map((name) => (
          <DateField
            key={name}
            name={name}
            label={t(`workspace.meetings.field.${name}`)}
            hint={t('workspace.meetings.field.dateHint')}
            optional
          />
        ))}
        <TextField name="venue" label={t('workspace.meetings.field.venue')} width="full" optional />
        <TextField name="theme" label={t('workspace.meetings.field.theme')} width="full" optional />
        <RadioGroup
          name="status"
          legend={t('workspace.meetings.field.status')}
          options={messageOptions(
            ctx.i18n,
            'meetingStatus',
            EDITABLE_STATUSES.filter((s) => meeting || s !== 'postponed'),
          )}
        />
        <TextArea
          name="statusReason"
          label={t('workspace.meetings.field.statusReason')}
          hint={t('workspace.meetings.field.statusReasonHint')}
          rows={3}
        />
        <Button>{t('workspace.meetings.save')}</Button>
      </Form>
    </SubPage>
  );
}

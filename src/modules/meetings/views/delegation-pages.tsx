import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import {
  Button,
  DateField,
  fieldLabels,
  Form,
  SubmitWithCancel,
  TextField,
} from '../../../ui/fields.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { Fact, MeetingsOverviewPage, SubPage } from './page-parts.tsx';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { RowLink } from '../../../ui/table.tsx';
import { CityName, localized, type City } from '../../cities/index.ts';
import { Content } from '../../../ui/content.tsx';
import type {
  DelegationMember,
  DelegationOverviewRow,
  DelegationStatus,
  DelegationView,
} from '../delegation.service.ts';
import type { MemberValues } from '../delegation.schema.ts';

/** The logistics a member's row shows to those who may see them, in the order of the form. */
const LOGISTICS = ['dietaryNeeds', 'accessNeeds', 'travel', 'phone'] as const;

const delegationUrl = (meetingId: string, citySlug: string) =>
  `/workspace/meetings/${encodeURIComponent(meetingId)}/delegations/${citySlug}`;

const cityName = (ctx: PageContext, city: City | null) =>
  city ? localized(city, ctx.i18n.locale).name : '';

export function StatusTag({
  ctx,
  status,
  held = false,
}: {
  ctx: PageContext;
  status: DelegationStatus;
  /** The meeting was held: a missing delegation was never recorded, not "not started". */
  held?: boolean;
}) {
  const cls =
    status === 'confirmed' ? 'tag tag-active' : status === 'none' ? 'tag' : 'tag tag-proposed';
  const key = status === 'none' && held ? 'unrecorded' : status;
  return <span class={cls}>{ctx.i18n.t(`delegation.status.${key}`)}</span>;
}

export function DelegationOverviewPage({
  ctx,
  rows,
}: {
  ctx: PageContext;
  rows: DelegationOverviewRow[];
}) {
  const { t } = ctx.i18n;
  const cities = rows[0]?.delegations.map((d) => d.city) ?? [];
  return (
    <MeetingsOverviewPage
      ctx={ctx}
      work="delegation"
      rows={rows}
      meeting={(row) =>
        t('delegation.meeting', { year: row.meeting.year, host: cityName(ctx, row.host) })
      }
      columns={cities.map((city, i) => ({
        header: <CityName city={city} locale={ctx.i18n.locale} />,
        cell: (row: DelegationOverviewRow) => {
          const d = row.delegations[i]!;
          return (
            <>
              <a href={delegationUrl(row.meeting.id, d.city.slug)}>
                <StatusTag ctx={ctx} status={d.status} held={row.meeting.status === 'held'} />
                <span class="visually-hidden">
                  {' '}
                  {t('delegation.page.title', {
                    city: cityName(ctx, d.city),
                    year: row.meeting.year,
                  })}
                </span>
              </a>{' '}
              {d.members > 0 ? t('delegation.col.members', { count: d.members }) : null}
            </>
          );
        },
      }))}
    />
  );
}

function Logistic({
  ctx,
  value,
  erased,
}: {
  ctx: PageContext;
  value: string | null;
  erased: boolean;
}) {
  if (erased) return <em>{ctx.i18n.t('delegation.members.erased')}</em>;
  return <>{value ?? ''}</>;
}

function MembersTable({
  ctx,
  view,
  base,
}: {
  ctx: PageContext;
  view: DelegationView;
  base: string;
}) {
  const { t, locale } = ctx.i18n;
  if (view.members.length === 0) return <p>{t('delegation.members.none')}</p>;
  // Gothenburg's delegation is written in Swedish (a partner city's in a language not recorded).
  const lang = view.city.kind === 'home' ? 'sv' : locale;
  const erased = view.members.find((m) => m.logisticsErasedAt)?.logisticsErasedAt;
  return (
    <>
      {view.canSeeLogistics && erased ? (
        <p class="note">
          {t('delegation.members.erasedNote', { date: formatInstant(erased, ctx.i18n.intl) })}
        </p>
      ) : null}
      <ListTable
        caption={t('delegation.members.caption')}
        rows={view.members}
        columns={[
          { header: t('delegation.field.name'), rowHeader: true, cell: (m) => m.name },
          {
            header: t('delegation.field.title'),
            cell: (m) => (
              <Content locale={locale} lang={lang}>
                {m.title ?? ''}
              </Content>
            ),
          },
          {
            header: t('delegation.field.affiliation'),
            cell: (m) => (
              <Content locale={locale} lang={lang}>
                {m.affiliation ?? ''}
              </Content>
            ),
          },
          ...(view.canSeeLogistics ? LOGISTICS : []).map((field) => ({
            header: t(`delegation.field.${field}`),
            cell: (m: DelegationMember) => (
              <Logistic
                ctx={ctx}
                value={m.logistics?.[field] ?? null}
                erased={m.logisticsErasedAt !== null}
              />
            ),
          })),
          view.canManage && {
            header: t('delegation.members.actions'),
            cell: (m) => (
              <>
                <RowLink
                  href={`${base}?edit=${encodeURIComponent(m.id)}#member-form`}
                  label={t('delegation.members.edit')}
                  name={m.name}
                />{' '}
                <ConfirmLink
                  variant="link"
                  href={`${base}/members/${encodeURIComponent(m.id)}/remove`}
                  name={m.name}
                >
                  {t('delegation.members.remove')}
                </ConfirmLink>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

export function DelegationPage({
  ctx,
  view,
  retentionDays,
  editing,
  values,
  confirmValue = '',
  canExportLogistics,
  showHostPlanLink = false,
}: {
  ctx: PageContext;
  view: DelegationView;
  /** The viewer organises the meeting (coordinator, host city's partner contact). */
  canExportLogistics: boolean;
  /** A coordinator looking at a meeting Gothenburg hosts: link to its host plan. */
  showHostPlanLink?: boolean;
  retentionDays: number;
  /** The member being edited, if any. */
  editing: DelegationMember | null;
  values?: MemberValues | undefined;
  confirmValue?: string | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'delegation.field');
  const city = cityName(ctx, view.city);
  const title = t('delegation.page.title', { city, year: view.meeting.year });
  const base = delegationUrl(view.meeting.id, view.city.slug);
  const exports = `/workspace/meetings/${encodeURIComponent(view.meeting.id)}/participants`;
  const home = view.city.kind === 'home';
  const v: MemberValues = values ?? {
    name: editing?.name ?? '',
    title: editing?.title ?? '',
    affiliation: editing?.affiliation ?? '',
    dietaryNeeds: editing?.logistics?.dietaryNeeds ?? '',
    accessNeeds: editing?.logistics?.accessNeeds ?? '',
    travel: editing?.logistics?.travel ?? '',
    phone: editing?.logistics?.phone ?? '',
  };
  return (
    <SubPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/delegations', label: t('delegation.page.back') }}
    >
      <dl class="facts">
        <dt>{t('delegation.page.meetingDates')}</dt>
        <dd>
          {t('delegation.meeting', { year: view.meeting.year, host: cityName(ctx, view.host) })}
          {view.meeting.startDate
            ? `, ${formatDateRange(view.meeting.startDate, view.meeting.endDate, intl)}`
            : ''}
        </dd>
        <dt>{t('delegation.page.status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={view.status} />
        </dd>
        <Fact term={t('delegation.page.decisionOn')}>
          {view.presidiumDecisionOn ? formatPlainDate(view.presidiumDecisionOn, intl) : null}
        </Fact>
      </dl>

      <h2>{t('delegation.members.title')}</h2>
      {view.canSeeLogistics ? null : <p class="hint">{t('delegation.members.logisticsHidden')}</p>}
      <MembersTable ctx={ctx} view={view} base={base} />

      {view.canManage ? (
        <>
          <Form
            ctx={ctx}
            action={
              editing ? `${base}/members/${encodeURIComponent(editing.id)}` : `${base}/members`
            }
            id="member-form"
            values={v}
          >
            <h2>{editing ? t('delegation.form.editTitle') : t('delegation.form.addTitle')}</h2>
            {view.status === 'confirmed' ? (
              <p class="hint">{t('delegation.form.reconfirmNote')}</p>
            ) : null}
            <fieldset class="field">
              <legend>{t('delegation.form.public')}</legend>
              <TextField {...field('name')} autocomplete="off" />
              <TextField {...field('title')} optional />
              <TextField {...field('affiliation')} optional />
            </fieldset>
            <fieldset class="field">
              <legend>{t('delegation.form.logistics')}</legend>
              <p class="hint">{t('delegation.form.logisticsHint', { days: retentionDays })}</p>
              <TextField {...field('dietaryNeeds')} optional />
              <TextField {...field('accessNeeds')} optional />
              <TextField {...field('travel')} optional />
              <TextField {...field('phone')} type="tel" autocomplete="off" optional />
            </fieldset>
            <SubmitWithCancel
              submit={editing ? t('delegation.form.save') : t('delegation.form.add')}
              cancel={editing && { href: base, label: t('delegation.form.cancel') }}
            />
          </Form>

          {view.members.length > 0 && view.status !== 'confirmed' ? (
            <Form
              ctx={ctx}
              action={`${base}/confirm`}
              id="confirm-form"
              values={{ decisionDate: confirmValue }}
            >
              <h2>{t('delegation.confirm.title')}</h2>
              <p>{home ? t('delegation.confirm.homeLead') : t('delegation.confirm.partnerLead')}</p>
              <DateField
                name="decisionDate"
                label={
                  home
                    ? t('delegation.confirm.decisionDate')
                    : t('delegation.confirm.decisionDateOptional')
                }
                optional={!home}
              />
              <Button>{t('delegation.confirm.submit')}</Button>
            </Form>
          ) : null}
        </>
      ) : (
        <p class="note">
          {t('delegation.readOnly')}{' '}
          {t(home ? 'delegation.readOnlyWhy.presidium' : 'delegation.readOnlyWhy.partner')}
        </p>
      )}

      {showHostPlanLink ? (
        <p>
          <a href={`/workspace/meetings/${encodeURIComponent(view.meeting.id)}/host-plan`}>
            {t('delegation.page.hostPlan')}
          </a>
        </p>
      ) : null}
      <h2>{t('delegation.page.export')}</h2>
      <ul>
        <li>
          <a href={`${exports}.pdf`}>{t('delegation.page.exportPdf')}</a>
        </li>
        <li>
          <a href={`${exports}.xlsx`}>{t('delegation.page.exportXlsx')}</a>
        </li>
        {canExportLogistics ? (
          <>
            <li>
              <a href={`${exports}.pdf?logistics=1`}>{t('delegation.page.exportLogisticsPdf')}</a>
            </li>
            <li>
              <a href={`${exports}.xlsx?logistics=1`}>{t('delegation.page.exportLogisticsXlsx')}</a>
            </li>
          </>
        ) : null}
      </ul>
    </SubPage>
  );
}

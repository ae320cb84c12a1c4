import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import {
  Button,
  DateField,
  Form,
  messageOptions,
  SelectField,
  SubmitWithCancel,
  TextArea,
} from '../../../ui/fields.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { TEMPLATE } from './host-plan-template-page.tsx';
import { MeetingsOverviewPage, SubPage } from './page-parts.tsx';
import { RowLink } from '../../../ui/table.tsx';
import { localized } from '../../cities/index.ts';
import type { HostPlan, HostPlanSummary, PlanTask } from '../host-plan.service.ts';
import { TASK_STATUSES, type PlanTaskValues } from '../host-plan.schema.ts';
import { OverdueTag } from '../../../ui/tags.tsx';

const planUrl = (meetingId: string) =>
  `/workspace/meetings/${encodeURIComponent(meetingId)}/host-plan`;

export function HostPlanOverviewPage({
  ctx,
  plans,
}: {
  ctx: PageContext;
  plans: HostPlanSummary[];
}) {
  const { t, intl } = ctx.i18n;
  return (
    <MeetingsOverviewPage
      ctx={ctx}
      work="hostPlan"
      rows={plans}
      meeting={(p) => (
        <>
          <a href={planUrl(p.meeting.id)}>{t('hostPlan.page.title', { year: p.meeting.year })}</a>
          {p.meeting.startDate ? (
            <>
              <br />
              {formatDateRange(p.meeting.startDate, p.meeting.endDate, intl)}
            </>
          ) : null}
        </>
      )}
      columns={[
        {
          header: t('hostPlan.col.plan'),
          cell: (p) => (
            <>
              {p.total === 0
                ? t('hostPlan.overview.noPlan')
                : t('hostPlan.overview.progress', { closed: p.closed, total: p.total })}
              {p.overdue > 0 ? (
                <OverdueTag strong text={t('hostPlan.overview.overdue', { count: p.overdue })} />
              ) : null}
            </>
          ),
        },
      ]}
    >
      <p>
        <a href={TEMPLATE}>{t('hostPlan.overview.template')}</a>
      </p>
    </MeetingsOverviewPage>
  );
}

const taskTitle = (ctx: PageContext, task: PlanTask) =>
  ctx.i18n.locale === 'en' && task.titleEn ? task.titleEn : task.title;

export function HostPlanPage({
  ctx,
  plan,
  editing,
  values,
}: {
  ctx: PageContext;
  plan: HostPlan;
  editing: PlanTask | null;
  values?: PlanTaskValues | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const title = t('hostPlan.page.title', { year: plan.meeting.year });
  const base = planUrl(plan.meeting.id);
  const overdue = plan.tasks.filter((task) => task.overdue).length;
  const home = plan.host && plan.host.kind === 'home' ? plan.host : null;
  return (
    <SubPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/host-plan', label: t('hostPlan.page.back') }}
    >
      <p class="lead">
        {plan.host ? localized(plan.host, ctx.i18n.locale).name : ''}
        {plan.meeting.startDate
          ? `, ${formatDateRange(plan.meeting.startDate, plan.meeting.endDate, intl)}`
          : ''}
        {plan.meeting.venue ? `, ${plan.meeting.venue}` : ''}
      </p>
      {home ? (
        <p>
          <a
            href={`/workspace/meetings/${encodeURIComponent(plan.meeting.id)}/delegations/${home.slug}`}
          >
            {t('hostPlan.page.delegations')}
          </a>
        </p>
      ) : null}
      {plan.tasks.length === 0 ? (
        <>
          <p>{t('hostPlan.page.none')}</p>
          {plan.createRefusal ? (
            <p class="note" id="form">
              {t(plan.createRefusal as 'hostPlan.error.exists')}
            </p>
          ) : (
            <Form ctx={ctx} action={base}>
              <p>{t('hostPlan.page.createLead')}</p>
              <Button>{t('hostPlan.page.create')}</Button>
            </Form>
          )}
        </>
      ) : (
        <>
          {overdue > 0 ? (
            <p class="error-message">{t('hostPlan.page.overdueCount', { count: overdue })}</p>
          ) : null}
          <ListTable
            caption={t('hostPlan.page.caption')}
            rows={plan.tasks}
            rowClass={(task) => (task.overdue ? 'row-overdue' : undefined)}
            columns={[
              {
                header: t('hostPlan.col.task'),
                rowHeader: true,
                cell: (task) => taskTitle(ctx, task),
              },
              {
                header: t('hostPlan.col.due'),
                cell: (task) => (
                  <>
                    {formatPlainDate(task.dueOn, intl)}
                    {task.overdue ? <OverdueTag strong text={t('hostPlan.overdue')} /> : null}
                  </>
                ),
              },
              {
                header: t('hostPlan.col.owner'),
                cell: (task) => task.ownerName ?? t('hostPlan.noOwner'),
              },
              {
                header: t('hostPlan.col.status'),
                cell: (task) => t(`hostPlan.status.${task.status}`),
              },
              { header: t('hostPlan.col.notes'), cell: (task) => task.notes ?? '' },
              {
                header: t('hostPlan.col.actions'),
                cell: (task) => (
                  <RowLink
                    href={`${base}?edit=${encodeURIComponent(task.id)}#task-form`}
                    label={t('hostPlan.edit')}
                    name={taskTitle(ctx, task)}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {editing ? (
        <TaskForm ctx={ctx} plan={plan} task={editing} values={values} base={base} />
      ) : null}
    </SubPage>
  );
}

function TaskForm({
  ctx,
  plan,
  task,
  values,
  base,
}: {
  ctx: PageContext;
  plan: HostPlan;
  task: PlanTask;
  values: PlanTaskValues | undefined;
  base: string;
}) {
  const { t } = ctx.i18n;
  const v: PlanTaskValues = values ?? {
    ownerUserId: task.ownerUserId ?? '',
    dueOn: task.dueOn,
    status: task.status,
    notes: task.notes ?? '',
  };
  return (
    <Form
      ctx={ctx}
      action={`${base}/tasks/${encodeURIComponent(task.id)}`}
      id="task-form"
      values={v}
    >
      <h2>{t('hostPlan.form.editTitle', { title: taskTitle(ctx, task) })}</h2>
      <SelectField
        name="ownerUserId"
        label={t('hostPlan.form.owner')}
        options={[
          { value: '', label: t('hostPlan.noOwner') },
          ...plan.coordinators.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <DateField name="dueOn" label={t('hostPlan.form.due')} />
      <SelectField
        name="status"
        label={t('hostPlan.form.status')}
        options={messageOptions(ctx.i18n, 'hostPlan.status', TASK_STATUSES)}
      />
      <TextArea name="notes" label={t('hostPlan.form.notes')} rows={3} optional />
      <SubmitWithCancel
        submit={t('hostPlan.form.save')}
        cancel={{ href: base, label: t('hostPlan.form.cancel') }}
      />
    </Form>
  );
}

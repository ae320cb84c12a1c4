import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatPlainDate } from '../../../shared/dates.ts';
import {
  Button,
  DateField,
  Form,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { DataTable, RowLink } from '../../../ui/table.tsx';
import { localized } from '../../cities/index.ts';
import type { HostPlan, HostPlanSummary, PlanTask, TemplateTask } from '../host-plan.service.ts';
import {
  TASK_STATUSES,
  type PlanTaskValues,
  type TemplateTaskValues,
} from '../host-plan.schema.ts';

const TEMPLATE = '/workspace/host-plan-template';
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
    <Layout ctx={ctx} title={t('hostPlan.overview.title')}>
      <h1>{t('hostPlan.overview.title')}</h1>
      <p class="lead">{t('hostPlan.overview.lead')}</p>
      <p>
        <a href={TEMPLATE}>{t('hostPlan.overview.template')}</a>
      </p>
      <DataTable
        caption={t('hostPlan.overview.caption')}
        captionHidden
        rows={plans}
        rowKey={(p) => p.meeting.id}
        empty={t('hostPlan.overview.none')}
        columns={[
          {
            header: t('hostPlan.col.meeting'),
            rowHeader: true,
            cell: (p) => (
              <>
                <a href={planUrl(p.meeting.id)}>
                  {t('hostPlan.page.title', { year: p.meeting.year })}
                </a>
                {p.meeting.startDate ? (
                  <>
                    <br />
                    {formatDateRange(p.meeting.startDate, p.meeting.endDate, intl)}
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t('hostPlan.col.plan'),
            cell: (p) => (
              <>
                {p.total === 0
                  ? t('hostPlan.overview.noPlan')
                  : t('hostPlan.overview.progress', { closed: p.closed, total: p.total })}
                {p.overdue > 0 ? (
                  <OverdueTag text={t('hostPlan.overview.overdue', { count: p.overdue })} />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Layout>
  );
}

/** A red "overdue" tag after a cell's text. */
function OverdueTag({ text }: { text: string }) {
  return (
    <>
      {' '}
      <strong class="tag tag-overdue">{text}</strong>
    </>
  );
}

/** Moves a template task one step up or down the list. */
function MoveButton({
  ctx,
  task,
  name,
  direction,
}: {
  ctx: PageContext;
  task: TemplateTask;
  name: string;
  direction: 'up' | 'down';
}) {
  return (
    <Form ctx={ctx} action={`${TEMPLATE}/${encodeURIComponent(task.id)}/move`}>
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="link-button">
        {ctx.i18n.t(direction === 'up' ? 'hostPlan.template.up' : 'hostPlan.template.down')}
        <span class="visually-hidden">: {name}</span>
      </button>
    </Form>
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
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/workspace/host-plan">{t('hostPlan.page.back')}</a>
      </p>
      <h1>{title}</h1>
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
          <DataTable
            caption={t('hostPlan.page.caption')}
            captionHidden
            rows={plan.tasks}
            rowKey={(task) => task.id}
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
                    {task.overdue ? <OverdueTag text={t('hostPlan.overdue')} /> : null}
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
    </Layout>
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
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`hostPlan.status.${s}`) }))}
      />
      <TextArea name="notes" label={t('hostPlan.form.notes')} rows={3} optional />
      <Button>{t('hostPlan.form.save')}</Button>
      <p>
        <a href={base}>{t('hostPlan.form.cancel')}</a>
      </p>
    </Form>
  );
}

/** "12 månader före", "14 dagar efter", or both. */
function describeOffset(ctx: PageContext, task: TemplateTask): string {
  const { t } = ctx.i18n;
  const parts: string[] = [];
  if (task.offsetMonths !== 0)
    parts.push(
      t(
        task.offsetMonths < 0 ? 'hostPlan.template.monthsBefore' : 'hostPlan.template.monthsAfter',
        {
          n: Math.abs(task.offsetMonths),
        },
      ),
    );
  if (task.offsetDays !== 0)
    parts.push(
      t(task.offsetDays < 0 ? 'hostPlan.template.daysBefore' : 'hostPlan.template.daysAfter', {
        n: Math.abs(task.offsetDays),
      }),
    );
  return parts.length ? parts.join(', ') : t('hostPlan.template.onStart');
}

export function HostPlanTemplatePage({
  ctx,
  tasks,
  editing,
  values,
}: {
  ctx: PageContext;
  tasks: TemplateTask[];
  editing: TemplateTask | null;
  values?: TemplateTaskValues | undefined;
}) {
  const { t } = ctx.i18n;
  const title = t('hostPlan.template.title');
  const v: TemplateTaskValues = values ?? {
    titleSv: editing?.titleSv ?? '',
    titleEn: editing?.titleEn ?? '',
    offsetMonths: editing ? String(editing.offsetMonths) : '0',
    offsetDays: editing ? String(editing.offsetDays) : '0',
    active: editing && !editing.active ? '0' : '1',
  };
  const name = (task: TemplateTask) => (ctx.i18n.locale === 'en' ? task.titleEn : task.titleSv);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/workspace/host-plan">{t('hostPlan.page.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('hostPlan.template.lead')}</p>
      <DataTable
        caption={t('hostPlan.template.caption')}
        captionHidden
        rows={tasks}
        rowKey={(task) => task.id}
        columns={[
          { header: t('hostPlan.col.task'), rowHeader: true, cell: name },
          { header: t('hostPlan.template.when'), cell: (task) => describeOffset(ctx, task) },
          {
            header: t('hostPlan.col.status'),
            cell: (task) =>
              task.active ? t('hostPlan.template.active') : t('hostPlan.template.inactive'),
          },
          {
            header: t('hostPlan.col.actions'),
            cell: (task) => {
              const i = tasks.indexOf(task);
              return (
                <>
                  <RowLink
                    href={`${TEMPLATE}?edit=${encodeURIComponent(task.id)}#template-form`}
                    label={t('hostPlan.edit')}
                    name={name(task)}
                  />
                  {i > 0 ? (
                    <MoveButton ctx={ctx} task={task} name={name(task)} direction="up" />
                  ) : null}
                  {i < tasks.length - 1 ? (
                    <MoveButton ctx={ctx} task={task} name={name(task)} direction="down" />
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
      <Form
        ctx={ctx}
        action={editing ? `${TEMPLATE}/${encodeURIComponent(editing.id)}` : TEMPLATE}
        id="template-form"
        values={v}
      >
        <h2>{editing ? t('hostPlan.template.editTitle') : t('hostPlan.template.addTitle')}</h2>
        <TextField name="titleSv" label={t('hostPlan.template.titleSv')} width="full" />
        <TextField
          name="titleEn"
          label={t('hostPlan.template.titleEn')}
          hint={t('hostPlan.template.titleEnHint')}
          width="full"
          optional
        />
        <NumberField
          name="offsetMonths"
          label={t('hostPlan.template.offsetMonths')}
          hint={t('hostPlan.template.offsetHint')}
        />
        <NumberField name="offsetDays" label={t('hostPlan.template.offsetDays')} />
        {editing ? (
          <RadioGroup
            name="active"
            legend={t('hostPlan.template.activeLegend')}
            options={[
              { value: '1', label: t('hostPlan.template.activeYes') },
              { value: '0', label: t('hostPlan.template.activeNo') },
            ]}
          />
        ) : null}
        <Button>{editing ? t('hostPlan.template.save') : t('hostPlan.template.add')}</Button>
        {editing ? (
          <p>
            <a href={TEMPLATE}>{t('hostPlan.form.cancel')}</a>
          </p>
        ) : null}
      </Form>
    </Layout>
  );
}

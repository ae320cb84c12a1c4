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
import { localized } from '../../cities/index.ts';
import type { HostPlan, HostPlanSummary, PlanTask, TemplateTask } from '../host-plan.service.ts';
import {
  TASK_STATUSES,
  type PlanTaskValues,
  type TemplateTaskValues,
} from '../host-plan.schema.ts';

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
        <a href="/workspace/host-plan-template">{t('hostPlan.overview.template')}</a>
      </p>
      {plans.length === 0 ? (
        <p>{t('hostPlan.overview.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('hostPlan.overview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hostPlan.col.meeting')}</th>
                <th scope="col">{t('hostPlan.col.plan')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.meeting.id}>
                  <th scope="row">
                    <a href={`/workspace/meetings/${encodeURIComponent(p.meeting.id)}/host-plan`}>
                      {t('hostPlan.page.title', { year: p.meeting.year })}
                    </a>
                    {p.meeting.startDate ? (
                      <>
                        <br />
                        {formatDateRange(p.meeting.startDate, p.meeting.endDate, intl)}
                      </>
                    ) : null}
                  </th>
                  <td>
                    {p.total === 0
                      ? t('hostPlan.overview.noPlan')
                      : t('hostPlan.overview.progress', { closed: p.closed, total: p.total })}
                    {p.overdue > 0 ? (
                      <>
                        {' '}
                        <strong class="tag tag-overdue">
                          {t('hostPlan.overview.overdue', { count: p.overdue })}
                        </strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
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
  const base = `/workspace/meetings/${encodeURIComponent(plan.meeting.id)}/host-plan`;
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
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('hostPlan.page.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hostPlan.col.task')}</th>
                  <th scope="col">{t('hostPlan.col.due')}</th>
                  <th scope="col">{t('hostPlan.col.owner')}</th>
                  <th scope="col">{t('hostPlan.col.status')}</th>
                  <th scope="col">{t('hostPlan.col.notes')}</th>
                  <th scope="col">{t('hostPlan.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.tasks.map((task) => (
                  <tr key={task.id} class={task.overdue ? 'row-overdue' : undefined}>
                    <th scope="row">{taskTitle(ctx, task)}</th>
                    <td>
                      {formatPlainDate(task.dueOn, intl)}
                      {task.overdue ? (
                        <>
                          {' '}
                          <strong class="tag tag-overdue">{t('hostPlan.overdue')}</strong>
                        </>
                      ) : null}
                    </td>
                    <td>{task.ownerName ?? t('hostPlan.noOwner')}</td>
                    <td>{t(`hostPlan.status.${task.status}`)}</td>
                    <td>{task.notes ?? ''}</td>
                    <td>
                      <a href={`${base}?edit=${encodeURIComponent(task.id)}#task-form`}>
                        {t('hostPlan.edit')}
                        <span class="visually-hidden">: {taskTitle(ctx, task)}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('hostPlan.template.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hostPlan.col.task')}</th>
              <th scope="col">{t('hostPlan.template.when')}</th>
              <th scope="col">{t('hostPlan.col.status')}</th>
              <th scope="col">{t('hostPlan.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task, i) => (
              <tr key={task.id}>
                <th scope="row">{name(task)}</th>
                <td>{describeOffset(ctx, task)}</td>
                <td>
                  {task.active ? t('hostPlan.template.active') : t('hostPlan.template.inactive')}
                </td>
                <td>
                  <a
                    href={`/workspace/host-plan-template?edit=${encodeURIComponent(task.id)}#template-form`}
                  >
                    {t('hostPlan.edit')}
                    <span class="visually-hidden">: {name(task)}</span>
                  </a>
                  {(['up', 'down'] as const).map((direction) =>
                    (direction === 'up' && i === 0) ||
                    (direction === 'down' && i === tasks.length - 1) ? null : (
                      <Form
                        key={direction}
                        ctx={ctx}
                        action={`/workspace/host-plan-template/${encodeURIComponent(task.id)}/move`}
                      >
                        <input type="hidden" name="direction" value={direction} />
                        <button type="submit" class="link-button">
                          {t(
                            direction === 'up' ? 'hostPlan.template.up' : 'hostPlan.template.down',
                          )}
                          <span class="visually-hidden">: {name(task)}</span>
                        </button>
                      </Form>
                    ),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form
        ctx={ctx}
        action={
          editing
            ? `/workspace/host-plan-template/${encodeURIComponent(editing.id)}`
            : '/workspace/host-plan-template'
        }
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
            <a href="/workspace/host-plan-template">{t('hostPlan.form.cancel')}</a>
          </p>
        ) : null}
      </Form>
    </Layout>
  );
}

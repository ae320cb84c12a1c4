import type { PageContext } from '../../../platform/page-context.ts';
import {
  fieldLabels,
  Form,
  NumberField,
  RadioGroup,
  SubmitWithCancel,
  TextField,
} from '../../../ui/fields.tsx';
import { RowLink } from '../../../ui/table.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import type { TemplateTask } from '../host-plan.service.ts';
import type { TemplateTaskValues } from '../host-plan.schema.ts';
import { SubPage } from './page-parts.tsx';

export const TEMPLATE = '/workspace/host-plan-template';

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
  const field = fieldLabels(ctx.i18n, 'hostPlan.template');
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
    <SubPage
      ctx={ctx}
      title={title}
      back={{ href: '/workspace/host-plan', label: t('hostPlan.page.back') }}
    >
      <p class="lead">{t('hostPlan.template.lead')}</p>
      <ListTable
        caption={t('hostPlan.template.caption')}
        rows={tasks}
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
        <TextField {...field('titleSv')} width="full" />
        <TextField {...field('titleEn', 'hint')} width="full" optional />
        <NumberField {...field('offsetMonths')} hint={t('hostPlan.template.offsetHint')} />
        <NumberField {...field('offsetDays')} />
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
        <SubmitWithCancel
          submit={editing ? t('hostPlan.template.save') : t('hostPlan.template.add')}
          cancel={editing && { href: TEMPLATE, label: t('hostPlan.form.cancel') }}
        />
      </Form>
    </SubPage>
  );
}

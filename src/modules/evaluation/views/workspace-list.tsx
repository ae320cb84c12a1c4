import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import {
  Button,
  CheckboxGroup,
  DateField,
  fieldLabels,
  Form,
  TextField,
} from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { linkCell, messageColumns, type Column } from '../../../ui/table.tsx';
import type { StartInput } from '../evaluation.schema.ts';
import { isOverdue, type Evaluation, type Owner } from '../evaluation.service.ts';
import { StatusTag } from './workspace-parts.tsx';
import { DueDate } from '../../../ui/tags.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

/** The coordinators' list of evaluations: title, period, due date (overdue marked), status, owners. */
export function EvaluationsPage({
  ctx,
  evaluations,
  today,
}: {
  ctx: PageContext;
  evaluations: Evaluation[];
  today: string;
}) {
  const { t, intl } = ctx.i18n;
  const columns: Column<Evaluation>[] = messageColumns(ctx.i18n, 'evaluation.col', {
    title: linkCell<Evaluation>('/workspace/evaluations', (e) => e.title),
    period: (e) => formatDateRange(e.periodStart, e.periodEnd, intl),
    due: (e) => (
      <DueDate
        date={e.dueOn}
        locale={intl}
        overdue={isOverdue(e, today) ? t('evaluation.overdue') : null}
      />
    ),
    status: (e) => <StatusTag ctx={ctx} status={e.status} version={e.approvedVersion} />,
    owners: (e) => e.owners.map((o) => o.name).join(', '),
  });
  return (
    <TitledPage
      ctx={ctx}
      title={t('evaluation.list.title')}
      back={{ href: '/workspace', label: t('evaluation.backToWorkspace') }}
      lead={t('evaluation.list.lead')}
    >
      <ButtonLink href="/workspace/evaluations/new" variant="secondary">
        {t('evaluation.list.new')}
      </ButtonLink>
      <ListTable
        caption={t('evaluation.list.caption')}
        rows={evaluations}
        empty={t('evaluation.list.none')}
        rowClass={(e) => (isOverdue(e, today) ? 'row-overdue' : undefined)}
        columns={columns}
      />
    </TitledPage>
  );
}

/** Starting an evaluation by hand, for any period. */
export function NewEvaluationPage({
  ctx,
  coordinators,
  values,
}: {
  ctx: PageContext;
  coordinators: Owner[];
  values?: StartInput | undefined;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'evaluation.field');
  return (
    <TitledPage
      ctx={ctx}
      title={t('evaluation.new.title')}
      back={{ href: '/workspace/evaluations', label: t('evaluation.backToList') }}
      lead={t('evaluation.new.lead')}
    >
      <Form
        ctx={ctx}
        action="/workspace/evaluations/new"
        values={values ?? { owners: ctx.user ? [ctx.user.id] : [] }}
      >
        <TextField {...field('title', 'hint')} width="full" autocomplete="off" />
        <DateField {...field('periodStart')} />
        <DateField {...field('periodEnd')} />
        <DateField {...field('dueOn')} />
        <CheckboxGroup
          {...field.legend('owners', 'hint')}
          options={coordinators.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button>{t('evaluation.new.submit')}</Button>
      </Form>
    </TitledPage>
  );
}

import type { ComponentChildren } from 'preact';
import type { PlanClass } from '../../../config/config.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Button, DateField, Form, SelectField, TextField } from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { DataTable, RowLink } from '../../../ui/table.tsx';
import type { RecordRow } from '../records.repository.ts';
import { RECORD_KINDS, type RegisterFilter } from '../records.schema.ts';

export const kindKey = (kind: RecordRow['kind']) => `records.kind.${kind}` as const;

export function flagText(ctx: PageContext, r: Pick<RecordRow, 'secret' | 'secrecy_ground'>) {
  const { t } = ctx.i18n;
  return r.secret
    ? `${t('records.flag.secret')} (${r.secrecy_ground ?? ''})`
    : t('records.flag.public');
}

export function planOptions(ctx: PageContext, plan: readonly PlanClass[], empty: string) {
  return [
    { value: '', label: empty },
    ...plan.map((c) => ({ value: c.code, label: `${c.code} ${c.title}`, lang: 'sv' })),
  ];
}

/** The choice of a record's publicity: public, or secret (with its ground). */
export function secrecyOptions(ctx: PageContext) {
  const { t } = ctx.i18n;
  return [
    { value: 'public', label: t('records.flag.public') },
    { value: 'secret', label: t('records.flag.secret') },
  ];
}

interface Props {
  ctx: PageContext;
  records: RecordRow[];
  info: PageInfo;
  filter: Record<keyof RegisterFilter, string>;
  plan: readonly PlanClass[];
  exportValues?: Record<string, string>;
}

/** One way to export part of the register: its heading names the form, its fields choose what. */
function ExportForm(props: {
  ctx: PageContext;
  by: 'case' | 'period';
  title: string;
  values: Record<string, string> | undefined;
  children: ComponentChildren;
}) {
  const id = `export-${props.by}`;
  return (
    <Form
      ctx={props.ctx}
      action={`/workspace/records/export/${props.by}`}
      values={props.values}
      aria-labelledby={id}
    >
      <h3 id={id}>{props.title}</h3>
      {props.children}
      <Button variant="secondary">{props.ctx.i18n.t('records.export.button')}</Button>
    </Form>
  );
}

/** `/workspace/records`: the register of decisions, reports and meeting documents. */
export function RegisterPage({ ctx, records, info, filter, plan, exportValues }: Props) {
  const { t } = ctx.i18n;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  return (
    <TitledPage ctx={ctx} title={t('workspace.link.records')} lead={t('records.lead')}>
      <Form ctx={ctx} method="get" action="/workspace/records" class="filters" values={filter}>
        <TextField name="caseNumber" label={t('records.caseNumber')} optional width="medium" />
        <DateField name="from" label={t('records.from')} optional />
        <DateField name="to" label={t('records.to')} optional />
        <SelectField
          name="kind"
          label={t('records.kind')}
          options={[
            { value: '', label: t('records.all') },
            ...RECORD_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) })),
          ]}
        />
        <SelectField
          name="classification"
          label={t('records.classification')}
          options={planOptions(ctx, plan, t('records.all'))}
          width="full"
        />
        <SelectField
          name="secrecy"
          label={t('records.flag')}
          options={[{ value: '', label: t('records.all') }, ...secrecyOptions(ctx)]}
        />
        <div class="field">
          <Button variant="secondary">{t('records.filter')}</Button>
        </div>
      </Form>
      <DataTable
        caption={t('records.caption')}
        rows={records}
        rowKey={(r) => `${r.kind}-${r.id}`}
        empty={t('records.empty')}
        columns={[
          {
            header: t('records.caseNumber'),
            cell: (r) => r.case_number ?? <span class="hint">{t('records.unregistered')}</span>,
          },
          {
            header: t('records.date'),
            cell: (r) => <time dateTime={r.date}>{formatPlainDate(r.date, ctx.i18n.intl)}</time>,
          },
          { header: t('records.title'), cell: (r) => r.title, rowHeader: true },
          { header: t('records.kind'), cell: (r) => t(kindKey(r.kind)) },
          { header: t('records.flag'), cell: (r) => flagText(ctx, r) },
          { header: t('records.classification'), cell: (r) => r.classification ?? '' },
          {
            header: t('records.actions'),
            hiddenHeader: true,
            cell: (r) => (
              <RowLink
                href={`/workspace/records/${r.kind}/${r.id}`}
                label={t('records.register')}
                name={r.title}
              />
            ),
          },
        ]}
      />
      <Pagination i18n={ctx.i18n} info={info} baseQuery={query} />

      <h2 id="export">{t('records.export.title')}</h2>
      <p>{t('records.export.lead')}</p>
      <ExportForm ctx={ctx} by="case" title={t('records.export.case')} values={exportValues}>
        <TextField name="exportCase" label={t('records.caseNumber')} width="medium" />
      </ExportForm>
      <ExportForm ctx={ctx} by="period" title={t('records.export.period')} values={exportValues}>
        <DateField name="exportFrom" label={t('records.from')} />
        <DateField name="exportTo" label={t('records.to')} />
      </ExportForm>
    </TitledPage>
  );
}

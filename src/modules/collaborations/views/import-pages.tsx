import type { PageContext } from '../../../platform/page-context.ts';
import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { translateProblem } from '../../../platform/forms.ts';
import {
  Button,
  FileField,
  Form,
  messageOptions,
  RadioGroup,
  SelectField,
} from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DataTable, linkColumn } from '../../../ui/table.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import { IMPORT_FROM_COLUMN, type ImportJob } from '../import.service.ts';
import { ALL_FIELDS, fieldsOf, requiredOf, type ImportMapping } from '../import.rows.ts';

const key = (k: string) => k as PlainKey;

export function ImportPage({
  ctx,
  organisations,
  allowColumn,
  jobs,
  values,
}: {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  allowColumn: boolean;
  jobs: {
    id: string;
    filename: string;
    status: string;
    total_rows: number | null;
    created_at: string;
  }[];
  values?: { organisation: string; kind: string } | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const choices = [
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
    ...(allowColumn ? [{ value: IMPORT_FROM_COLUMN, label: t('import.organisation.column') }] : []),
  ];
  // With several to choose from, none is chosen at first (a wrong one would file every row
  // under it); a reporter's own organisation, the only choice, is.
  const only = choices.length === 1 ? choices[0]!.value : undefined;
  const options = only
    ? choices
    : [{ value: '', label: t('import.organisation.choose') }, ...choices];
  return (
    <TitledPage ctx={ctx} title={t('import.title')} lead={t('import.lead')}>
      <Form
        ctx={ctx}
        action="/workspace/import"
        multipart
        values={values ?? { kind: 'collaboration', ...(only ? { organisation: only } : {}) }}
      >
        <RadioGroup
          name="kind"
          legend={t('import.field.fileKind')}
          options={messageOptions(ctx.i18n, 'import.kind', ['collaboration', 'exchange'])}
        />
        <SelectField
          name="organisation"
          label={t('import.field.organisation')}
          hint={t('import.field.organisationHint')}
          options={options}
        />
        <FileField
          name="file"
          label={t('import.field.file')}
          hint={t('import.field.fileHint')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <Button>{t('import.upload')}</Button>
      </Form>
      <h2>{t('export.title')}</h2>
      <p>{t('export.lead')}</p>
      <ul>
        <li>
          <a href="/workspace/collaborations/export.xlsx">{t('export.xlsx')}</a>
        </li>
        <li>
          <a href="/workspace/collaborations/export.csv">{t('export.csv')}</a>
        </li>
      </ul>
      {jobs.length ? (
        <>
          <h2>{t('import.recent')}</h2>
          <ListTable
            caption={t('import.recentCaption')}
            rows={jobs}
            columns={[
              linkColumn<(typeof jobs)[number]>(
                t('import.col.file'),
                (j) => `/workspace/import/${j.id}`,
                (j) => j.filename,
              ),
              { header: t('import.col.created'), cell: (j) => formatInstant(j.created_at, intl) },
              { header: t('import.col.status'), cell: (j) => t(key(`import.status.${j.status}`)) },
              {
                header: t('import.col.rows'),
                cell: (j) => ctx.i18n.formatNumber(j.total_rows ?? 0),
              },
            ]}
          />
        </>
      ) : null}
    </TitledPage>
  );
}

function MappingForm({
  ctx,
  job,
  headers,
  mapping,
}: {
  ctx: PageContext;
  job: ImportJob;
  headers: string[];
  mapping: ImportMapping;
}) {
  const { t } = ctx.i18n;
  const fields = fieldsOf(job.kind).filter(
    (f) => f !== 'organisationColumn' || job.organisationId === null,
  );
  const required = requiredOf(job.kind);
  return (
    <>
      <h2>{t('import.mapping.title')}</h2>
      <p>
        {t('import.mapping.lead', {
          file: job.filename,
          rows: job.totalRows,
        })}
      </p>
      <Form
        ctx={ctx}
        action={`/workspace/import/${job.id}/check`}
        values={Object.fromEntries(Object.entries(mapping).map(([f, h]) => [`map-${f}`, h]))}
      >
        {fields.map((field) => (
          <SelectField
            key={field}
            name={`map-${field}`}
            label={`${t(key(`import.field.${field}`))}${
              required.includes(field) ||
              (field === 'organisationColumn' && job.organisationId === null)
                ? ` ${t('import.mapping.required')}`
                : ''
            }`}
            options={[
              { value: '', label: t('import.mapping.none') },
              ...headers.filter(Boolean).map((h) => ({ value: h, label: h })),
            ]}
          />
        ))}
        <Button>{t('import.mapping.submit')}</Button>
      </Form>
    </>
  );
}

export function ImportJobPage({
  ctx,
  job,
  headers,
  mapping,
  remap,
  problems,
  info,
}: {
  ctx: PageContext;
  job: ImportJob;
  /** The file's headers when the mapping form is shown. */
  headers: string[] | null;
  mapping: ImportMapping;
  remap: boolean;
  problems: ImportJob['problems'];
  info: PageInfo;
}) {
  const { t } = ctx.i18n;
  const n = (v: number) => ctx.i18n.formatNumber(v);
  const importing = job.status === 'importing';
  const title =
    job.status === 'importing'
      ? t('import.progress.title')
      : job.status === 'done'
        ? t('import.done.title')
        : job.status === 'failed'
          ? t('import.failed.title')
          : job.status === 'checked' && !remap
            ? t('import.check.title')
            : t('import.mapping.title');
  const badRows = new Set(job.problems.map((p) => p.row)).size;
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={importing ? <meta http-equiv="refresh" content="2" /> : undefined}
    >
      <p class="breadcrumb">
        <a href="/workspace/import">{t('import.title')}</a>
      </p>
      <h1>{title}</h1>
      {headers && (job.status === 'uploaded' || job.status === 'failed' || remap) ? (
        <MappingForm ctx={ctx} job={job} headers={headers} mapping={mapping} />
      ) : null}
      {job.status === 'checked' && !remap ? (
        <>
          <p id="summary" role="status">
            {job.problems.length === 0
              ? t('import.check.ok', { rows: job.totalRows })
              : t('import.check.problems', {
                  problems: job.problems.length,
                  badRows: n(badRows),
                  rows: job.totalRows,
                  valid: job.validRows ?? 0,
                })}
          </p>
          {job.problems.length ? (
            <>
              <DataTable
                caption={t('import.check.caption')}
                rows={problems}
                rowKey={(p) => String(problems.indexOf(p))}
                columns={[
                  { header: t('import.check.col.row'), rowHeader: true, cell: (p) => p.row },
                  {
                    header: t('import.check.col.column'),
                    cell: (p) =>
                      (ALL_FIELDS as readonly string[]).includes(p.column)
                        ? t(key(`import.field.${p.column}`))
                        : p.column,
                  },
                  { header: t('import.check.col.problem'), cell: (p) => problemText(ctx, p) },
                ]}
              />
              <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
              <p>{t('import.check.fix')}</p>
            </>
          ) : null}
          {job.problems.length === 0 || (job.validRows ?? 0) > 0 ? (
            <Form ctx={ctx} action={`/workspace/import/${job.id}/start`}>
              {job.problems.length ? <input type="hidden" name="onlyValid" value="1" /> : null}
              <Button>
                {job.problems.length
                  ? t('import.check.importValid', { rows: job.validRows ?? 0 })
                  : t('import.check.import', { rows: job.totalRows })}
              </Button>
            </Form>
          ) : null}
          <ul>
            <li>
              <a href={`/workspace/import/${job.id}?remap=1`}>{t('import.check.remap')}</a>
            </li>
            <li>
              <a href="/workspace/import">{t('import.check.newFile')}</a>
            </li>
          </ul>
        </>
      ) : null}
      {importing ? (
        <>
          <p role="status">
            {t('import.progress.text', {
              done: n(job.processedRows),
              rows: job.validRows ?? job.totalRows,
            })}
          </p>
          <progress
            max={job.validRows ?? job.totalRows}
            value={job.processedRows}
            aria-label={t('import.progress.title')}
          >
            {job.processedRows}
          </progress>
          <p class="hint">{t('import.progress.refresh')}</p>
        </>
      ) : null}
      {job.status === 'done' ? (
        <p role="status">
          {t(job.kind === 'exchange' ? 'import.done.textExchanges' : 'import.done.text', {
            rows: job.importedRows ?? 0,
          })}
        </p>
      ) : null}
      {job.status === 'failed' ? <p>{t('import.failed.text')}</p> : null}
    </Layout>
  );
}

function problemText(ctx: PageContext, p: ImportJob['problems'][number]): string {
  const text = translateProblem(ctx.i18n, p.message);
  if (!p.params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(p.params!, name) ? String(p.params![name]) : m,
  );
}

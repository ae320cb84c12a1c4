import type { PlanClass } from '../../../config/config.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { Button, Form, RadioGroup, SelectField, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { classLabel } from '../records.plan.ts';
import type { RecordRow } from '../records.repository.ts';
import { flagText, kindKey, planOptions, secrecyOptions } from './register-page.tsx';

/** `/workspace/records/:kind/:id`: one record and the registrar's form. */
export function RecordPage({
  ctx,
  record,
  plan,
  values,
}: {
  ctx: PageContext;
  record: RecordRow;
  plan: readonly PlanClass[];
  values: Record<string, string>;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout
      ctx={ctx}
      title={record.title}
      trail={[{ href: '/workspace/records', label: t('workspace.link.records') }]}
    >
      <h1>{record.title}</h1>
      <dl class="facts">
        <dt>{t('records.kind')}</dt>
        <dd>{t(kindKey(record.kind))}</dd>
        <dt>{t('records.date')}</dt>
        <dd>
          <time dateTime={record.date}>{formatPlainDate(record.date, ctx.i18n.intl)}</time>
        </dd>
        <dt>{t('records.caseNumber')}</dt>
        <dd>{record.case_number ?? t('records.unregistered')}</dd>
        <dt>{t('records.flag')}</dt>
        <dd>{flagText(ctx, record)}</dd>
        <dt>{t('records.classification')}</dt>
        <dd lang="sv">{classLabel(plan, record.classification) || '–'}</dd>
      </dl>
      <h2 id="register">{t('records.register.title')}</h2>
      <Form
        ctx={ctx}
        action={`/workspace/records/${record.kind}/${record.id}`}
        values={values}
        aria-labelledby="register"
      >
        <TextField
          name="caseNumber"
          label={t('records.caseNumber')}
          hint={t('records.caseNumber.hint')}
          width="medium"
        />
        <RadioGroup name="secrecy" legend={t('records.flag')} options={secrecyOptions(ctx)} />
        <TextField
          name="ground"
          label={t('records.ground')}
          hint={t('records.ground.hint')}
          optional
        />
        <SelectField
          name="classification"
          label={t('records.classification')}
          options={planOptions(ctx, plan, t('records.choose'))}
          width="full"
        />
        <Button>{t('records.register.save')}</Button>
      </Form>
    </Layout>
  );
}

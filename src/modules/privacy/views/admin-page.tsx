import type { ComponentChildren } from 'preact';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Checkbox, fieldLabels, Form, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DataTable, type Column } from '../../../ui/table.tsx';
import type { KindId } from '../privacy.register.ts';
import type { CorrectionLine, ErasureLine, PersonData } from '../privacy.service.ts';
import { kindTitle } from './register-page.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

/** How many records of each kind the system holds about the person. */
export function holdings(d: PersonData): { kind: KindId; count: number }[] {
  const rows: { kind: KindId; count: number }[] = [
    { kind: 'account', count: d.account ? 1 + d.roles.length : 0 },
    {
      kind: 'mfa',
      count: d.account && (d.account.twoStepVerification || d.account.singleSignOn) ? 1 : 0,
    },
    { kind: 'sessions', count: d.sessions.length },
    { kind: 'tokens', count: d.links.length + d.apiTokens.length },
    { kind: 'loginAttempts', count: d.loginAttempts.length },
    {
      kind: 'contacts',
      count:
        d.contacts.collaborations.length +
        d.contacts.cities.length +
        d.contacts.organisations.length,
    },
    { kind: 'delegates', count: d.delegates.length },
    { kind: 'subscribers', count: d.newsletter ? 1 : 0 },
    { kind: 'outbox', count: d.outbox.length },
    { kind: 'authorship', count: d.authored.length + d.evaluationComments.length },
    { kind: 'audit', count: d.audit.length },
  ];
  return rows.filter((r) => r.count > 0);
}

/** The columns a table of the person's data starts with: the kind of data, and how much. */
export function kindColumns<R extends { kind: KindId; count: number }>({ t }: I18n): Column<R>[] {
  return [
    { header: t('privacy.admin.kind'), cell: (r) => t(kindTitle(r.kind)), rowHeader: true },
    { header: t('privacy.admin.count'), cell: (r) => r.count, class: 'num' },
  ];
}

/** What the system holds about the person: how many records of each kind. */
export function HoldingsTable(props: {
  ctx: PageContext;
  data: PersonData;
  caption: string;
  captionHidden?: boolean;
  empty?: string;
}) {
  return (
    <DataTable
      caption={props.caption}
      captionHidden={props.captionHidden}
      rows={holdings(props.data)}
      rowKey={(r) => r.kind}
      empty={props.empty}
      columns={kindColumns(props.ctx.i18n)}
    />
  );
}

/**
 * The export's two buttons (a POST: an export is audited, so no link a page elsewhere could
 * make a browser follow); without Chromium the PDF button is replaced by why not.
 */
export function ExportForm({
  ctx,
  action,
  pdf,
  children,
}: {
  ctx: PageContext;
  action: string;
  pdf: boolean;
  children?: ComponentChildren;
}) {
  const { t } = ctx.i18n;
  return (
    <Form ctx={ctx} action={action} values={{}}>
      {children}
      <div class="part-actions">
        <Button name="format" value="json">
          {t('privacy.download.json')}
        </Button>
        {pdf ? (
          <Button name="format" value="pdf" variant="secondary">
            {t('privacy.download.pdf')}
          </Button>
        ) : null}
      </div>
      {pdf ? null : <p>{t('privacy.download.noPdf')}</p>}
    </Form>
  );
}

function Hidden({ email, name }: { email: string; name: string }) {
  return (
    <>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="name" value={name} />
    </>
  );
}

/** The erasure's lines: what goes, what stays and why. */
export function ErasureTable({
  ctx,
  lines,
  caption,
}: {
  ctx: PageContext;
  lines: readonly ErasureLine[];
  caption: string;
}) {
  const { t } = ctx.i18n;
  return (
    <DataTable
      caption={caption}
      rows={lines}
      rowKey={(l) => `${l.kind}-${l.outcome}`}
      empty={t('privacy.admin.nothing')}
      columns={[
        ...kindColumns<ErasureLine>(ctx.i18n),
        {
          header: t('privacy.admin.outcome'),
          cell: (l) =>
            l.outcome === 'removed' ? t('privacy.erase.removed') : t('privacy.erase.kept'),
        },
        { header: t('privacy.admin.why'), cell: (l) => (l.reason ? t(l.reason) : '–') },
      ]}
    />
  );
}

/** `/admin/privacy`: find a person's data; export, correct or erase it; the retention dry run. */
export function AdminPrivacyPage({
  ctx,
  values,
  data,
  plan,
  pdf,
  correctValues,
}: {
  ctx: PageContext;
  values: { email: string; name: string };
  data: PersonData | null;
  plan: ErasureLine[];
  pdf: boolean;
  correctValues?: Record<string, unknown>;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'privacy.field');
  return (
    <TitledPage
      ctx={ctx}
      messages="privacy.admin"
      back={{ href: '/admin/users', label: t('privacy.admin.back'), plain: true }}
    >
      <Form ctx={ctx} action="/admin/privacy" method="get" values={values} errors={{}}>
        <TextField {...field('email')} type="email" autocomplete="off" />
        <TextField {...field('name', 'hint')} optional autocomplete="off" />
        <Button>{t('privacy.admin.find')}</Button>
      </Form>
      {data ? (
        <>
          <h2>{t('privacy.admin.found', { email: values.email })}</h2>
          <HoldingsTable
            ctx={ctx}
            data={data}
            caption={t('privacy.admin.foundCaption')}
            captionHidden
            empty={t('privacy.admin.nothing')}
          />
          <h3>{t('privacy.admin.exportTitle')}</h3>
          <p>{t('privacy.admin.exportText')}</p>
          <ExportForm ctx={ctx} action="/admin/privacy/export" pdf={pdf}>
            <Hidden email={values.email} name={values.name} />
          </ExportForm>
          <h3 id="correct">{t('privacy.admin.correctTitle')}</h3>
          <p>{t('privacy.admin.correctText')}</p>
          <Form
            ctx={ctx}
            action="/admin/privacy/correct"
            values={correctValues ?? {}}
            aria-labelledby="correct"
          >
            <Hidden email={values.email} name={values.name} />
            <TextField {...field('newName')} optional autocomplete="off" />
            <TextField {...field('newEmail')} type="email" optional autocomplete="off" />
            <TextField
              {...field('newPhone', 'hint')}
              type="tel"
              optional
              width="short"
              autocomplete="off"
            />
            <Button variant="secondary">{t('privacy.admin.correct')}</Button>
          </Form>
          <h3 id="erase">{t('privacy.admin.eraseTitle')}</h3>
          <p>{t('privacy.admin.eraseText')}</p>
          <ErasureTable ctx={ctx} lines={plan} caption={t('privacy.admin.planCaption')} />
          <Form ctx={ctx} action="/admin/privacy/erase" aria-labelledby="erase">
            <Hidden email={values.email} name={values.name} />
            <Checkbox {...field('confirm')} value="yes" />
            <Button variant="warning">{t('privacy.admin.erase')}</Button>
          </Form>
        </>
      ) : null}
      <h2>{t('privacy.retention.title')}</h2>
      <p>{t('privacy.retention.text')}</p>
      <ButtonLink href="/admin/privacy/retention" variant="secondary">
        {t('privacy.retention.dryRun')}
      </ButtonLink>
      <p>
        <a href="/privacy">{t('privacy.admin.registerLink')}</a>
      </p>
    </TitledPage>
  );
}

/** The result of an erasure: what was removed, what was kept and why. */
export function ErasedPage({
  ctx,
  email,
  lines,
}: {
  ctx: PageContext;
  email: string;
  lines: ErasureLine[];
}) {
  const { t } = ctx.i18n;
  return (
    <TitledPage
      ctx={ctx}
      title={t('privacy.erased.title')}
      lead={t('privacy.erased.lead', { email })}
    >
      <ErasureTable ctx={ctx} lines={lines} caption={t('privacy.erased.caption')} />
      <p>
        <a href="/admin/privacy">{t('privacy.admin.title')}</a>
      </p>
    </TitledPage>
  );
}

/** The result of a correction. */
export function CorrectedPage({ ctx, lines }: { ctx: PageContext; lines: CorrectionLine[] }) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('privacy.corrected.title')}>
      <h1>{t('privacy.corrected.title')}</h1>
      <DataTable
        caption={t('privacy.corrected.caption')}
        rows={lines}
        rowKey={(l) => `${l.kind}-${l.reason ?? ''}`}
        empty={t('privacy.corrected.nothing')}
        columns={[
          ...kindColumns<CorrectionLine>(ctx.i18n),
          { header: t('privacy.corrected.fields'), cell: (l) => l.fields.join(', ') || '–' },
          { header: t('privacy.admin.why'), cell: (l) => (l.reason ? t(l.reason) : '–') },
        ]}
      />
      <p>
        <a href="/admin/privacy">{t('privacy.admin.title')}</a>
      </p>
    </Layout>
  );
}

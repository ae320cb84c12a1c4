import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange, formatInstant } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Content } from '../../../ui/content.tsx';
import { Button, Form } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { DataTable, linkColumn } from '../../../ui/table.tsx';
import type { ReportVersion } from '../report.service.ts';
import { ReportBody, ReportFacts } from './report-document.tsx';

/** The downloads of a report: HTML (the primary format), Word, and PDF when it can be printed. */
function Downloads(props: { ctx: PageContext; base: string; pdf: boolean }) {
  const { t } = props.ctx.i18n;
  return (
    <section aria-labelledby="report-downloads" class="report-downloads">
      <h2 id="report-downloads">{t('report.downloads')}</h2>
      <ul>
        <li>
          <a href={`${props.base}/report.html`} download type="text/html" hreflang="sv">
            {t('report.download.html')}
          </a>
        </li>
        <li>
          <a
            href={`${props.base}/report.docx`}
            download
            type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            hreflang="sv"
          >
            {t('report.download.docx')}
          </a>
        </li>
        <li>
          {props.pdf ? (
            <a href={`${props.base}/report.pdf`} download type="application/pdf" hreflang="sv">
              {t('report.download.pdf')}
            </a>
          ) : (
            <span id="report-pdf-unavailable">{t('report.pdf.unavailable')}</span>
          )}
        </li>
      </ul>
    </section>
  );
}

/** The version page: the frozen report as it is (or will be) published, its exports, publishing. */
export function ReportVersionPage(props: {
  ctx: PageContext;
  report: ReportVersion;
  approver: string | null;
  versions: { number: number; published: boolean }[];
  pdf: boolean;
}) {
  const { ctx, report } = props;
  const { t } = ctx.i18n;
  const base = `/workspace/evaluations/${report.evaluationId}/versions/${report.number}`;
  const published = props.versions.find((v) => v.published);
  return (
    <Layout
      ctx={ctx}
      title={t('report.workspace.title', { title: report.title, number: report.number })}
    >
      <p class="breadcrumb">
        <a href={`/workspace/evaluations/${report.evaluationId}`}>{t('report.workspace.back')}</a>
      </p>
      <Content locale={ctx.i18n.locale} as="h1">
        {report.title}
      </Content>
      <p class="lead">{t('report.workspace.frozen')}</p>
      <ReportFacts ctx={ctx} report={report} approver={props.approver} />

      <section aria-labelledby="report-publishing" class="panel">
        <h2 id="report-publishing">{t('report.publish.heading')}</h2>
        {report.publishedAt ? (
          <>
            <p>
              {t('report.publish.isPublished')}{' '}
              <a href={`/reports/${report.evaluationId}`}>{t('report.publish.view')}</a>
            </p>
            <Form ctx={ctx} action={`${base}/withdraw`}>
              <Button variant="warning">{t('report.withdraw.button')}</Button>
            </Form>
          </>
        ) : (
          <>
            <p>
              {published
                ? t('report.publish.replaces', { number: published.number })
                : t('report.publish.notPublished')}
            </p>
            <Form ctx={ctx} action={`${base}/publish`}>
              <Button>{t('report.publish.button', { number: report.number })}</Button>
            </Form>
          </>
        )}
      </section>

      <Downloads ctx={ctx} base={base} pdf={props.pdf} />

      {props.versions.length > 1 ? (
        <nav aria-labelledby="report-versions">
          <h2 id="report-versions">{t('report.workspace.versions')}</h2>
          <ul>
            {props.versions.map((v) => (
              <li key={v.number}>
                {v.number === report.number ? (
                  <span aria-current="page">{t('report.versionValue', { number: v.number })}</span>
                ) : (
                  <a href={`/workspace/evaluations/${report.evaluationId}/versions/${v.number}`}>
                    {t('report.versionValue', { number: v.number })}
                  </a>
                )}
                {v.published ? ` (${t('report.workspace.publishedTag')})` : ''}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <ReportBody ctx={ctx} report={report} />
    </Layout>
  );
}

/** For readers of the other languages: the report is Swedish with an English summary. */
function LanguageNote({ ctx }: { ctx: PageContext }) {
  if (ctx.i18n.locale === 'sv') return null;
  return (
    <p class="panel" role="note">
      {ctx.i18n.t('report.languageNote')}
    </p>
  );
}

/** `/reports`: the published reports, the newest publication first. */
export function PublicReportsPage(props: {
  ctx: PageContext;
  reports: ReportVersion[];
  info: PageInfo;
}) {
  const { ctx } = props;
  const { t, locale, intl } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} title={t('report.title')} lead={t('report.lead')}>
      <LanguageNote ctx={ctx} />
      <DataTable
        caption={t('report.caption')}
        rows={props.reports}
        rowKey={(r) => r.evaluationId}
        empty={t('report.empty')}
        columns={[
          linkColumn<ReportVersion>(
            t('report.col.title'),
            (r) => `/reports/${r.evaluationId}`,
            (r) => <Content locale={locale}>{r.title}</Content>,
          ),
          {
            header: t('report.period'),
            cell: (r) => formatDateRange(r.period.start, r.period.end, intl),
          },
          { header: t('report.version'), cell: (r) => String(r.number) },
          {
            header: t('report.published'),
            cell: (r) => (r.publishedAt ? formatInstant(r.publishedAt, intl) : ''),
          },
        ]}
      />
      {props.reports.length > 0 ? (
        <Pagination i18n={ctx.i18n} info={props.info} baseQuery={new URLSearchParams()} />
      ) : null}
    </TitledPage>
  );
}

/** `/reports/:id`: the published version of one evaluation. */
export function PublicReportPage(props: { ctx: PageContext; report: ReportVersion; pdf: boolean }) {
  const { ctx, report } = props;
  const { t } = ctx.i18n;
  return (
    <TitledPage
      ctx={ctx}
      title={report.title}
      titleIn="sv"
      back={{ href: '/reports', label: t('report.back') }}
    >
      <LanguageNote ctx={ctx} />
      <ReportFacts ctx={ctx} report={report} />
      <Downloads ctx={ctx} base={`/reports/${report.evaluationId}`} pdf={props.pdf} />
      <ReportBody ctx={ctx} report={report} />
    </TitledPage>
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../../platform/downloads.ts';
import { actorOf } from '../../platform/auth.ts';
import { submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import { TIME_ZONE } from '../../shared/dates.ts';
import { pageRequest, pageInfo } from '../../shared/pagination.ts';
import { reportHtml } from './export.html.tsx';
import { pdfAvailable, printPdf } from './export.pdf.ts';
import {
  approverName,
  getPublishedReport,
  getReportVersion,
  listPublishedReports,
  publishReportVersion,
  reportVersionNumbers,
  versionNumber,
  withdrawReportVersion,
  type ReportVersion,
} from './report.service.ts';
import { PublicReportPage, PublicReportsPage, ReportVersionPage } from './views/report-pages.tsx';

/** Reports per page of `/reports`. */
export const PUBLIC_REPORTS_PAGE_SIZE = 20;

const versionParams = z.object({ id: z.string().max(100), n: z.string().max(20) });
const reportParams = z.object({ id: z.string().max(100) });

const FORMATS = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
type Format = keyof typeof FORMATS;

/** The file name of an export: `utvardering-2019-06-15--2027-06-11-v2.pdf`. */
export function exportName(report: ReportVersion, format: Format): string {
  return `utvardering-${report.period.start}--${report.period.end}-v${report.number}.${format}`;
}

/** The report's pages and exports: the workspace version page, the portal's /reports. */
export const reportPages: FastifyPluginAsyncZod = async (app) => {
  const pdfSettings = app.config.pdf;

  async function sendExport(
    reply: FastifyReply,
    report: ReportVersion,
    format: Format,
    cache: 'public' | 'private',
  ): Promise<FastifyReply> {
    // Today in Gothenburg (sv-SE writes YYYY-MM-DD).
    const printedAt = new Date().toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });
    const body =
      format === 'html'
        ? reportHtml(report, { printedAt })
        : format === 'docx'
          ? await (await import('./export.docx.ts')).reportDocx(report, pdfSettings, { printedAt })
          : await printPdf(reportHtml(report, { printedAt }), pdfSettings);
    return reply
      .type(FORMATS[format])
      .header('content-disposition', attachment(exportName(report, format)))
      .header('content-language', 'sv')
      .header('cache-control', cache === 'private' ? 'private, no-store' : 'no-cache')
      .send(body);
  }

  const renderVersion = async (
    request: FastifyRequest<{ Params: z.infer<typeof versionParams> }>,
    reply: FastifyReply,
  ) => {
    const { id, n } = request.params;
    const report = await getReportVersion(app.db.kysely, id, versionNumber(id, n));
    const [approver, versions] = await Promise.all([
      approverName(app.db.kysely, report),
      reportVersionNumbers(app.db.kysely, id),
    ]);
    return renderPage(reply, ReportVersionPage, {
      report,
      approver,
      versions,
      pdf: pdfAvailable(pdfSettings),
    });
  };

  app.get(
    '/workspace/evaluations/:id/versions/:n',
    { config: { permission: 'coordinator' }, schema: { params: versionParams } },
    renderVersion,
  );

  for (const [action, change, flash] of [
    ['publish', publishReportVersion, 'report.flash.published'],
    ['withdraw', withdrawReportVersion, 'report.flash.withdrawn'],
  ] as const) {
    app.post(
      `/workspace/evaluations/:id/versions/:n/${action}`,
      { config: { permission: 'coordinator' }, schema: { params: versionParams } },
      async (request, reply) => {
        const { id, n } = request.params;
        const number = versionNumber(id, n);
        return submitForm(request, reply, {
          values: {},
          submit: () => change(app.db, actorOf(request), id, number),
          invalid: () => renderVersion(request, reply),
          done: () => ({
            to: `/workspace/evaluations/${id}/versions/${number}`,
            flash,
            params: { number },
          }),
        });
      },
    );
  }

  for (const format of Object.keys(FORMATS) as Format[]) {
    app.get(
      `/workspace/evaluations/:id/versions/:n/report.${format}`,
      { config: { permission: 'coordinator' }, schema: { params: versionParams } },
      async (request, reply) => {
        const { id, n } = request.params;
        const report = await getReportVersion(app.db.kysely, id, versionNumber(id, n));
        return sendExport(reply, report, format, 'private');
      },
    );
    app.get(
      `/reports/:id/report.${format}`,
      { config: { permission: 'public' }, schema: { params: reportParams } },
      async (request, reply) => {
        const report = await getPublishedReport(app.db.kysely, request.params.id);
        return sendExport(reply, report, format, 'public');
      },
    );
  }

  app.get(
    '/reports',
    {
      config: { permission: 'public', pageCache: true },
      schema: { querystring: z.object({ page: z.string().max(20).optional() }) },
    },
    async (request, reply) => {
      const req = pageRequest(request.query.page, PUBLIC_REPORTS_PAGE_SIZE);
      const { reports, total } = await listPublishedReports(app.db.kysely, req);
      return renderPage(reply, PublicReportsPage, {
        reports,
        info: pageInfo(req, total, reports.length),
      });
    },
  );

  app.get(
    '/reports/:id',
    { config: { permission: 'public', pageCache: true }, schema: { params: reportParams } },
    async (request, reply) => {
      const report = await getPublishedReport(app.db.kysely, request.params.id);
      return renderPage(reply, PublicReportPage, { report, pdf: pdfAvailable(pdfSettings) });
    },
  );
};

export const REPORT_PROTECTED_ROUTES = {
  'GET /workspace/evaluations/:id/versions/:n': 'coordinator',
  'POST /workspace/evaluations/:id/versions/:n/publish': 'coordinator',
  'POST /workspace/evaluations/:id/versions/:n/withdraw': 'coordinator',
  'GET /workspace/evaluations/:id/versions/:n/report.html': 'coordinator',
  'GET /workspace/evaluations/:id/versions/:n/report.docx': 'coordinator',
  'GET /workspace/evaluations/:id/versions/:n/report.pdf': 'coordinator',
} as const;

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiRoutes } from '../../platform/api-route.ts';
import { requestedLocale } from '../../platform/i18n/plugin.ts';
import { getPublishedReport, listPublishedReports, type ReportVersion } from './report.service.ts';
import { reportIdParams, reportJson, reportListJson, reportListQuery } from './report.schema.ts';
import type { z } from 'zod';

function present(report: ReportVersion): z.input<typeof reportJson> {
  const base = `/reports/${report.evaluationId}`;
  return {
    id: report.evaluationId,
    version: report.number,
    title: report.title,
    language: 'sv',
    period: report.period,
    approvedAt: report.approvedAt,
    publishedAt: report.publishedAt ?? '',
    sections: report.sections,
    figures: report.figures as unknown as z.input<typeof reportJson>['figures'],
    links: {
      self: `/api/v1/reports/${report.evaluationId}`,
      html: base,
      document: `${base}/report.html`,
      docx: `${base}/report.docx`,
      pdf: `${base}/report.pdf`,
    },
  };
}

/** The published evaluation reports (P10) as open data. */
export const reportApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app, { permission: 'public', pageCache: true, tags: ['reports'] });
  route.get(
    '/reports',
    {
      operationId: 'listReports',
      summary: 'Published evaluation reports (policy P10), the newest publication first',
      description:
        'Each report with its sections (Swedish, with an English summary) and the figures ' +
        'frozen when it was approved. Paginated with `limit` (1–50) and `page` (1-based); ' +
        'bad values are refused with 400 VALIDATION_FAILED.',
      query: reportListQuery,
      response: reportListJson,
    },
    async (request) => {
      const { limit, page } = request.query;
      const offset = (page - 1) * limit;
      const { reports, total } = await listPublishedReports(app.db.kysely, { limit, offset });
      const lang = requestedLocale(request);
      const more = offset + reports.length < total && reports.length > 0;
      return {
        data: reports.map(present),
        page: {
          limit,
          total,
          page,
          next: more
            ? `/api/v1/reports?limit=${limit}&page=${page + 1}${lang ? `&lang=${lang}` : ''}`
            : null,
        },
      };
    },
  );

  route.get(
    '/reports/:id',
    {
      operationId: 'getReport',
      summary: 'One published evaluation report',
      description:
        'The id is the evaluation’s, stable across versions: the version published now. ' +
        '404 REPORT_NOT_FOUND for an unknown id or an evaluation with no published version.',
      params: reportIdParams,
      response: reportJson,
    },
    async (request) => present(await getPublishedReport(app.db.kysely, request.params.id)),
  );
};

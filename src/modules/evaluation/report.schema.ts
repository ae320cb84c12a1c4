import { z } from 'zod';
import { pageJson } from '../../shared/paging-json.ts';
import { pageNumber, wholeNumber } from '../../shared/validation.ts';

/** JSON schemas of the public reports API (`GET /api/v1/reports`, decision 027). */

export const REPORT_PAGE_LIMIT = { min: 1, max: 50, default: 20 } as const;

const count = z
  .object({
    key: z.string(),
    label: z.string().describe('Swedish, as at approval'),
    value: z.number(),
  })
  .meta({ id: 'ReportCount' });

const periodFigures = z
  .looseObject({
    period: z.object({ start: z.string(), end: z.string() }),
    meetings: z.array(
      z.looseObject({
        id: z.string(),
        year: z.number().int(),
        hostName: z.string(),
        theme: z.string().nullable(),
        delegates: z.number().int(),
        outcomes: z.number().int(),
        followUps: z.number().int(),
        followUpsClosed: z.number().int(),
      }),
    ),
    collaborations: z.looseObject({
      total: z.number().int(),
      new: z.number().int(),
      ongoing: z.number().int(),
      finished: z.number().int(),
      byCity: z.array(count),
      byArea: z.array(count),
    }),
    exchanges: z.looseObject({
      total: z.number().int(),
      participants: z.number().int(),
      byCity: z.array(count),
    }),
    campaigns: z.array(
      z.looseObject({ id: z.string(), title: z.string(), asked: z.number().int() }),
    ),
    decisions: z.looseObject({ total: z.number().int() }),
    news: z.looseObject({ published: z.number().int() }),
    newsletters: z.looseObject({ sent: z.number().int(), recipients: z.number().int() }),
  })
  .describe('The figures of one period, as compiled from the records and frozen at approval')
  .meta({ id: 'ReportPeriodFigures' });

export const reportJson = z
  .object({
    id: z
      .string()
      .describe('The report’s stable id: its evaluation’s; `/reports/{id}` on the portal'),
    version: z.number().int().describe('The published version of the evaluation'),
    title: z.string(),
    language: z.literal('sv').describe('The report is Swedish; `sections.summaryEn` is English'),
    period: z.object({
      start: z.string().describe('Plain date YYYY-MM-DD, included'),
      end: z.string().describe('Plain date YYYY-MM-DD, included'),
    }),
    approvedAt: z.string().describe('ISO 8601 time of approval'),
    publishedAt: z.string().describe('ISO 8601 time of publication'),
    sections: z.object({
      summary: z.string(),
      summaryEn: z.string().describe('The summary in English'),
      analysis: z.string(),
      conclusions: z.string(),
      recommendations: z.string(),
    }),
    figures: z
      .looseObject({
        compiledAt: z.string(),
        current: periodFigures,
        previous: periodFigures.nullable(),
        flags: z.array(
          z.looseObject({
            kind: z.string(),
            subject: z.string(),
            params: z.record(z.string(), z.unknown()),
          }),
        ),
      })
      .describe('The figures frozen at approval; fields may be added, none are removed'),
    links: z.object({
      self: z.string(),
      html: z.string().describe('The portal page'),
      document: z.string().describe('The standalone HTML document'),
      docx: z.string(),
      pdf: z.string().describe('503 PDF_UNAVAILABLE when the server cannot print'),
    }),
  })
  .meta({ id: 'Report' });

export const reportListJson = z
  .object({
    data: z.array(reportJson).describe('The newest publication first'),
    // No cursor: the published reports are few, paged by number.
    page: pageJson.omit({ nextCursor: true }),
  })
  .meta({ id: 'ReportList' });

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 50';

export const reportListQuery = z.object({
  limit: wholeNumber(REPORT_PAGE_LIMIT.min, REPORT_PAGE_LIMIT.max, LIMIT_MESSAGE)
    .default(REPORT_PAGE_LIMIT.default)
    .describe('Reports per slice, 1–50 (default 20)'),
  page: pageNumber().default(1).describe('1-based page number'),
});

export const reportIdParams = z.object({
  id: z.string().max(100).describe('The report id (its evaluation’s id)'),
});

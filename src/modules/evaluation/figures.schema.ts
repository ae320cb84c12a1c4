import { z } from 'zod';

// The figures of an evaluation as JSON (GET /api/v1/evaluations/:id/figures): the shape of
// `EvaluationFigures` (evaluation.figures.ts), described for the OpenAPI document.

export const evaluationIdParams = z.object({
  id: z.string().max(100).describe('The evaluation id'),
});

const plainDate = z.string().describe('A plain date, YYYY-MM-DD');

const count = z
  .object({
    key: z.string().describe('A stable key: a slug, a city slug or a stored value'),
    label: z.string().describe('Its Swedish label as compiled'),
    value: z.number().int(),
  })
  .meta({ id: 'FigureCount' });

const meeting = z.object({
  id: z.string(),
  year: z.number().int(),
  hostCityId: z.string(),
  hostName: z.string(),
  theme: z.string().nullable(),
  status: z.string(),
  programmeItems: z.number().int(),
  seminars: z.number().int(),
  delegates: z.number().int(),
  delegatesByCity: z.array(count),
  delegatesByRole: z
    .array(count)
    .describe('By role, grouped from the titles: chair, deputy, member, official, other, none'),
  outcomes: z.number().int(),
  followUps: z.number().int().describe('Outcomes that are actions'),
  followUpsClosed: z.number().int(),
});

const periodFigures = z
  .object({
    period: z.object({ start: plainDate, end: plainDate }),
    meetings: z.array(meeting),
    collaborations: z.object({
      total: z.number().int(),
      new: z.number().int().describe('Begun in the period'),
      ongoing: z.number().int().describe('Begun before it and running after its last day'),
      finished: z.number().int().describe('Ended in the period'),
      byCity: z.array(count),
      byArea: z.array(count),
      byOrganisation: z.array(count),
      byKind: z.array(count),
      byStatus: z.array(count),
    }),
    exchanges: z.object({
      total: z.number().int(),
      participants: z.number().int(),
      byCity: z.array(count),
      byDirection: z.array(count),
    }),
    campaigns: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        deadline: plainDate,
        status: z.string(),
        asked: z.number().int(),
        answered: z.array(z.string()),
        missing: z.array(z.string()),
      }),
    ),
    decisions: z.object({
      total: z.number().int(),
      byKind: z.array(count).describe('By body: KF, KS, KF presidium'),
      items: z.array(
        z.object({ id: z.string(), decidedOn: plainDate, title: z.string(), kind: z.string() }),
      ),
    }),
    news: z.object({ published: z.number().int() }),
    newsletters: z.object({ sent: z.number().int(), recipients: z.number().int() }),
  })
  .meta({ id: 'PeriodFigures' });

const flag = z
  .object({
    kind: z.enum([
      'city-inactive',
      'organisation-never-reported',
      'follow-up-open',
      'rotation-broken',
    ]),
    subject: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    href: z.string().optional().describe('The workspace page where it is handled'),
  })
  .meta({ id: 'FigureFlag' });

export const evaluationFiguresJson = z
  .object({
    evaluationId: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .describe('The approved version the figures were frozen in; null when compiled now'),
    figures: z.object({
      compiledAt: z.string(),
      current: periodFigures,
      previous: periodFigures.nullable(),
      flags: z.array(flag),
    }),
  })
  .meta({ id: 'EvaluationFigures' });

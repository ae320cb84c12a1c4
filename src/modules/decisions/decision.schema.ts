import { z } from 'zod';
import { pageJson } from '../../shared/paging-json.ts';
import { pageNumber, sentForm, wholeNumber } from '../../shared/validation.ts';
import { DECISION_BODIES, OUTCOMES, PROPOSAL_KINDS } from './decision.service.ts';

export const DECISION_PAGE_LIMIT = { min: 1, max: 200, default: 50 } as const;

export const decisionJson = z
  .object({
    id: z.string(),
    body: z.enum(DECISION_BODIES).describe('KF (City Council), KS (City Executive Board)'),
    meetingDate: z.string().describe('Plain date YYYY-MM-DD').meta({ example: '2026-10-15' }),
    section: z
      .string()
      .nullable()
      .describe('§ number without the sign; null only for historical records')
      .meta({ example: '12' }),
    caseNumber: z
      .string()
      .nullable()
      .describe('Case number; null only for historical records')
      .meta({ example: 'SLK-2026-01047' }),
    title: z.string(),
    outcome: z.enum(OUTCOMES),
    link: z.string().nullable().describe('Link to the minutes or the decision'),
    finalOn: z.string().nullable().describe('Date the decision became final (laga kraft)'),
    historical: z.boolean().describe('Registered afterwards (e.g. 1946), without § or case number'),
    supersedesId: z.string().nullable().describe('The decision this one corrects'),
    proposalId: z.string().nullable().describe('The proposal this decision decided'),
    links: z.object({
      self: z.string(),
      html: z.string(),
      document: z.string().nullable().describe('The attached PDF, if any'),
    }),
  })
  .meta({ id: 'Decision' });

export const decisionDetailJson = decisionJson
  .extend({
    supersededById: z
      .string()
      .nullable()
      .describe('The later decision that corrects this one, if any'),
    proposal: z
      .object({
        id: z.string(),
        kind: z.enum(PROPOSAL_KINDS),
        city: z.string().nullable().describe('Slug of the city the proposal concerns'),
      })
      .nullable(),
    cities: z.array(z.string()).describe('Slugs of the cities whose status this decision changed'),
  })
  .meta({ id: 'DecisionDetail' });

export const decisionListJson = z
  .object({
    data: z.array(decisionJson).describe('Newest meeting date first'),
    page: pageJson,
  })
  .meta({ id: 'DecisionList' });

export const decisionListQuery = z.object({
  limit: wholeNumber(
    DECISION_PAGE_LIMIT.min,
    DECISION_PAGE_LIMIT.max,
    'limit must be a whole number from 1 to 200',
  )
    .default(DECISION_PAGE_LIMIT.default)
    .describe('Decisions per slice, 1–200 (default 50)'),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'cursor is not one this API gave out' })
    .optional()
    .describe('The `nextCursor` of the previous slice'),
  page: pageNumber().optional().describe('1-based page number (instead of `cursor`)'),
});

export const decisionIdParams = z.object({
  id: z.string().max(100).describe('The decision id'),
});

const trimmed = (max: number) => z.string().max(max);

export const newProposalBody = z
  .object({
    kind: z
      .enum(PROPOSAL_KINDS, { error: `kind must be one of: ${PROPOSAL_KINDS.join(', ')}` })
      .describe(
        'establish_twin (needs a KF decision), activate_partner, make_dormant or end_relation',
      ),
    city: trimmed(100)
      .optional()
      .describe('Slug of a city in the register; leave out when giving `newCity`'),
    newCity: z
      .object({
        slug: trimmed(100).meta({ example: 'tromso' }),
        nameSv: trimmed(200).meta({ example: 'Tromsø' }),
        nameEn: trimmed(200).default(''),
        countryCode: trimmed(10).meta({ example: 'NO' }),
        latitude: z.number().nullable().default(null),
        longitude: z.number().nullable().default(null),
      })
      .optional()
      .describe('A city not yet in the register (only for establish_twin); it enters as proposed'),
    title: trimmed(1000),
    justification: trimmed(40000),
    send: z
      .boolean()
      .default(false)
      .describe('Send the proposal to the council at once (status `sent`) instead of a draft'),
  })
  .meta({ id: 'NewProposal' });

export const proposalJson = z
  .object({
    id: z.string(),
    kind: z.enum(PROPOSAL_KINDS),
    city: z.string().describe('Slug of the city'),
    title: z.string(),
    justification: z.string(),
    status: z.enum(['draft', 'sent', 'approved', 'rejected', 'withdrawn']),
    decisionId: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    links: z.object({ city: z.string() }),
  })
  .meta({ id: 'Proposal' });

export const newDecisionBody = z
  .object({
    body: z
      .enum(DECISION_BODIES, { error: `body must be one of: ${DECISION_BODIES.join(', ')}` })
      .describe('Only KF may establish or end a twin city (policy P6)'),
    meetingDate: trimmed(20).meta({ example: '2026-10-15' }),
    section: trimmed(20).meta({ example: '§ 12' }),
    caseNumber: trimmed(60).meta({ example: 'SLK-2026-01047' }),
    title: trimmed(1000),
    outcome: z.enum(OUTCOMES, { error: `outcome must be one of: ${OUTCOMES.join(', ')}` }),
    link: trimmed(2000).default(''),
    finalOn: trimmed(20).default('').describe('Plain date; empty when not yet final'),
    proposalId: trimmed(100)
      .optional()
      .describe('A proposal sent to the council: approving it changes the city in the same step'),
    supersedesId: trimmed(100).optional().describe('A decision this one corrects'),
  })
  .meta({ id: 'NewDecision' });

/**
 * The workspace's decision form as sent (`sentForm`). The rules are the service's
 * (`decisionProblems`), shared with the API; the title's limit is the service's.
 */
export const decisionForm = sentForm(
  ['body', 'meetingDate', 'section', 'caseNumber', 'title', 'outcome', 'link', 'finalOn'],
  { title: 300, link: 2000 },
);

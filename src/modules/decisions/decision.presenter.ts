import type { z } from 'zod';
import { AppError, errors, type FieldProblem } from '../../shared/errors.ts';
import type { CouncilDecision } from './decision.service.ts';
import type { decisionDetailJson, decisionJson, proposalJson } from './decision.schema.ts';
import type { DecisionDetail } from './history.service.ts';
import type { Proposal } from './proposal.service.ts';

export const documentPath = (decision: CouncilDecision): string | null =>
  decision.documentId ? `/decisions/${decision.id}/document` : null;

export function presentDecision(decision: CouncilDecision): z.output<typeof decisionJson> {
  return {
    id: decision.id,
    body: decision.body,
    meetingDate: decision.meetingDate,
    section: decision.section,
    caseNumber: decision.caseNumber,
    title: decision.title,
    outcome: decision.outcome,
    link: decision.link,
    finalOn: decision.finalOn,
    historical: decision.historical,
    supersedesId: decision.supersedesId,
    proposalId: decision.proposalId,
    links: {
      self: `/api/v1/decisions/${decision.id}`,
      html: `/decisions/${decision.id}`,
      document: documentPath(decision),
    },
  };
}

export function presentDecisionDetail(detail: DecisionDetail): z.output<typeof decisionDetailJson> {
  return {
    ...presentDecision(detail.decision),
    supersededById: detail.supersededBy?.id ?? null,
    proposal: detail.proposal
      ? { id: detail.proposal.id, kind: detail.proposal.kind, city: detail.city?.slug ?? null }
      : null,
    cities: detail.cities.map((c) => c.slug),
  };
}

export function presentProposal(
  proposal: Proposal,
  citySlug: string,
): z.output<typeof proposalJson> {
  return {
    id: proposal.id,
    kind: proposal.kind,
    city: citySlug,
    title: proposal.title,
    justification: proposal.justification,
    status: proposal.status,
    decisionId: proposal.decisionId,
    createdAt: proposal.createdAt,
    sentAt: proposal.sentAt,
    decidedAt: proposal.decidedAt,
    links: { city: `/api/v1/cities/${citySlug}` },
  };
}

/** The API speaks English: what each field problem of the services means. */
const PROBLEM_TEXT: Record<string, string> = {
  'decision.bodyRequired': 'Choose the deciding body: KF, KS or KF presidium',
  'decision.dateInvalid': 'Give the date as YYYY-MM-DD',
  'decision.dateInFuture': 'The date of a decision that was made cannot be in the future',
  'decision.sectionInvalid': 'Give the § number, e.g. 12 or § 12',
  'decision.caseNumberInvalid':
    'The case number does not match the configured patterns (e.g. SLK-2023-01047 or 0263/20)',
  'decision.titleRequired': 'Give a title of at most 300 characters',
  'decision.outcomeRequired': 'Choose the outcome: approved or rejected',
  'decision.linkInvalid': 'Give the link as an http or https address',
  'decision.finalBeforeMeeting': 'The decision cannot become final before the meeting',
  'decision.documentTooLarge': 'The document may be at most 25 MB',
  'decision.documentNotPdf': 'The document must be a PDF',
  'decision.proposalNotPending': 'The proposal is not pending with the council',
  'decision.onlyKfForTwinCities':
    'Only the City Council (KF) decides to establish or end a twin city (policy P6); this proposal needs a KF decision',
  'decision.alreadySuperseded': 'That decision has already been superseded by another',
  'proposal.kindRequired':
    'Choose what to propose: establish_twin, activate_partner, make_dormant or end_relation',
  'proposal.titleRequired': 'Give a title of at most 300 characters',
  'proposal.justificationRequired': 'Give a justification',
  'proposal.newCityOnlyForTwin': 'A new city can only be proposed as a twin city (establish_twin)',
  'proposal.slugInvalid':
    'The slug must be 2–61 lower-case letters, digits or hyphens, starting with a letter or digit',
  'proposal.nameRequired': 'Give the Swedish name, at most 120 characters',
  'proposal.nameEnTooLong': 'Give the English name in at most 120 characters',
  'proposal.countryInvalid': 'Give the country as two capital letters (ISO 3166-1), e.g. NO',
  'proposal.coordinateInvalid': 'The coordinate is out of range',
  'proposal.cityRequired': 'Give the slug of a city in the register, or a new city',
  'proposal.slugTaken': 'A city with that slug is already in the register',
  'proposal.notApplicable': 'That proposal does not apply to the city in its present state',
  'proposal.alreadyOpen': 'The city already has an open proposal',
};

/**
 * A service's validation error with its message keys turned into English texts; the key
 * stays in `code`. Other errors pass unchanged.
 */
export function apiError(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') return error;
  const problems = (error.details.problems ?? []) as FieldProblem[];
  return errors.validation(
    problems.map((p) => ({
      path: p.path,
      message: PROBLEM_TEXT[p.message] ?? p.message,
      code: p.message,
    })),
  );
}

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db, Executor } from '../../db/database.ts';
import { isPlainDate, nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { diff, insertAudited, recordAudit, statusChange, type Actor } from '../audit/index.ts';
import {
  changeChainMembership,
  findCityRecord,
  setCityStatus,
  type CityKind,
  type CityStatus,
} from '../cities/index.ts';
import * as repo from './decision.repository.ts';
import { citiesErrors } from '../cities/index.ts';
import { decisionsErrors } from './errors.ts';

export const DECISION_BODIES = ['KF', 'KS', 'KF presidium'] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];
export const OUTCOMES = ['approved', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const PROPOSAL_KINDS = [
  'establish_twin',
  'activate_partner',
  'make_dormant',
  'end_relation',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type ProposalStatus = 'draft' | 'sent' | 'approved' | 'rejected' | 'withdrawn';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export interface DecisionDocumentInput {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface DecisionInput {
  body: string;
  meetingDate: string;
  section: string;
  caseNumber: string;
  title: string;
  outcome: string;
  link: string;
  finalOn: string;
  proposalId?: string | undefined;
  supersedesId?: string | undefined;
  /** Historical records (e.g. 1946) may lack § and case numbers. */
  historical?: boolean;
  document?: DecisionDocumentInput | undefined;
}

export interface CouncilDecision {
  id: string;
  body: DecisionBody;
  meetingDate: string;
  section: string | null;
  caseNumber: string | null;
  title: string;
  outcome: Outcome;
  link: string | null;
  documentId: string | null;
  finalOn: string | null;
  historical: boolean;
  supersedesId: string | null;
  proposalId: string | null;
}

export const toDecision = (r: repo.DecisionRow): CouncilDecision => ({
  id: r.id,
  body: r.body as DecisionBody,
  meetingDate: r.meeting_date,
  section: r.section,
  caseNumber: r.case_number,
  title: r.title,
  outcome: r.outcome as Outcome,
  link: r.link,
  documentId: r.document_id,
  finalOn: r.final_on,
  historical: r.historical === 1,
  supersedesId: r.supersedes_id,
  proposalId: r.proposal_id,
});

const today = () => new Date().toISOString().slice(0, 10);

/** Field by field, what is wrong with a decision; message keys are translated by the pages. */
export function decisionProblems(
  input: DecisionInput,
  caseNumberPatterns: readonly RegExp[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!(DECISION_BODIES as readonly string[]).includes(input.body))
    add('body', 'decision.bodyRequired');
  if (!isPlainDate(input.meetingDate)) add('meetingDate', 'decision.dateInvalid');
  else if (input.meetingDate > today()) add('meetingDate', 'decision.dateInFuture');
  const section = input.section.trim();
  if (!input.historical || section) {
    if (!/^§?\s?\d{1,4}[a-z]?$/.test(section)) add('section', 'decision.sectionInvalid');
  }
  const caseNumber = input.caseNumber.trim();
  if (!input.historical || caseNumber) {
    if (!caseNumberPatterns.some((p) => p.test(caseNumber)))
      add('caseNumber', 'decision.caseNumberInvalid');
  }
  const title = input.title.trim();
  if (title.length === 0 || title.length > 300) add('title', 'decision.titleRequired');
  if (!(OUTCOMES as readonly string[]).includes(input.outcome))
    add('outcome', 'decision.outcomeRequired');
  if (input.link.trim() && !z.url({ protocol: /^https?$/ }).safeParse(input.link.trim()).success) {
    add('link', 'decision.linkInvalid');
  }
  if (input.finalOn.trim()) {
    if (!isPlainDate(input.finalOn)) add('finalOn', 'decision.dateInvalid');
    else if (input.finalOn > today()) add('finalOn', 'decision.dateInFuture');
    else if (isPlainDate(input.meetingDate) && input.finalOn < input.meetingDate) {
      add('finalOn', 'decision.finalBeforeMeeting');
    }
  }
  if (input.document) {
    if (input.document.data.length > MAX_DOCUMENT_BYTES)
      add('document', 'decision.documentTooLarge');
    else if (
      input.document.data.length === 0 ||
      input.document.data.subarray(0, 5).toString('latin1') !== '%PDF-'
    ) {
      add('document', 'decision.documentNotPdf');
    }
  }
  return problems;
}

const decisionNotFound = (id: string) => decisionsErrors.decisionNotFound(id);
const proposalNotFound = (id: string) => decisionsErrors.proposalNotFound(id);

/** What an approved proposal does to its city. */
function effectOf(
  kind: ProposalKind,
  city: { kind: CityKind; status: CityStatus },
): { kind: CityKind; status: CityStatus } {
  switch (kind) {
    case 'establish_twin':
      return { kind: 'twin', status: 'active' };
    case 'activate_partner':
      return { kind: 'partner', status: 'active' };
    case 'make_dormant':
      return { kind: city.kind, status: 'dormant' };
    case 'end_relation':
      return { kind: city.kind, status: 'ended' };
  }
}

/** P6: only the City Council (KF) establishes or ends a twin city. */
export function requiredBodies(kind: ProposalKind, cityKind: CityKind): readonly DecisionBody[] {
  if (kind === 'establish_twin' || cityKind === 'twin') return ['KF'];
  return ['KF', 'KS'];
}

/**
 * Records a council decision. When it decides a proposal that was sent to the council,
 * the proposal is closed and, when approved, the city's status (and kind) change in the
 * same transaction, with a dated history entry. This is the only way a status changes.
 */
export async function recordDecision(
  db: Db,
  actor: Actor,
  input: DecisionInput,
  caseNumberPatterns: readonly RegExp[],
): Promise<CouncilDecision> {
  const problems = decisionProblems(input, caseNumberPatterns);
  if (problems.length) throw errors.validation(problems);
  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    let proposal: repo.ProposalRow | undefined;
    if (input.proposalId) {
      proposal = await repo.findProposal(trx, input.proposalId);
      if (!proposal) throw proposalNotFound(input.proposalId);
      if (proposal.status !== 'sent') {
        throw errors.validation([{ path: 'proposalId', message: 'decision.proposalNotPending' }]);
      }
      const city = await findCityRecord(trx, { id: proposal.city_id });
      if (!city) throw citiesErrors.cityNotFound(proposal.city_id);
      const bodies = requiredBodies(proposal.kind as ProposalKind, city.kind);
      if (!bodies.includes(input.body as DecisionBody)) {
        throw errors.validation([{ path: 'body', message: 'decision.onlyKfForTwinCities' }]);
      }
    }
    if (input.supersedesId) {
      if (!(await repo.findDecision(trx, input.supersedesId)))
        throw decisionNotFound(input.supersedesId);
      if (await repo.findDecisionSuperseding(trx, input.supersedesId)) {
        throw errors.validation([{ path: 'supersedesId', message: 'decision.alreadySuperseded' }]);
      }
    }
    let documentId: string | null = null;
    if (input.document) {
      documentId = newId();
      await repo.insertDocument(trx, {
        id: documentId,
        filename:
          input.document.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'beslut.pdf',
        content_type: 'application/pdf',
        size: input.document.data.length,
        sha256: createHash('sha256').update(input.document.data).digest('hex'),
        data: input.document.data,
        created_at: now,
      });
    }
    const row = {
      id: newId(),
      body: input.body,
      meeting_date: input.meetingDate,
      section: input.section.trim() ? input.section.trim().replace(/^§\s?/, '') : null,
      case_number: input.caseNumber.trim() || null,
      title: input.title.trim(),
      outcome: input.outcome,
      link: input.link.trim() || null,
      document_id: documentId,
      final_on: input.finalOn.trim() || null,
      historical: input.historical ? 1 : 0,
      supersedes_id: input.supersedesId ?? null,
      proposal_id: proposal?.id ?? null,
      recorded_by: actor.userId,
      created_at: now,
    };
    await insertAudited(
      trx,
      actor,
      { entity: 'council_decision', action: input.supersedesId ? 'supersede' : 'record' },
      repo.insertDecision,
      row,
      { ...row, created_at: undefined, recorded_by: undefined },
    );
    if (proposal)
      await decideProposal(
        trx,
        actor,
        proposal,
        row.id,
        row.outcome as Outcome,
        row.final_on ?? row.meeting_date,
      );
    return toDecision((await repo.findDecision(trx, row.id))!);
  });
}

async function decideProposal(
  trx: Executor,
  actor: Actor,
  proposal: repo.ProposalRow,
  decisionId: string,
  outcome: Outcome,
  effectiveOn: string,
): Promise<void> {
  const now = nowIso();
  await repo.updateProposal(trx, proposal.id, {
    status: outcome,
    decision_id: decisionId,
    decided_at: now,
  });
  await recordAudit(trx, actor, {
    entity: 'proposal',
    entityId: proposal.id,
    action: outcome === 'approved' ? 'approve' : 'reject',
    changes: statusChange('sent', outcome),
  });
  if (outcome !== 'approved') return;
  const city = (await findCityRecord(trx, { id: proposal.city_id }))!;
  const effect = effectOf(proposal.kind as ProposalKind, city);
  const sinceYear =
    proposal.kind === 'establish_twin' ? Number(effectiveOn.slice(0, 4)) : city.sinceYear;
  await setCityStatus(trx, city.id, {
    status: effect.status,
    kind: effect.kind,
    sinceYear,
    now,
  });
  await repo.insertStatusChange(trx, {
    id: newId(),
    city_id: city.id,
    changed_on: effectiveOn,
    from_status: city.status,
    to_status: effect.status,
    from_kind: city.kind,
    to_kind: effect.kind,
    decision_id: decisionId,
    note: null,
    created_at: now,
  });
  if (proposal.kind === 'establish_twin') await changeChainMembership(trx, city.id, 'join');
  if (proposal.kind === 'end_relation' && city.kind === 'twin')
    await changeChainMembership(trx, city.id, 'leave');
  await recordAudit(trx, actor, {
    entity: 'city',
    entityId: city.id,
    action: 'status.change',
    changes: diff(
      { status: city.status, kind: city.kind, since_year: city.sinceYear },
      { status: effect.status, kind: effect.kind, since_year: sinceYear },
    ),
  });
}

/** A decision as the public sees it: a secret one (records module) is not found. */
export async function getPublicDecision(db: Executor, id: string): Promise<CouncilDecision> {
  const row = await repo.findDecision(db, id);
  if (!row || row.secret) throw decisionNotFound(id);
  return toDecision(row);
}

export async function getDecision(db: Executor, id: string): Promise<CouncilDecision> {
  const row = await repo.findDecision(db, id);
  if (!row) throw decisionNotFound(id);
  return toDecision(row);
}

/** Decisions, newest first; secret ones (records module) only when the workspace asks. */
export async function listDecisions(
  db: Executor,
  page: { limit: number; offset: number },
  options: { withSecret?: boolean } = {},
) {
  const withSecret = options.withSecret ?? false;
  const [rows, total] = await Promise.all([
    repo.listDecisions(db, page, withSecret),
    repo.countDecisions(db, withSecret),
  ]);
  return { decisions: rows.map(toDecision), total };
}

export async function getDocument(db: Executor, id: string) {
  const row = await repo.findDocument(db, id);
  if (!row) throw errors.documentNotFound(id);
  return row;
}

/** When the last decision was recorded (an ISO instant), or null when there is none. */
export async function latestDecisionChange(db: Executor): Promise<string | null> {
  return repo.latestDecisionChange(db);
}

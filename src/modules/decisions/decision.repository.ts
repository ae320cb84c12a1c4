import type { Executor } from '../../db/database.ts';
import { tableAccess, type Page } from '../../db/table-access.ts';

const DECISION_COLUMNS = [
  'id',
  'body',
  'meeting_date',
  'section',
  'case_number',
  'title',
  'outcome',
  'link',
  'document_id',
  'final_on',
  'historical',
  'supersedes_id',
  'proposal_id',
  'recorded_by',
  'created_at',
  // Public records (migration 0020): a secret decision is left out of public reads.
  'secret',
] as const;

const decisions = tableAccess('council_decision', DECISION_COLUMNS);
/** Secret decisions are left out unless asked for. */
const visible = (withSecret: boolean) => (withSecret ? {} : { secret: 0 });

export const insertDecision = decisions.insert;
export const findDecision = decisions.find;
export const findDecisionSuperseding = (db: Executor, id: string) =>
  decisions.findBy(db, { supersedes_id: id });

export const listDecisions = (db: Executor, page: Page, withSecret = false) =>
  decisions.list(
    db,
    visible(withSecret),
    [
      ['meeting_date', 'desc'],
      ['created_at', 'desc'],
    ],
    page,
  );

export const countDecisions = (db: Executor, withSecret = false) =>
  decisions.count(db, visible(withSecret));

export function listDecisionsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('council_decision')
    .select(DECISION_COLUMNS)
    .where('id', 'in', ids)
    .execute();
}

const documents = tableAccess('decision_document', [
  'id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'data',
]);
export const insertDocument = documents.insert;
export const findDocument = documents.find;

const PROPOSAL_COLUMNS = [
  'id',
  'kind',
  'city_id',
  'title',
  'justification',
  'status',
  'decision_id',
  'created_by',
  'created_at',
  'sent_at',
  'decided_at',
] as const;

const proposals = tableAccess('proposal', PROPOSAL_COLUMNS);
export const insertProposal = proposals.insert;
export const findProposal = proposals.find;

export function listProposals(db: Executor, statuses?: readonly string[]) {
  let q = db.selectFrom('proposal').select(PROPOSAL_COLUMNS);
  if (statuses?.length) q = q.where('status', 'in', statuses);
  return q.orderBy('created_at', 'desc').execute();
}

export function findOpenProposalForCity(db: Executor, cityId: string) {
  return db
    .selectFrom('proposal')
    .select(PROPOSAL_COLUMNS)
    .where('city_id', '=', cityId)
    .where('status', 'in', ['draft', 'sent'])
    .executeTakeFirst();
}

export const updateProposal = proposals.update;
export const insertStatusChange = tableAccess('city_status_change', '*').insert;

/** The status changes of the given cities in one query (a list page asks for all of them). */
export function listStatusChanges(db: Executor, cityIds: readonly string[]) {
  return db
    .selectFrom('city_status_change')
    .select([
      'id',
      'city_id',
      'changed_on',
      'from_status',
      'to_status',
      'from_kind',
      'to_kind',
      'decision_id',
      'note',
    ])
    .where('city_id', 'in', cityIds.length ? cityIds : [''])
    .orderBy('changed_on')
    .orderBy('created_at')
    .execute();
}

/** The only statement in the product that changes a city's status or kind. */

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;
export type StatusChangeRow = Awaited<ReturnType<typeof listStatusChanges>>[number];

/** When the last decision was recorded (decisions are never edited), for the open-data catalogue. */
export async function latestDecisionChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('council_decision')
    .select((eb) => eb.fn.max('created_at').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

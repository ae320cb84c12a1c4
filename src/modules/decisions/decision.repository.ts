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
  return decisions.list(db, { id: ['in', ids] });
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

const proposals = tableAccess('proposal', '*');
export const insertProposal = proposals.insert;
export const findProposal = proposals.find;

export const listProposals = (db: Executor, statuses?: readonly string[]) =>
  proposals.list(db, statuses?.length ? { status: ['in', statuses] } : {}, [
    ['created_at', 'desc'],
  ]);

export const findOpenProposalForCity = (db: Executor, cityId: string) =>
  proposals.findBy(db, { city_id: cityId, status: ['in', ['draft', 'sent']] });

export const updateProposal = proposals.update;
export const insertStatusChange = tableAccess('city_status_change', '*').insert;

const statusChanges = tableAccess('city_status_change', [
  'id',
  'city_id',
  'changed_on',
  'from_status',
  'to_status',
  'from_kind',
  'to_kind',
  'decision_id',
  'note',
]);

/** The status changes of the given cities in one query (a list page asks for all of them). */
export const listStatusChanges = (db: Executor, cityIds: readonly string[]) =>
  statusChanges.list(db, { city_id: ['in', cityIds.length ? cityIds : ['']] }, [
    'changed_on',
    'created_at',
  ]);

/** The only statement in the product that changes a city's status or kind. */

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;
export type StatusChangeRow = Awaited<ReturnType<typeof listStatusChanges>>[number];

/** When the last decision was recorded (decisions are never edited), for the open-data catalogue. */
export const latestDecisionChange = (db: Executor): Promise<string | null> =>
  decisions.max(db, 'created_at');

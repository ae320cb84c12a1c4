import type { Executor } from '../../db/database.ts';
import type {
  CityStatusChangeTable,
  CouncilDecisionTable,
  DecisionDocumentTable,
  ProposalTable,
} from './decision.table.ts';

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

export function insertDecision(db: Executor, row: CouncilDecisionTable) {
  return db.insertInto('council_decision').values(row).execute();
}

export function findDecision(db: Executor, id: string) {
  return db
    .selectFrom('council_decision')
    .select(DECISION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDecisionSuperseding(db: Executor, id: string) {
  return db
    .selectFrom('council_decision')
    .select(DECISION_COLUMNS)
    .where('supersedes_id', '=', id)
    .executeTakeFirst();
}

export function listDecisions(
  db: Executor,
  page: { limit: number; offset: number },
  withSecret = false,
) {
  return db
    .selectFrom('council_decision')
    .select(DECISION_COLUMNS)
    .$if(!withSecret, (q) => q.where('secret', '=', 0))
    .orderBy('meeting_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countDecisions(db: Executor, withSecret = false): Promise<number> {
  const row = await db
    .selectFrom('council_decision')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(!withSecret, (q) => q.where('secret', '=', 0))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listDecisionsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('council_decision')
    .select(DECISION_COLUMNS)
    .where('id', 'in', ids)
    .execute();
}

export function insertDocument(db: Executor, row: DecisionDocumentTable) {
  return db.insertInto('decision_document').values(row).execute();
}

export function findDocument(db: Executor, id: string) {
  return db
    .selectFrom('decision_document')
    .select(['id', 'filename', 'content_type', 'size', 'sha256', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
}

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

export function insertProposal(db: Executor, row: ProposalTable) {
  return db.insertInto('proposal').values(row).execute();
}

export function findProposal(db: Executor, id: string) {
  return db.selectFrom('proposal').select(PROPOSAL_COLUMNS).where('id', '=', id).executeTakeFirst();
}

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

export function updateProposal(
  db: Executor,
  id: string,
  values: Partial<Omit<ProposalTable, 'id'>>,
) {
  return db.updateTable('proposal').set(values).where('id', '=', id).execute();
}

export function insertStatusChange(db: Executor, row: CityStatusChangeTable) {
  return db.insertInto('city_status_change').values(row).execute();
}

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

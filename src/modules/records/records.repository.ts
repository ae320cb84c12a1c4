import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { addDays } from '../../shared/dates.ts';
import type { RecordKind } from './records.schema.ts';

/**
 * All of the records module's SQL. The module owns no table: a record's case number, flag
 * and class are columns of the table that holds the record (migration 0020), so the
 * decisions, evaluation and meetings modules hide secret records with a condition on their
 * own tables. This repository reads the three tables for the register and the export and
 * writes those four columns, in the caller's transaction (decision 040 says why, as 037 does
 * for the privacy module).
 */

export interface RecordFilter {
  caseNumber?: string;
  from?: string;
  to?: string;
  kinds: readonly RecordKind[];
  classification?: string;
  secret?: boolean;
}

export interface RecordRow {
  kind: RecordKind;
  id: string;
  /** The meeting of a meeting document; null for the others. */
  parent_id: string | null;
  case_number: string | null;
  /** A plain date: the decision's meeting date, or the day a report or document was created. */
  date: string;
  title: string;
  secret: number;
  secrecy_ground: string | null;
  classification: string | null;
}

type Tables = 'council_decision' | 'evaluation' | 'meeting_document';
type Branch = SelectQueryBuilder<Database, Tables, RecordRow>;

/**
 * The filter as conditions on one kind's own table (so its indexes serve). The date column is
 * a plain date (a decision's meeting date) or an ISO instant (created_at): the period's end
 * day is then included up to the next day's start.
 */
function conditions(f: RecordFilter, dateColumn: string, plainDate: boolean) {
  const c: RawBuilder<boolean>[] = [sql<boolean>`1 = 1`];
  if (f.caseNumber) c.push(sql<boolean>`case_number = ${f.caseNumber}`);
  if (f.classification) c.push(sql<boolean>`classification = ${f.classification}`);
  if (f.secret !== undefined) c.push(sql<boolean>`secret = ${f.secret ? 1 : 0}`);
  if (f.from) c.push(sql<boolean>`${sql.ref(dateColumn)} >= ${f.from}`);
  if (f.to)
    c.push(
      plainDate
        ? sql<boolean>`${sql.ref(dateColumn)} <= ${f.to}`
        : sql<boolean>`${sql.ref(dateColumn)} < ${addDays(f.to, 1)}`,
    );
  return sql<boolean>`${sql.join(c, sql` and `)}`;
}

const COMMON = [
  'id',
  'case_number',
  'title',
  'secret',
  'secrecy_ground',
  'classification',
] as const;
const kindOf = (kind: RecordKind) => sql<RecordKind>`${sql.lit(kind)}`.as('kind');
const noParent = sql<string | null>`cast(null as text)`.as('parent_id');
const createdDay = sql<string>`substr(created_at, 1, 10)`.as('date');

/** One kind's rows with the filter applied. */
function branch(db: Executor, kind: RecordKind, f: RecordFilter): Branch {
  const q =
    kind === 'decision'
      ? db
          .selectFrom('council_decision')
          .select([kindOf(kind), noParent, 'meeting_date as date', ...COMMON])
          .where(conditions(f, 'meeting_date', true))
      : kind === 'report'
        ? db
            .selectFrom('evaluation')
            .select([kindOf(kind), noParent, createdDay, ...COMMON])
            .where(conditions(f, 'created_at', false))
        : db
            .selectFrom('meeting_document')
            .select([kindOf(kind), 'meeting_id as parent_id', createdDay, ...COMMON])
            .where(conditions(f, 'created_at', false));
  // Each table's columns are typed as optional on the owners' row types (decision 040).
  return q as unknown as Branch;
}

function union(db: Executor, f: RecordFilter) {
  const [first, ...rest] = f.kinds.map((k) => branch(db, k, f));
  if (!first) return null;
  return rest.reduce((q, b) => q.unionAll(b), first);
}

/** A page of the register, the newest first (ties by kind and id, so pages are stable). */
export async function listRecords(
  db: Executor,
  f: RecordFilter,
  page: { limit: number; offset: number },
): Promise<RecordRow[]> {
  const all = union(db, f);
  if (!all) return [];
  return db
    .selectFrom(all.as('r'))
    .selectAll()
    .orderBy('r.date', 'desc')
    .orderBy('r.kind')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRecords(db: Executor, f: RecordFilter): Promise<number> {
  const all = union(db, f);
  if (!all) return 0;
  const row = await db
    .selectFrom(all.as('r'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One record, or undefined. */
export async function findRecord(
  db: Executor,
  kind: RecordKind,
  id: string,
): Promise<RecordRow | undefined> {
  return branch(db, kind, { kinds: [kind] })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets a record's registration on its own table. */
export async function updateRecord(
  db: Executor,
  kind: RecordKind,
  id: string,
  values: {
    case_number: string;
    secret: number;
    secrecy_ground: string | null;
    classification: string;
  },
): Promise<void> {
  const table =
    kind === 'decision'
      ? 'council_decision'
      : kind === 'report'
        ? 'evaluation'
        : 'meeting_document';
  await db.updateTable(table).set(values).where('id', '=', id).execute();
}

// ---- What the SIP holds of each record ----------------------------------------------------

/** A decision's register fields and its document (bytes included), if it has one. */
export async function decisionContent(db: Executor, id: string) {
  const decision = await db
    .selectFrom('council_decision')
    .select([
      'id',
      'body',
      'meeting_date',
      'section',
      'case_number',
      'title',
      'outcome',
      'link',
      'final_on',
      'document_id',
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const document = decision.document_id
    ? await db
        .selectFrom('decision_document')
        .select(['filename', 'content_type', 'size', 'sha256', 'data', 'created_at'])
        .where('id', '=', decision.document_id)
        .executeTakeFirst()
    : undefined;
  return { decision, document };
}

/** A report: its evaluation and its newest approved version (the report as approved). */
export async function reportContent(db: Executor, id: string) {
  const evaluation = await db
    .selectFrom('evaluation')
    .select([
      'id',
      'title',
      'period_start',
      'period_end',
      'status',
      'summary',
      'analysis',
      'conclusions',
      'recommendations',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('evaluation_version')
    .select([
      'number',
      'title',
      'period_start',
      'period_end',
      'sections_json',
      'figures_json',
      'approved_at',
      'published_at',
    ])
    .where('evaluation_id', '=', id)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  return { evaluation, version };
}

/** A meeting document with its bytes. */
export function documentContent(db: Executor, id: string) {
  return db
    .selectFrom('meeting_document')
    .select([
      'id',
      'meeting_id',
      'kind',
      'title',
      'filename',
      'content_type',
      'size',
      'sha256',
      'data',
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

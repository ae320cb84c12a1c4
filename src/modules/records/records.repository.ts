import { sql, type SelectQueryBuilder } from 'kysely';
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

type Branch = SelectQueryBuilder<Database, any, RecordRow>;

/** One kind's rows with the filter applied on its own table (so its indexes serve). */
function branch(db: Executor, kind: RecordKind, f: RecordFilter): Branch {
  const common = <Q extends SelectQueryBuilder<any, any, any>>(
    q: Q,
    dateColumn: string,
    plainDate: boolean,
  ): Q => {
    let r = q;
    if (f.caseNumber) r = r.where('case_number', '=', f.caseNumber) as Q;
    if (f.classification) r = r.where('classification', '=', f.classification) as Q;
    if (f.secret !== undefined) r = r.where('secret', '=', f.secret ? 1 : 0) as Q;
    if (f.from) r = r.where(dateColumn, '>=', f.from) as Q;
    if (f.to)
      r = r.where(dateColumn, plainDate ? '<=' : '<', plainDate ? f.to : addDays(f.to, 1)) as Q;
    return r;
  };
  if (kind === 'decision')
    return common(
      db
        .selectFrom('council_decision')
        .select([
          sql<RecordKind>`'decision'`.as('kind'),
          'id',
          sql<string | null>`cast(null as text)`.as('parent_id'),
          'case_number',
          'meeting_date as date',
          'title',
          'secret',
          'secrecy_ground',
          'classification',
        ]),
      'meeting_date',
      true,
    ) as unknown as Branch;
  if (kind === 'report')
    return common(
      db
        .selectFrom('evaluation')
        .select([
          sql<RecordKind>`'report'`.as('kind'),
          'id',
          sql<string | null>`cast(null as text)`.as('parent_id'),
          'case_number',
          sql<string>`substr(created_at, 1, 10)`.as('date'),
          'title',
          'secret',
          'secrecy_ground',
          'classification',
        ]),
      'created_at',
      false,
    ) as unknown as Branch;
  return common(
    db
      .selectFrom('meeting_document')
      .select([
        sql<RecordKind>`'document'`.as('kind'),
        'id',
        'meeting_id as parent_id',
        'case_number',
        sql<string>`substr(created_at, 1, 10)`.as('date'),
        'title',
        'secret',
        'secrecy_ground',
        'classification',
      ]),
    'created_at',
    false,
  ) as unknown as Branch;
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
  return (await db
    .selectFrom(all.as('r'))
    .selectAll()
    .orderBy('r.date', 'desc')
    .orderBy('r.kind')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as RecordRow[];
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
  const rows = (await branch(db, kind, { kinds: [kind] })
    .where('id', '=', id)
    .execute()) as RecordRow[];
  return rows[0];
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

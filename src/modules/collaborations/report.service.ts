import type { Db, Executor } from '../../db/database.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../audit/index.ts';
import type { City } from '../cities/index.ts';
import {
  auditReportedChange,
  auditReportedNew,
  reportChange,
  reportNew,
  submittedColumns,
  type Reporter,
  type SaveAtVersion,
} from './collaboration.helpers.ts';

// Registering and changing a report (a collaboration or an exchange), one way: the input
// checked, the row written with the review columns of a new report or saved over the
// version read, what the kind writes besides the row, the audit events, the record read
// back. Each kind gives its own parts.

/** Values the audit events name besides the row's columns (a collaboration's cities, areas). */
type Linked = Record<string, unknown>;

export interface ReportKind<I, B, C extends { problems: FieldProblem[] }, V extends object, T> {
  entity: 'collaboration' | 'exchange';
  /** The input checked, inside the transaction; `before` is the stored row when changing. */
  check: (
    twins: readonly City[],
    trx: Executor,
    user: Reporter,
    input: I,
    before: B | null,
  ) => Promise<C>;
  /** The columns the checked input sets. */
  values: (input: I, checked: C) => V;
  find: (trx: Executor, id: string) => Promise<B | undefined>;
  insert: (
    trx: Executor,
    row: V & { id: string } & ReturnType<typeof submittedColumns>,
  ) => Promise<unknown>;
  save: SaveAtVersion<V>;
  /** What a save writes besides the row (links, search document); `created`: a new report. */
  written: (trx: Executor, row: V & { id: string }, checked: C, created: boolean) => Promise<void>;
  /** The linked values the audit names: a new report's, or those before and after a change. */
  linked?: {
    created: (input: I) => Linked;
    changed: (input: I, checked: C) => { before: Linked; after: Linked };
  };
  /** The saved record, read back. */
  read: (trx: Executor, id: string) => Promise<T>;
}

/** Registering a report of the kind. */
export type Register<I, T> = (db: Db, actor: Actor, user: Reporter, input: I) => Promise<T>;

/** Changing a report of the kind. */
export type Change<I, T> = (
  db: Db,
  actor: Actor,
  user: Reporter,
  id: string,
  input: I,
  /** The version (`updatedAt`) the edit form was opened at; a save over a newer one is refused. */
  expectedVersion?: string,
) => Promise<T>;

/** A report kind's register and change (a reporter's save enters the review queue). */
export function reportWrites<
  I,
  B extends { organisation_id: string; updated_at: string; review_state: string },
  C extends { problems: FieldProblem[] },
  V extends object,
  T,
>(kind: ReportKind<I, B, C, V, T>): { register: Register<I, T>; change: Change<I, T> } {
  return {
    register: (db, actor, user, input) =>
      reportNew(
        db,
        user,
        (twins, trx) => kind.check(twins, trx, user, input, null),
        async (trx, checked, now) => {
          const values = kind.values(input, checked);
          const row = { id: newId(), ...values, ...submittedColumns(user.id, now) };
          await kind.insert(trx, row);
          await kind.written(trx, row, checked, true);
          await auditReportedNew(trx, actor, kind.entity, row.id, now, {
            ...values,
            ...kind.linked?.created(input),
          });
          return kind.read(trx, row.id);
        },
      ),
    change: (db, actor, user, id, input, expectedVersion) =>
      reportChange(db, user, kind.entity, id, expectedVersion, {
        find: kind.find,
        check: (twins, trx, before) => kind.check(twins, trx, user, input, before),
        values: (checked) => kind.values(input, checked),
        save: kind.save,
        write: async (trx, before, checked, values, saved) => {
          await kind.written(trx, { id, ...values }, checked, false);
          await auditReportedChange(
            trx,
            actor,
            kind.entity,
            id,
            saved,
            before,
            values,
            kind.linked?.changed(input, checked),
          );
          return kind.read(trx, id);
        },
      }),
  };
}

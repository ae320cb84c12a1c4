import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { diff, recordAudit, type Actor } from '../audit/index.ts';
import type { RoleGrant } from '../accounts/index.ts';
import { getChain, listCities, type City } from '../cities/index.ts';
import { findOrganisationBySlug } from '../organisations/index.ts';
import { collaborationPolicy, reportingOrganisations } from './collaboration.policy.ts';
import * as reviewRepo from './review.repository.ts';
import { collaborationsErrors } from './errors.ts';
import type { ReviewState } from './collaboration.filters.ts';

// Small helpers shared by the collaboration, exchange and review services: kept here
// once, not copied.

export const VISIBILITIES = ['public', 'internal'] as const;
export const LIMITS = {
  title: 300,
  text: 10_000,
  short: 200,
  tags: 1_000,
  comment: 2_000,
  participants: 10_000,
  amount: 1_000_000_000_000,
} as const;

export interface Reporter {
  id: string;
  roles: readonly RoleGrant[];
}

export const collaborationNotFound = collaborationsErrors.collaborationNotFound;
export const exchangeNotFound = collaborationsErrors.exchangeNotFound;
/** A reporter of another organisation: refused, with a clear message. */
export const notYourOrganisation = collaborationsErrors.notYourOrganisation;

/**
 * A collaboration or exchange the reporter is about to change, checked: it exists (else 404),
 * it is their organisation's (else NOT_YOUR_ORGANISATION), and the form was opened at the
 * version stored now (else EDIT_CONFLICT).
 */
export function checkedForChange<T extends { organisation_id: string; updated_at: string }>(
  entity: 'collaboration' | 'exchange',
  id: string,
  before: T | undefined,
  user: Reporter,
  expectedVersion: string | undefined,
): T {
  if (!before) throw entity === 'collaboration' ? collaborationNotFound(id) : exchangeNotFound(id);
  if (!collaborationPolicy.canChange(user, before.organisation_id)) throw notYourOrganisation();
  if (expectedVersion !== undefined && expectedVersion !== before.updated_at)
    throw errors.editConflict(entity, id, before.updated_at);
  return before;
}

/**
 * After an update made only over the version read (`changed` rows): none means a save was
 * committed in between (PostgreSQL), and nothing changed here.
 */
export function refuseIfChangedMeanwhile(
  changed: number,
  entity: 'collaboration' | 'exchange',
  id: string,
  version: string,
): void {
  if (changed === 0) throw errors.editConflict(entity, id, version);
}

/** What a reported collaboration or exchange says of its review, publication and version. */
export interface ReportedRecord {
  visibility: 'public' | 'internal';
  review: {
    state: ReviewState;
    comment: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
  };
  publishedAt: string | null;
  createdBy: string | null;
  /** The version of the record (optimistic locking). */
  updatedAt: string;
}

export const reportedRecord = (r: {
  visibility: string;
  review_state: string;
  review_comment: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  created_by: string | null;
  updated_at: string;
}): ReportedRecord => ({
  visibility: r.visibility as 'public' | 'internal',
  review: {
    state: r.review_state as ReviewState,
    comment: r.review_comment,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
  },
  publishedAt: r.published_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

/** The review columns a save writes (reviewAfterSave): none for a coordinator's edit. */
type ReviewColumns = { review_state?: string; submitted_at?: string; review_comment?: null };

/** A save of a reported record's values (with the review columns), only at `expectedVersion`. */
export type SaveAtVersion<V> = (
  trx: Executor,
  id: string,
  set: V & ReviewColumns & { updated_at: string },
  expectedVersion: string,
) => Promise<number>;

/**
 * Changing a reported collaboration or exchange, in one transaction: checked for the change
 * (checkedForChange), the input checked against the chain's twin cities, its values saved
 * only over the version read with the review state the save brings (refused when another
 * save was committed in between); then `write` does the rest (links, search, audit) with
 * what was saved and when.
 */
export async function reportChange<
  B extends { organisation_id: string; updated_at: string; review_state: string },
  C extends { problems: FieldProblem[] },
  V extends object,
  R,
>(
  db: Db,
  user: Reporter,
  entity: 'collaboration' | 'exchange',
  id: string,
  expectedVersion: string | undefined,
  steps: {
    find: (trx: Executor, id: string) => Promise<B | undefined>;
    check: (twins: readonly City[], trx: Executor, before: B) => Promise<C>;
    values: (checked: C) => V;
    save: SaveAtVersion<V>;
    write: (trx: Executor, before: B, checked: C, values: V, saved: Saved) => Promise<R>;
  },
): Promise<R> {
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const before = checkedForChange(entity, id, await steps.find(trx, id), user, expectedVersion);
    const checked = await steps.check(twins, trx, before);
    if (checked.problems.length) throw errors.validation(checked.problems);
    const values = steps.values(checked);
    const now = nowIso();
    const review: ReviewColumns = reviewAfterSave(user, before, now);
    // Only over the version read above: a save committed in between (PostgreSQL) changes nothing here.
    const changed = await steps.save(
      trx,
      id,
      { ...values, ...review, updated_at: now },
      before.updated_at,
    );
    refuseIfChangedMeanwhile(changed, entity, id, before.updated_at);
    return steps.write(trx, before, checked, values, { now, review });
  });
}

/** When a change was saved and the review columns it wrote. */
interface Saved {
  now: string;
  review: ReviewColumns;
}

/**
 * After a new collaboration or exchange was written: its review event (it enters the queue)
 * and the audit event `create` with the reported values and the review state.
 */
export async function auditReportedNew(
  trx: Executor,
  actor: Actor,
  entity: 'collaboration' | 'exchange',
  id: string,
  now: string,
  values: Record<string, unknown>,
): Promise<void> {
  await submittedEvent(trx, actor, entity, id, now);
  await recordAudit(trx, actor, {
    entity,
    entityId: id,
    action: 'create',
    changes: diff(null, { ...values, review_state: 'submitted' }),
  });
}

/**
 * After a saved change of a collaboration or exchange: the review event when the save put it
 * in the queue, and the audit event `update` with the saved values, `more` (the linked cities
 * and areas) and the review state, each before and after.
 */
export async function auditReportedChange<B extends { review_state: string }>(
  trx: Executor,
  actor: Actor,
  entity: 'collaboration' | 'exchange',
  id: string,
  saved: Saved,
  before: B,
  values: object,
  more: { before: Record<string, unknown>; after: Record<string, unknown> } = {
    before: {},
    after: {},
  },
): Promise<void> {
  const { now, review } = saved;
  if (review.review_state) await submittedEvent(trx, actor, entity, id, now);
  await recordAudit(trx, actor, {
    entity,
    entityId: id,
    action: 'update',
    changes: diff(
      {
        ...Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof B]])),
        ...more.before,
        review_state: before.review_state,
      },
      { ...values, ...more.after, review_state: review.review_state ?? before.review_state },
    ),
  });
}

/** The chain's active twin cities: the only partner cities a collaboration may name. */
export async function partnerCities(db: Db): Promise<City[]> {
  const all = await listCities(db);
  const chain = await getChain(db, all);
  const members = new Set(chain?.members.map((m) => m.city.id) ?? []);
  return all.filter((c) => c.kind === 'twin' && c.status === 'active' && members.has(c.id));
}

export const maxLen = (v: string, max: number) => v.length > max;

/** The organisation the input names, if the user may report for it. */
export async function resolveOrganisation(
  db: Executor,
  user: Reporter,
  slug: string,
): Promise<{ id: string } | FieldProblem> {
  const orgs = reportingOrganisations(user);
  if (!slug.trim()) {
    if (orgs !== 'all' && orgs.length === 1) return { id: orgs[0]! };
    return { path: 'organisation', message: 'collab.err.organisationRequired' };
  }
  const org = await findOrganisationBySlug(db, slug.trim());
  if (!org || !org.active)
    return { path: 'organisation', message: 'collab.err.organisationRequired' };
  if (!collaborationPolicy.canChange(user, org.id))
    return { path: 'organisation', message: 'collab.err.notYourOrganisation' };
  return { id: org.id };
}

/** A reporter's save enters the review queue (P8); a coordinator's edit keeps the state. */
export function reviewAfterSave(
  user: Reporter,
  current: { review_state: string } | null,
  now: string,
) {
  if (current && collaborationPolicy.canReview(user)) return {};
  return { review_state: 'submitted', submitted_at: now, review_comment: null };
}

export async function submittedEvent(
  trx: Executor,
  actor: Actor,
  entity: 'collaboration' | 'exchange',
  id: string,
  now: string,
) {
  await reviewRepo.insertReviewEvent(trx, {
    id: newId(),
    entity,
    entity_id: id,
    action: 'submitted',
    comment: null,
    actor_user_id: actor.userId,
    created_at: now,
  });
}

/** The review and bookkeeping columns of a newly reported collaboration or exchange. */
export function submittedColumns(createdBy: string | null, now: string) {
  return {
    review_state: 'submitted',
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    submitted_at: now,
    published_at: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Reporting something new (a collaboration or an exchange): the user must be a reporter,
 * the input is checked against the chain's twin cities inside the transaction, and only
 * then is it written, with the instant of the report.
 */
export async function reportNew<C extends { problems: FieldProblem[] }, R>(
  db: Db,
  user: Reporter,
  check: (twins: readonly City[], trx: Executor) => Promise<C>,
  write: (trx: Executor, checked: C, now: string) => Promise<R>,
): Promise<R> {
  if (!collaborationPolicy.canReport(user)) throw notYourOrganisation();
  const twins = await partnerCities(db);
  return db.kysely.transaction().execute(async (trx) => {
    const checked = await check(twins, trx);
    if (checked.problems.length) throw errors.validation(checked.problems);
    return write(trx, checked, nowIso());
  });
}

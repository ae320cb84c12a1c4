import type { Executor } from '../../db/database.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import { problemList } from '../../shared/validation.ts';
import type { City } from '../cities/index.ts';
import {
  exchangeNotFound,
  resolveOrganisation,
  reportedRecord,
  type Reporter,
  type ReportedRecord,
} from './collaboration.helpers.ts';
import { reportingOrganisations } from './collaboration.policy.ts';
import * as collaborationRepo from './collaboration.repository.ts';
import {
  exchangeForm,
  inFieldOrder,
  type DIRECTIONS,
  type ExchangeInput,
} from './collaboration.schema.ts';
import * as repo from './exchange.repository.ts';
import { reportWrites } from './report.service.ts';
import { exchangeSearchDocument, type ExchangeSearchSource } from './search-document.ts';

// Experience exchanges: registered by a reporter (optionally within a collaboration of
// their organisation), reviewed like collaborations.

export { DIRECTIONS } from './collaboration.schema.ts';
export type { ExchangeInput } from './collaboration.schema.ts';

export interface Exchange extends ReportedRecord {
  id: string;
  organisation: { id: string; slug: string; name: string };
  city: { id: string; slug: string };
  collaboration: { id: string; title: string } | null;
  occurredOn: string;
  direction: (typeof DIRECTIONS)[number];
  participants: number;
  activities: string;
  learnings: string | null;
}

export const toExchange = (r: repo.ExchangeRow): Exchange => ({
  id: r.id,
  organisation: { id: r.organisation_id, slug: r.organisation_slug, name: r.organisation_name },
  city: { id: r.city_id, slug: r.city_slug },
  collaboration:
    r.collaboration_id && r.collaboration_title
      ? { id: r.collaboration_id, title: r.collaboration_title }
      : null,
  occurredOn: r.occurred_on,
  direction: r.direction as Exchange['direction'],
  participants: r.participants,
  activities: r.activities,
  learnings: r.learnings,
  ...reportedRecord(r),
});

/**
 * Writes an exchange's search document: it is found by the areas of the collaboration it
 * is part of too.
 */
export async function indexExchange(
  trx: Executor,
  exchange: Omit<ExchangeSearchSource, 'areaIds'> & { collaboration_id: string | null },
): Promise<void> {
  const areaIds = await collaborationRepo.areaIdsOfCollaboration(trx, exchange.collaboration_id);
  await collaborationRepo.upsertSearchDocument(
    trx,
    exchangeSearchDocument({ ...exchange, areaIds }),
  );
}

async function exchangeProblems(
  twins: readonly City[],
  trx: Executor,
  user: Reporter,
  input: ExchangeInput,
) {
  const { problems, add } = problemList(exchangeForm, input);
  const org = await resolveOrganisation(trx, user, input.organisation);
  if ('path' in org) add(org.path, org.message);
  const city = twins.find((c) => c.slug === input.city);
  if (input.city && !city) add('city', 'collab.err.cityUnknown');
  const participants = input.participants.trim();
  let collaborationId: string | null = null;
  if (input.collaboration) {
    const c = await collaborationRepo.findCollaboration(trx, input.collaboration);
    if (!c || !('id' in org) || c.organisation_id !== org.id)
      add('collaboration', 'collab.err.collaborationOtherOrganisation');
    else collaborationId = c.id;
  }
  return {
    problems: inFieldOrder(exchangeForm, problems),
    values: {
      organisation_id: 'id' in org ? org.id : '',
      city_id: city?.id ?? '',
      collaboration_id: collaborationId,
      occurred_on: input.occurredOn.trim(),
      direction: input.direction,
      participants: Number(participants),
      activities: input.activities.trim(),
      learnings: input.learnings.trim() || null,
      visibility: input.visibility,
    },
  };
}

/**
 * Registering a exchange (a reporter's new one enters the review queue) and changing one, only
 * over the version the edit form was opened at.
 */
export const { register: registerExchange, change: changeExchange } = reportWrites({
  entity: 'exchange',
  check: (twins, trx, user, input: ExchangeInput, _before: repo.ExchangeRow | null) =>
    exchangeProblems(twins, trx, user, input),
  values: (_input, checked) => checked.values,
  find: (trx, id) => repo.findExchange(trx, id),
  insert: repo.insertExchange,
  save: repo.updateExchange,
  written: (trx, row) => indexExchange(trx, row),
  read: async (trx, id) => toExchange((await repo.findExchange(trx, id))!),
});

/**
 * Exchanges as a scope sees them: the collaboration an exchange belongs to is named only
 * when the scope may read it too (an exchange with Bergen within an internal collaboration
 * with Aarhus does not show the partner contact of Bergen that collaboration's title).
 */
async function asSeenBy(
  db: Executor,
  rows: repo.ExchangeRow[],
  scope: collaborationRepo.Scope,
): Promise<Exchange[]> {
  const exchanges = rows.map(toExchange);
  if (scope === 'internal') return exchanges;
  const ids = [...new Set(exchanges.flatMap((e) => (e.collaboration ? [e.collaboration.id] : [])))];
  const readable = new Set(await collaborationRepo.listReadableCollaborationIds(db, ids, scope));
  return exchanges.map((e) =>
    e.collaboration && !readable.has(e.collaboration.id) ? { ...e, collaboration: null } : e,
  );
}

/** One exchange, if the scope may read it, else 404 (as if it did not exist). */
export async function getExchange(
  db: Executor,
  id: string,
  scope: collaborationRepo.Scope,
): Promise<Exchange> {
  const row = await repo.findExchange(db, id, scope);
  if (!row) throw exchangeNotFound(id);
  return (await asSeenBy(db, [row], scope))[0]!;
}

export async function listExchanges(
  db: Executor,
  filters: {
    organisation?: string | undefined;
    city?: string | undefined;
    year?: string | undefined;
  },
  scope: collaborationRepo.Scope,
  page: { limit: number; offset: number },
) {
  const [rows, total] = await Promise.all([
    repo.listExchanges(db, filters, scope, page),
    cachedRead(db, 'collaborations', cacheKey('exchange-count', scope, filters), () =>
      repo.countExchanges(db, filters, scope),
    ),
  ]);
  return { exchanges: await asSeenBy(db, rows, scope), total };
}

export async function exchangesOfCollaboration(
  db: Executor,
  id: string,
  scope: collaborationRepo.Scope,
) {
  return asSeenBy(db, await repo.listExchangesOfCollaboration(db, id, scope), scope);
}

/** Collaborations the user may attach an exchange to. */
export async function collaborationChoices(db: Executor, user: Reporter) {
  const orgs = reportingOrganisations(user);
  return repo.listCollaborationChoices(db, orgs === 'all' ? null : orgs);
}

/** Exchanges the public may read, newest first, with the total (the open-data list). */
export async function listPublicExchanges(
  db: Executor,
  filters: {
    organisation?: string | undefined;
    city?: string | undefined;
    year?: string | undefined;
  },
  page: { limit: number; offset: number },
) {
  return listExchanges(db, filters, 'public', page);
}

/** When an exchange the public may read last changed (an ISO instant), or null. */
export async function latestPublicExchangeChange(db: Executor): Promise<string | null> {
  return repo.latestPublicExchangeChange(db);
}

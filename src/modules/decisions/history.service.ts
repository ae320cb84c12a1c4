import type { Db } from '../../db/database.ts';
import type { City, CityKind, CityStatus } from '../cities/index.ts';
import { listCities } from '../cities/index.ts';
import * as repo from './decision.repository.ts';
import { getPublicDecision, toDecision, type CouncilDecision } from './decision.service.ts';
import { toProposal, type Proposal } from './proposal.service.ts';

/** One dated change of a city's status (and kind), with the decision behind it. */
export interface StatusChange {
  id: string;
  changedOn: string;
  fromStatus: CityStatus | null;
  toStatus: CityStatus;
  fromKind: CityKind | null;
  toKind: CityKind;
  /** `historical` (registered afterwards), `proposal` (entered the register), or null. */
  note: string | null;
  decision: CouncilDecision | null;
}

/** The status history of each of the given cities, oldest first, by city id. */
export async function statusHistories(
  db: Db,
  cityIds: readonly string[],
): Promise<Map<string, StatusChange[]>> {
  const rows = cityIds.length ? await repo.listStatusChanges(db.kysely, cityIds) : [];
  const decisionIds = [...new Set(rows.flatMap((r) => (r.decision_id ? [r.decision_id] : [])))];
  const decisions = new Map(
    (await repo.listDecisionsByIds(db.kysely, decisionIds))
      // A secret decision (records module) is not named in a city's public history.
      .filter((r) => !r.secret)
      .map((r) => [r.id, toDecision(r)]),
  );
  const histories = new Map<string, StatusChange[]>(cityIds.map((id) => [id, []]));
  for (const r of rows) {
    histories.get(r.city_id)?.push({
      id: r.id,
      changedOn: r.changed_on,
      fromStatus: r.from_status as CityStatus | null,
      toStatus: r.to_status as CityStatus,
      fromKind: r.from_kind as CityKind | null,
      toKind: r.to_kind as CityKind,
      note: r.note,
      decision: r.decision_id ? (decisions.get(r.decision_id) ?? null) : null,
    });
  }
  return histories;
}

export async function statusHistory(db: Db, cityId: string): Promise<StatusChange[]> {
  return (await statusHistories(db, [cityId])).get(cityId) ?? [];
}

/** A decision with what it corrected, what corrected it, and the proposal and city it decided. */
export interface DecisionDetail {
  decision: CouncilDecision;
  supersedes: CouncilDecision | null;
  supersededBy: CouncilDecision | null;
  proposal: Proposal | null;
  city: City | null;
  /** Cities whose status changed by this decision (e.g. the three of 1946). */
  cities: City[];
}

export async function getDecisionDetail(db: Db, id: string): Promise<DecisionDetail> {
  // The public page and API: a secret decision (records module) is not found there.
  const decision = await getPublicDecision(db.kysely, id);
  const [supersedes, supersededBy, proposal] = await Promise.all([
    decision.supersedesId ? repo.findDecision(db.kysely, decision.supersedesId) : undefined,
    repo.findDecisionSuperseding(db.kysely, id),
    decision.proposalId ? repo.findProposal(db.kysely, decision.proposalId) : undefined,
  ]);
  const all = await listCities(db);
  const city = proposal ? (all.find((c) => c.id === proposal.city_id) ?? null) : null;
  const histories = await statusHistories(
    db,
    all.map((c) => c.id),
  );
  const cities = all.filter((c) =>
    (histories.get(c.id) ?? []).some((h) => h.decision?.id === decision.id),
  );
  return {
    decision,
    supersedes: supersedes ? toDecision(supersedes) : null,
    supersededBy: supersededBy ? toDecision(supersededBy) : null,
    proposal: proposal ? toProposal(proposal) : null,
    city,
    cities,
  };
}

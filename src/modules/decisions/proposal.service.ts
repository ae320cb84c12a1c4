import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import {
  fromNothing,
  insertAudited,
  recordAudit,
  statusChange,
  type Actor,
} from '../audit/index.ts';
import {
  addProposedCity,
  findCityRecord,
  type CityKind,
  type CityStatus,
} from '../cities/index.ts';
import { PROPOSAL_KINDS, type ProposalKind, type ProposalStatus } from './decision.service.ts';
import * as repo from './decision.repository.ts';
import { decisionsErrors } from './errors.ts';

export interface NewCityInput {
  slug: string;
  nameSv: string;
  nameEn: string;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ProposalInput {
  kind: string;
  /** An existing city, or `newCity` for a city not yet in the register. */
  citySlug?: string | undefined;
  newCity?: NewCityInput | undefined;
  title: string;
  justification: string;
}

export interface Proposal {
  id: string;
  kind: ProposalKind;
  cityId: string;
  title: string;
  justification: string;
  status: ProposalStatus;
  decisionId: string | null;
  createdAt: string;
  sentAt: string | null;
  decidedAt: string | null;
}

export const toProposal = (r: repo.ProposalRow): Proposal => ({
  id: r.id,
  kind: r.kind as ProposalKind,
  cityId: r.city_id,
  title: r.title,
  justification: r.justification,
  status: r.status as ProposalStatus,
  decisionId: r.decision_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  decidedAt: r.decided_at,
});

/** Which proposals make sense for a city in its present state. */
export function proposalAllowed(
  kind: ProposalKind,
  city: { kind: CityKind; status: CityStatus },
): boolean {
  switch (kind) {
    case 'establish_twin':
      return city.kind !== 'home' && !(city.kind === 'twin' && city.status === 'active');
    case 'activate_partner':
      return city.kind === 'partner' && city.status !== 'active';
    case 'make_dormant':
      return city.kind !== 'home' && city.status === 'active';
    case 'end_relation':
      return city.kind !== 'home' && (city.status === 'active' || city.status === 'dormant');
  }
}

/** The longest name of a proposed city, in either language. */
export const MAX_CITY_NAME = 120;

const proposalNotFound = (id: string) => decisionsErrors.proposalNotFound(id);

/** A coordinator drafts a proposal; a new city enters the register as `proposed`. */
export async function draftProposal(db: Db, actor: Actor, input: ProposalInput): Promise<Proposal> {
  const problems: FieldProblem[] = [];
  if (!(PROPOSAL_KINDS as readonly string[]).includes(input.kind))
    problems.push({ path: 'kind', message: 'proposal.kindRequired' });
  if (!input.title.trim() || input.title.length > 300)
    problems.push({ path: 'title', message: 'proposal.titleRequired' });
  if (!input.justification.trim() || input.justification.length > 20000) {
    problems.push({ path: 'justification', message: 'proposal.justificationRequired' });
  }
  const nc = input.newCity;
  if (nc) {
    if (input.kind !== 'establish_twin')
      problems.push({ path: 'kind', message: 'proposal.newCityOnlyForTwin' });
    if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(nc.slug))
      problems.push({ path: 'slug', message: 'proposal.slugInvalid' });
    if (!nc.nameSv.trim() || nc.nameSv.length > MAX_CITY_NAME)
      problems.push({ path: 'nameSv', message: 'proposal.nameRequired' });
    if (nc.nameEn.length > MAX_CITY_NAME)
      problems.push({ path: 'nameEn', message: 'proposal.nameEnTooLong' });
    if (!/^[A-Z]{2}$/.test(nc.countryCode))
      problems.push({ path: 'countryCode', message: 'proposal.countryInvalid' });
    if (nc.latitude !== null && !(nc.latitude >= -90 && nc.latitude <= 90))
      problems.push({ path: 'latitude', message: 'proposal.coordinateInvalid' });
    if (nc.longitude !== null && !(nc.longitude >= -180 && nc.longitude <= 180))
      problems.push({ path: 'longitude', message: 'proposal.coordinateInvalid' });
  } else if (!input.citySlug) {
    problems.push({ path: 'city', message: 'proposal.cityRequired' });
  }
  if (problems.length) throw errors.validation(problems);
  const kind = input.kind as ProposalKind;

  return db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    let cityId: string;
    if (nc) {
      if (await findCityRecord(trx, { slug: nc.slug }))
        throw errors.validation([{ path: 'slug', message: 'proposal.slugTaken' }]);
      cityId = newId();
      await addProposedCity(trx, {
        id: cityId,
        slug: nc.slug,
        countryCode: nc.countryCode,
        latitude: nc.latitude,
        longitude: nc.longitude,
        nameSv: nc.nameSv.trim(),
        nameEn: nc.nameEn.trim(),
        now,
      });
      await repo.insertStatusChange(trx, {
        id: newId(),
        city_id: cityId,
        changed_on: now.slice(0, 10),
        from_status: null,
        to_status: 'proposed',
        from_kind: null,
        to_kind: 'twin',
        decision_id: null,
        note: 'proposal',
        created_at: now,
      });
      await recordAudit(trx, actor, {
        entity: 'city',
        entityId: cityId,
        action: 'create',
        changes: fromNothing({
          slug: nc.slug,
          status: 'proposed',
        }),
      });
    } else {
      const city = await findCityRecord(trx, { slug: input.citySlug ?? '' });
      if (!city) throw errors.validation([{ path: 'city', message: 'proposal.cityRequired' }]);
      if (!proposalAllowed(kind, city)) {
        throw errors.validation([{ path: 'kind', message: 'proposal.notApplicable' }]);
      }
      cityId = city.id;
    }
    if (await repo.findOpenProposalForCity(trx, cityId)) {
      throw errors.validation([{ path: 'city', message: 'proposal.alreadyOpen' }]);
    }
    const row = {
      id: newId(),
      kind,
      city_id: cityId,
      title: input.title.trim(),
      justification: input.justification.trim(),
      status: 'draft',
      decision_id: null,
      created_by: actor.userId,
      created_at: now,
      sent_at: null,
      decided_at: null,
    };
    await insertAudited(
      trx,
      actor,
      { entity: 'proposal', action: 'draft' },
      repo.insertProposal,
      row,
      {
        kind,
        title: row.title,
      },
    );
    return toProposal(row);
  });
}

async function transition(
  db: Db,
  actor: Actor,
  id: string,
  from: ProposalStatus,
  to: ProposalStatus,
  action: string,
) {
  return db.kysely.transaction().execute(async (trx) => {
    const proposal = await repo.findProposal(trx, id);
    if (!proposal) throw proposalNotFound(id);
    if (proposal.status !== from)
      throw errors.validation([{ path: 'status', message: `proposal.not.${from}` }]);
    await repo.updateProposal(trx, id, {
      status: to,
      ...(to === 'sent' ? { sent_at: nowIso() } : {}),
    });
    await recordAudit(trx, actor, {
      entity: 'proposal',
      entityId: id,
      action,
      changes: statusChange(from, to),
    });
    return toProposal((await repo.findProposal(trx, id))!);
  });
}

/** The coordinator sends a draft to the council; it is then pending until decided. */
export const sendProposal = (db: Db, actor: Actor, id: string) =>
  transition(db, actor, id, 'draft', 'sent', 'send');

export const withdrawProposal = (db: Db, actor: Actor, id: string) =>
  transition(db, actor, id, 'draft', 'withdrawn', 'withdraw');

/** One proposal (for its confirmation pages); 404 when there is none by that id. */
export async function getProposal(db: Db, id: string): Promise<Proposal> {
  const row = await repo.findProposal(db.kysely, id);
  if (!row) throw proposalNotFound(id);
  return toProposal(row);
}

export async function listProposals(db: Db, statuses?: ProposalStatus[]): Promise<Proposal[]> {
  return (await repo.listProposals(db.kysely, statuses)).map(toProposal);
}

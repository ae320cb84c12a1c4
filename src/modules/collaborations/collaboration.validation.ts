import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { isPlainDate } from '../../shared/dates.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import type { City } from '../cities/index.ts';
import * as areaRepo from './area.repository.ts';
import { ensureDefaultAreas } from './area.service.ts';
import { COLLABORATION_KINDS, COLLABORATION_STATUSES } from './collaboration.filters.ts';
import {
  LIMITS,
  maxLen,
  resolveOrganisation,
  VISIBILITIES,
  type Reporter,
} from './collaboration.helpers.ts';

// What is wrong with a collaboration from a form or the API, field by field, and its
// columns when nothing is.

export const FUNDING_KINDS = ['own_budget', 'eu_programme', 'other'] as const;

export interface CollaborationInput {
  /** Slug of the owner organisation; empty: the reporter's only organisation. */
  organisation: string;
  title: string;
  /** Slugs of partner twin cities. */
  cities: string[];
  /** Slugs of areas. */
  areas: string[];
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string;
  goals: string;
  results: string;
  contactName: string;
  contactEmail: string;
  fundingKind: string;
  fundingProgramme: string;
  fundingAmount: string;
  strategyTags: string;
  visibility: string;
}

export const splitTags = (tags: string) => [
  ...new Set(
    tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];
const email = z.email();

export interface ResolvedCollaboration {
  organisationId: string;
  cityIds: string[];
  areaIds: string[];
  areaNamesSv: string[];
  amount: number | null;
}

/** Field by field, what is wrong; the ids the slugs name when nothing is. */
export async function collaborationProblems(
  twins: readonly City[],
  trx: Executor,
  user: Reporter,
  input: CollaborationInput,
  /** Areas the collaboration already has: they stay allowed after being deactivated. */
  keptAreaIds: readonly string[] = [],
): Promise<{ problems: FieldProblem[]; resolved: ResolvedCollaboration }> {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const org = await resolveOrganisation(trx, user, input.organisation);
  if ('path' in org) problems.push(org);
  const title = input.title.trim();
  if (!title) add('title', 'collab.err.titleRequired');
  else if (maxLen(title, LIMITS.title)) add('title', 'collab.err.titleTooLong');

  const cityIds: string[] = [];
  if (input.cities.length === 0) add('cities', 'collab.err.citiesRequired');
  for (const slug of input.cities) {
    const city = twins.find((c) => c.slug === slug);
    if (!city) {
      add('cities', 'collab.err.cityUnknown');
      break;
    }
    if (!cityIds.includes(city.id)) cityIds.push(city.id);
  }

  await ensureDefaultAreas(trx);
  const areas = await areaRepo.listAreas(trx);
  const areaIds: string[] = [];
  const areaNamesSv: string[] = [];
  if (input.areas.length === 0) add('areas', 'collab.err.areasRequired');
  for (const slug of input.areas) {
    const area = areas.find(
      (a) => a.slug === slug && (a.active === 1 || keptAreaIds.includes(a.id)),
    );
    if (!area) {
      add('areas', 'collab.err.areaUnknown');
      break;
    }
    if (!areaIds.includes(area.id)) {
      areaIds.push(area.id);
      areaNamesSv.push(area.name_sv);
    }
  }

  if (!(COLLABORATION_KINDS as readonly string[]).includes(input.kind))
    add('kind', 'collab.err.kindRequired');
  if (!(COLLABORATION_STATUSES as readonly string[]).includes(input.status))
    add('status', 'collab.err.statusRequired');
  if (!isPlainDate(input.startsOn.trim())) add('startsOn', 'collab.err.dateInvalid');
  if (input.endsOn.trim()) {
    if (!isPlainDate(input.endsOn.trim())) add('endsOn', 'collab.err.dateInvalid');
    else if (isPlainDate(input.startsOn.trim()) && input.endsOn.trim() < input.startsOn.trim())
      add('endsOn', 'collab.err.endBeforeStart');
  }
  if (maxLen(input.goals, LIMITS.text)) add('goals', 'collab.err.textTooLong');
  if (maxLen(input.results, LIMITS.text)) add('results', 'collab.err.textTooLong');
  if (maxLen(input.contactName.trim(), LIMITS.short)) add('contactName', 'collab.err.shortTooLong');
  const mail = input.contactEmail.trim();
  if (mail && (maxLen(mail, LIMITS.short) || !email.safeParse(mail).success))
    add('contactEmail', 'collab.err.emailInvalid');
  if (input.fundingKind && !(FUNDING_KINDS as readonly string[]).includes(input.fundingKind))
    add('fundingKind', 'collab.err.fundingKindInvalid');
  if (maxLen(input.fundingProgramme.trim(), LIMITS.short))
    add('fundingProgramme', 'collab.err.shortTooLong');
  let amount: number | null = null;
  const rawAmount = input.fundingAmount.replace(/[\s\u00a0]/g, '');
  if (rawAmount) {
    if (!/^\d{1,13}$/.test(rawAmount) || Number(rawAmount) > LIMITS.amount)
      add('fundingAmount', 'collab.err.amountInvalid');
    else amount = Number(rawAmount);
  }
  if (maxLen(input.strategyTags, LIMITS.tags)) add('strategyTags', 'collab.err.tagsTooLong');
  if (!(VISIBILITIES as readonly string[]).includes(input.visibility))
    add('visibility', 'collab.err.visibilityRequired');
  return {
    problems,
    resolved: {
      organisationId: 'id' in org ? org.id : '',
      cityIds,
      areaIds,
      areaNamesSv,
      amount,
    },
  };
}

export function collaborationValues(input: CollaborationInput, resolved: ResolvedCollaboration) {
  const text = (v: string) => v.trim() || null;
  return {
    organisation_id: resolved.organisationId,
    title: input.title.trim(),
    kind: input.kind,
    status: input.status,
    starts_on: input.startsOn.trim(),
    ends_on: text(input.endsOn),
    goals: text(input.goals),
    results: text(input.results),
    contact_name: text(input.contactName),
    contact_email: text(input.contactEmail)?.toLowerCase() ?? null,
    funding_kind: input.fundingKind || null,
    funding_programme: text(input.fundingProgramme),
    funding_amount: resolved.amount,
    strategy_tags: splitTags(input.strategyTags).join(', '),
    visibility: input.visibility,
  };
}

import type { Executor } from '../../db/database.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { problemList } from '../../shared/validation.ts';
import type { City } from '../cities/index.ts';
import * as areaRepo from './area.repository.ts';
import { ensureDefaultAreas } from './area.service.ts';
import { resolveOrganisation, type Reporter } from './collaboration.helpers.ts';
import {
  amountDigits,
  collaborationForm,
  inFieldOrder,
  type CollaborationInput,
} from './collaboration.schema.ts';

// What is wrong with a collaboration from a form or the API, field by field (the form's
// schema, collaboration.schema.ts, and what needs the database), and its columns when
// nothing is.

export { FUNDING_KINDS } from './collaboration.schema.ts';
export type { CollaborationInput } from './collaboration.schema.ts';

export const splitTags = (tags: string) => [
  ...new Set(
    tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

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
  const { problems, add, parsedOk } = problemList(collaborationForm, input);
  const org = await resolveOrganisation(trx, user, input.organisation);
  if ('path' in org) add(org.path, org.message);

  const cityIds: string[] = [];
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
  const digits = amountDigits(input.fundingAmount);
  const amount = parsedOk && digits ? Number(digits) : null;
  return {
    problems: inFieldOrder(collaborationForm, problems),
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

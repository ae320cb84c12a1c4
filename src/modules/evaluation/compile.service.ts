import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import * as repo from './compile.repository.ts';
import type { EvaluationFigures, PeriodFigures, PeriodRange } from './evaluation.figures.ts';

// PLACEHOLDER until the merge (issue 15): the smallest honest compilation the workflow's
// tests need (the meetings of the chain in the period, the collaborations started in it).
// The figures engineer's `compile.service.ts` replaces this file with the full compilation
// of point 2; the signature is the contract and stays.

/** The figures of a period and of the previous one, compiled from the records. */
export async function compileFigures(
  db: Executor,
  input: { chainId: string; period: PeriodRange; previous: PeriodRange | null },
): Promise<EvaluationFigures> {
  return {
    compiledAt: nowIso(),
    current: await periodFigures(db, input.chainId, input.period),
    previous: input.previous ? await periodFigures(db, input.chainId, input.previous) : null,
    flags: [],
  };
}

async function periodFigures(
  db: Executor,
  chainId: string,
  period: PeriodRange,
): Promise<PeriodFigures> {
  const [meetings, newCollaborations] = await Promise.all([
    repo.listHeldMeetings(db, chainId, period),
    repo.countStartedCollaborations(db, period),
  ]);
  return {
    period,
    meetings: meetings.map((m) => ({
      id: m.id,
      year: m.year,
      hostCityId: m.host_city_id,
      hostName: m.host_name ?? '',
      theme: m.theme,
      status: m.status,
      programmeItems: 0,
      seminars: 0,
      delegates: 0,
      delegatesByCity: [],
      delegatesByRole: [],
      outcomes: 0,
      followUps: 0,
      followUpsClosed: 0,
    })),
    collaborations: {
      total: newCollaborations,
      new: newCollaborations,
      ongoing: 0,
      finished: 0,
      byCity: [],
      byArea: [],
      byOrganisation: [],
      byKind: [],
      byStatus: [],
    },
    exchanges: { total: 0, participants: 0, byCity: [], byDirection: [] },
    campaigns: [],
    decisions: { total: 0, byKind: [], items: [] },
    news: { published: 0 },
    newsletters: { sent: 0, recipients: 0 },
  };
}

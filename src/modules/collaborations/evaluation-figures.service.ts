import type { Executor } from '../../db/database.ts';
import * as repo from './evaluation-figures.repository.ts';

export type { Window as FiguresWindow } from './evaluation-figures.repository.ts';

/** A count under a stable key (a slug, city id or stored value) and, where stored, a label. */
export interface KeyCount {
  key: string;
  label?: string;
  count: number;
}

/** Every collaboration of a period (internal ones too), counted for the evaluation (issue 15). */
export interface PeriodCollaborations {
  total: number;
  /** Begun in the period. */
  started: number;
  /** Begun before it and still running after its last day. */
  ongoing: number;
  /** Ended in it. */
  finished: number;
  byCity: KeyCount[];
  byArea: KeyCount[];
  byOrganisation: KeyCount[];
  byKind: KeyCount[];
  byStatus: KeyCount[];
}

export async function collaborationsOfPeriod(
  db: Executor,
  w: repo.Window,
): Promise<PeriodCollaborations> {
  const [totals, byCity, byArea, byOrganisation, byKind, byStatus] = await Promise.all([
    repo.collaborationTotals(db, w),
    repo.collaborationsByCity(db, w),
    repo.collaborationsByArea(db, w),
    repo.collaborationsByOrganisation(db, w),
    repo.collaborationsBy(db, w, 'kind'),
    repo.collaborationsBy(db, w, 'status'),
  ]);
  return { ...totals, byCity, byArea, byOrganisation, byKind, byStatus };
}

export interface PeriodExchanges {
  total: number;
  participants: number;
  byCity: (KeyCount & { participants: number })[];
  byDirection: (KeyCount & { participants: number })[];
}

/** Every exchange of a period (internal ones too), read in one grouped pass. */
export async function exchangesOfPeriod(db: Executor, w: repo.Window): Promise<PeriodExchanges> {
  const rows = await repo.exchangesByCityAndDirection(db, w);
  const sum = (key: (r: (typeof rows)[number]) => string) => {
    const out = new Map<string, KeyCount & { participants: number }>();
    for (const r of rows) {
      const k = key(r);
      const c = out.get(k) ?? { key: k, count: 0, participants: 0 };
      c.count += r.count;
      c.participants += r.participants;
      out.set(k, c);
    }
    return [...out.values()];
  };
  return {
    total: rows.reduce((s, r) => s + r.count, 0),
    participants: rows.reduce((s, r) => s + r.participants, 0),
    byCity: sum((r) => r.cityId),
    byDirection: sum((r) => r.direction),
  };
}

export interface PeriodCampaign {
  id: string;
  title: string;
  deadline: string;
  status: string;
  asked: number;
  answered: string[];
  missing: string[];
}

/** The campaigns whose reporting period overlaps the window, with who answered and who did not. */
export async function campaignsOfPeriod(db: Executor, w: repo.Window): Promise<PeriodCampaign[]> {
  const campaigns = await repo.listCampaignsOverlapping(db, w);
  const answers = await repo.listCampaignAnswers(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => {
    const own = answers.filter((a) => a.campaign_id === c.id);
    return {
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      status: c.status,
      asked: own.length,
      answered: own.filter((a) => Number(a.answered) === 1).map((a) => a.name),
      missing: own.filter((a) => Number(a.answered) !== 1).map((a) => a.name),
    };
  });
}

/** Active organisations asked by campaigns due by `asOf` that never answered any of them. */
export function organisationsNeverAnswering(db: Executor, asOf: string) {
  return repo.listNeverAnswering(db, asOf);
}

/** The cities with a collaboration or an exchange in the window. */
export function citiesActiveInCollaborations(db: Executor, w: repo.Window) {
  return repo.citiesActiveInRecords(db, w);
}

/**
 * The figures of an evaluation (issue 15, point 2): what the system compiles from the
 * records for a period, beside the same for the previous period, and the flags the City
 * Executive Office must act on. This shape is the contract between the compilation
 * (`compile.service.ts`), the figures view (tables and charts), the frozen snapshot of an
 * approved version (`evaluation_version.figures_json`), the comparison of two versions, the
 * exports and the API. Extend it only by adding fields (old snapshots must still render);
 * never rename or remove one.
 *
 * Labels are stored with the figures (Swedish, the report's language) so a snapshot shows
 * the names as they were when it was approved.
 */

import type { PeriodCampaign } from '../collaborations/index.ts';

/** One bar of a breakdown: a stable key (an id, slug or enum value), its label, its count. */
export interface Count {
  key: string;
  label: string;
  value: number;
}

export interface PeriodRange {
  /** Plain dates, both included. */
  start: string;
  end: string;
}

/** One meeting of the chain held (or planned) in the period. */
export interface MeetingFigure {
  id: string;
  year: number;
  hostCityId: string;
  hostName: string;
  theme: string | null;
  status: string;
  programmeItems: number;
  seminars: number;
  /** Delegation size by city, and composition by role (title group), never a private field. */
  delegates: number;
  delegatesByCity: Count[];
  delegatesByRole: Count[];
  outcomes: number;
  /** Outcomes that are actions (follow-ups), and how many of them are closed. */
  followUps: number;
  followUpsClosed: number;
}

/**
 * One campaign of the period as the collaborations module counts it (`campaignsOfPeriod`):
 * how many organisations were asked, those that answered (names), and those that never did.
 */
export type CampaignFigure = PeriodCampaign;

export interface PeriodFigures {
  period: PeriodRange;
  meetings: MeetingFigure[];
  collaborations: {
    total: number;
    /** Started in the period / running through it / ended in it. */
    new: number;
    ongoing: number;
    finished: number;
    byCity: Count[];
    byArea: Count[];
    byOrganisation: Count[];
    byKind: Count[];
    byStatus: Count[];
  };
  exchanges: {
    total: number;
    participants: number;
    byCity: Count[];
    byDirection: Count[];
  };
  campaigns: CampaignFigure[];
  decisions: {
    total: number;
    byKind: Count[];
    items: { id: string; decidedOn: string; title: string; kind: string }[];
  };
  news: { published: number };
  newsletters: { sent: number; recipients: number };
}

/** Something the office must act on. `params` fill the flag's translated sentence. */
export interface Flag {
  kind:
    | 'city-inactive' // a twin city with no activity for two years
    | 'organisation-never-reported' // an organisation that never answered an inventory
    | 'follow-up-open' // a follow-up open for more than one cycle (two years)
    | 'rotation-broken'; // the P3 rotation no longer gives Gothenburg every eighth year
  subject: string;
  params: Record<string, string | number>;
  /** Where it is handled (a workspace path), when there is one place. */
  href?: string;
}

export interface EvaluationFigures {
  /** ISO 8601 UTC time of compilation. */
  compiledAt: string;
  current: PeriodFigures;
  /** The previous period of the same length (or since the previous evaluation), for comparison. */
  previous: PeriodFigures | null;
  flags: Flag[];
}

/** The sections people write; summaryEn is the English summary of the public report. */
export interface EvaluationSections {
  summary: string;
  analysis: string;
  conclusions: string;
  recommendations: string;
  summaryEn: string;
}

export const SECTION_KEYS = [
  'summary',
  'analysis',
  'conclusions',
  'recommendations',
  'summaryEn',
] as const satisfies readonly (keyof EvaluationSections)[];

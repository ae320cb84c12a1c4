import type { PeriodFigures } from './evaluation.figures.ts';

/**
 * The key figures of a report as rows (period and previous period): the Word export's
 * first table, and the placeholder figures view's until the full one is merged.
 */
export type KeyLabel =
  | 'report.fig.meetings'
  | 'report.fig.collaborations'
  | 'report.fig.newCollaborations'
  | 'report.fig.finishedCollaborations'
  | 'report.fig.exchanges'
  | 'report.fig.participants'
  | 'report.fig.decisions'
  | 'report.fig.news'
  | 'report.fig.newsletters';

export function keyFigures(
  current: PeriodFigures,
  previous: PeriodFigures | null,
): { key: string; label: KeyLabel; current: number; previous: number | null }[] {
  const pick: [string, KeyLabel, (p: PeriodFigures) => number][] = [
    ['meetings', 'report.fig.meetings', (p) => p.meetings.length],
    ['collaborations', 'report.fig.collaborations', (p) => p.collaborations.total],
    ['new', 'report.fig.newCollaborations', (p) => p.collaborations.new],
    ['finished', 'report.fig.finishedCollaborations', (p) => p.collaborations.finished],
    ['exchanges', 'report.fig.exchanges', (p) => p.exchanges.total],
    ['participants', 'report.fig.participants', (p) => p.exchanges.participants],
    ['decisions', 'report.fig.decisions', (p) => p.decisions.total],
    ['news', 'report.fig.news', (p) => p.news.published],
    ['newsletters', 'report.fig.newsletters', (p) => p.newsletters.sent],
  ];
  return pick.map(([key, label, f]) => ({
    key,
    label,
    current: f(current),
    previous: previous ? f(previous) : null,
  }));
}

import type { PeriodRange } from './evaluation.figures.ts';

/**
 * The period an evaluation covers (issue 15, point 1), shared by the trigger, the manual
 * start and `vanort evaluation compile`: from the day after the previous evaluation's period
 * ended (or, before the first evaluation, the day after the previous meeting Gothenburg
 * hosted), up to and including the meeting's last day. With neither, eight years back (one
 * turn of the chain of four, P3). The previous period, for comparison, is the same number of
 * days just before it.
 */
export function evaluationPeriod(input: {
  /** The meeting's last day (YYYY-MM-DD). */
  meetingEnd: string;
  previousEvaluationEnd: string | null;
  previousHostedMeetingEnd: string | null;
}): { current: PeriodRange; previous: PeriodRange } {
  const end = input.meetingEnd;
  const after = input.previousEvaluationEnd ?? input.previousHostedMeetingEnd;
  let start = after ? addDays(after, 1) : addDays(addYears(end, -8), 1);
  if (start > end) start = end;
  return { current: { start, end }, previous: previousPeriod({ start, end }) };
}

/** The period of the same number of days just before `period`. */
export function previousPeriod(period: PeriodRange): PeriodRange {
  const days = daysBetween(period.start, period.end) + 1;
  const end = addDays(period.start, -1);
  return { start: addDays(end, -(days - 1)), end };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

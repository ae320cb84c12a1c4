import { describe, expect, it } from 'vitest';
import { addMonths, evaluationPeriod, previousPeriod } from './period.ts';

describe('the period of an evaluation', () => {
  it('starts the day after the previous evaluation ended and ends with the meeting', () => {
    const p = evaluationPeriod({
      meetingEnd: '2027-06-11',
      previousEvaluationEnd: '2019-06-14',
      previousHostedMeetingEnd: '2011-05-20',
    });
    expect(p.current).toEqual({ start: '2019-06-15', end: '2027-06-11' });
    expect(p.previous.end).toBe('2019-06-14');
  });

  it('uses the previous Gothenburg meeting before the first evaluation, else eight years', () => {
    expect(
      evaluationPeriod({
        meetingEnd: '2027-06-11',
        previousEvaluationEnd: null,
        previousHostedMeetingEnd: '2019-06-14',
      }).current.start,
    ).toBe('2019-06-15');
    expect(
      evaluationPeriod({
        meetingEnd: '2027-06-11',
        previousEvaluationEnd: null,
        previousHostedMeetingEnd: null,
      }).current.start,
    ).toBe('2019-06-12');
  });

  it('compares with as many days just before, across a leap year', () => {
    expect(previousPeriod({ start: '2024-03-01', end: '2024-03-31' })).toEqual({
      start: '2024-01-30',
      end: '2024-02-29',
    });
  });

  it('adds months without running past the end of a month', () => {
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-06-11', 3)).toBe('2027-09-11');
  });
});

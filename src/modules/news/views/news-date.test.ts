import { describe, expect, it } from 'vitest';
import { newsDate } from './news-date.ts';
import { currentYear } from '../../../shared/dates.ts';

describe('newsDate', () => {
  it('gives the day in Gothenburg, also just after midnight there', () => {
    expect(newsDate('2026-12-05T23:30:00.000Z', 'sv')).toBe('6 december 2026');
    expect(newsDate('2026-06-30T22:30:00.000Z', 'sv')).toBe('1 juli 2026');
    expect(newsDate('2026-06-30T21:30:00.000Z', 'sv')).toBe('30 juni 2026');
  });
  it('returns unreadable text unchanged', () => {
    expect(newsDate('not a date', 'sv')).toBe('not a date');
  });
});

describe('currentYear', () => {
  it('turns the year at midnight in Gothenburg, not in UTC', () => {
    expect(currentYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(currentYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateRange, formatPlainDate, isPlainDate } from './dates.ts';

describe('dates', () => {
  it('formats a span compactly, the same the second time (memoised), per language', () => {
    const sv = formatDateRange('2019-11-14', '2019-11-15', 'sv');
    expect(sv).toMatch(/^14\s*–\s*15 november 2019$/);
    expect(formatDateRange('2019-11-14', '2019-11-15', 'sv')).toBe(sv);
    expect(formatDateRange('2019-11-14', '2019-11-15', 'en')).toMatch(/November/);
    expect(formatDateRange('2019-11-14', '2020-01-15', 'sv')).toMatch(/2019.*2020/);
    expect(formatDateRange('2019-11-14', null, 'sv')).toBe(formatPlainDate('2019-11-14', 'sv'));
    expect(formatDateRange('2019-11-14', '2019-11-14', 'sv')).toBe('14 november 2019');
  });

  it('knows a real plain date', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('2023-2-1')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, endOfDayInPeriod, periodOf, startOfPeriod, toLocalDate } from '../../domain/calendar/dates.js';

describe('Asia/Shanghai calendar', () => {
  it('puts an instant late on the UTC evening in the next local day and month', () => {
    // 2023-10-31T16:30Z is 2023-11-01 00:30 in Shanghai.
    const instant = Date.parse('2023-10-31T16:30:00Z');
    expect(toLocalDate(instant)).toEqual({ year: 2023, month: 11, day: 1 });
    expect(periodOf(instant)).toBe('2023-11');
    expect(periodOf(instant - 31 * 60_000)).toBe('2023-10');
  });

  it('starts a period at local midnight of its first day', () => {
    expect(new Date(startOfPeriod('2024-03')).toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it('ends "by the 20th" at the end of the local 20th', () => {
    expect(new Date(endOfDayInPeriod('2023-11', 20)).toISOString()).toBe('2023-11-20T16:00:00.000Z');
  });

  it('adds months across year ends in both directions', () => {
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2021-05', -5)).toBe('2020-12');
    expect(addMonths('2020-12', 23)).toBe('2022-11');
  });
});

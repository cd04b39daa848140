import { describe, expect, it } from 'vitest';
import { lineRefusal } from '../../domain/income/lines.js';

describe('a line of income or spending, as the application and the monthly update both check it', () => {
  it('takes a month and an amount not below zero', () => {
    expect(lineRefusal({ kind: 'wages', period: '2026-10', yuan: 1200 })).toBeNull();
    expect(lineRefusal({ kind: 'medical', period: '2026-10', yuan: 0 })).toBeNull();
  });

  it('refuses negative income other than a loss, and negative spending', () => {
    expect(lineRefusal({ kind: 'wages', period: '2026-10', yuan: -1 })).toBe('2026-10 的金额应为不小于0的数字');
    expect(lineRefusal({ kind: 'transfer', period: '2026-10', yuan: -300 })).toBe('2026-10 的金额应为不小于0的数字');
    expect(lineRefusal({ kind: 'medical', period: '2026-10', yuan: -5 })).toBe('2026-10 的金额应为不小于0的数字');
    expect(lineRefusal({ kind: 'wages', period: '2026-10', yuan: Number.NaN })).toBe('2026-10 的金额应为不小于0的数字');
  });

  it('allows a loss in net production and property income [002]', () => {
    expect(lineRefusal({ kind: 'production_net', period: '2026-10', yuan: -1200.5 })).toBeNull();
    expect(lineRefusal({ kind: 'property', period: '2026-10', yuan: -10 })).toBeNull();
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(lineRefusal({ kind: 'wages', period: '2026-13', yuan: 10 })).toBe('月份“2026-13”格式不正确，应为 YYYY-MM');
  });
});

import { describe, expect, it } from 'vitest';
import { divideRounded, formatFen, formatYuan, yuanToFen } from '../../domain/income/money.js';

describe('money in fen', () => {
  it('converts yuan to fen without binary drift', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(10420)).toBe(1_042_000);
    expect(yuanToFen(-350.5)).toBe(-35_050);
  });

  it('rounds a third decimal half up', () => {
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(1.004)).toBe(100);
    expect(yuanToFen(0.145)).toBe(15);
  });

  it('divides to the nearest integer, halves away from zero', () => {
    expect(divideRounded(7, 2)).toBe(4);
    expect(divideRounded(5, 3)).toBe(2);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(-7, 2)).toBe(-4);
    expect(divideRounded(300_000_000 * 12, 9)).toBe(400_000_000);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
  });

  it('formats fen with grouped thousands and two decimals', () => {
    expect(formatFen(948_000)).toBe('9,480.00');
    expect(formatFen(3_050_150)).toBe('30,501.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-123_456_789)).toBe('-1,234,567.89');
    expect(formatYuan(10800)).toBe('10,800');
    expect(formatYuan(4428)).toBe('4,428');
    expect(formatYuan(9576.5)).toBe('9,576.50');
  });
});

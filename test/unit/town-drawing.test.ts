import { describe, expect, it } from 'vitest';
import { drawRefusal, DRAW_MONTHS_BACK } from '../../domain/town/drawing.js';

// 2026-12-02 10:00 in Asia/Shanghai.
const NOW = Date.parse('2026-12-02T02:00:00Z');

describe('drawing a month’s town report at the officer’s asking', () => {
  it('draws a month that has ended, within the last year', () => {
    expect(drawRefusal('2026-11', NOW)).toBeNull();
    expect(drawRefusal('2026-10', NOW)).toBeNull();
    expect(drawRefusal('2025-12', NOW)).toBeNull();
    expect(DRAW_MONTHS_BACK).toBe(12);
  });

  it('refuses this month and later ones, which have not ended, and months older than a year', () => {
    expect(drawRefusal('2026-12', NOW)).toBe('not_ended');
    expect(drawRefusal('2027-01', NOW)).toBe('not_ended');
    expect(drawRefusal('2025-11', NOW)).toBe('too_old');
  });

  it('counts months in Asia/Shanghai: 1 December 00:30 there is still 30 November in UTC', () => {
    const justAfterMidnight = Date.parse('2026-11-30T16:30:00Z');
    expect(drawRefusal('2026-11', justAfterMidnight)).toBeNull();
    expect(drawRefusal('2026-11', justAfterMidnight - 60 * 60 * 1000)).toBe('not_ended');
  });
});

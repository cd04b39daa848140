import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../domain/calendar/dates.js';
import { MONTH_TURN_SPREAD_MS, monthTurnDelayMs } from '../../domain/monitoring/month-turn.js';
import { householdWorkflowId } from '../../workflows/household/definitions.js';

describe('the month turn spread: each household’s moment in the first six hours of the month', () => {
  const ids = Array.from({ length: 50_000 }, (_, i) => householdWorkflowId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));

  it('is the same for a household every time, a whole minute within the window', () => {
    for (const id of ids.slice(0, 1000)) {
      const delay = monthTurnDelayMs(id);
      expect(delay).toBe(monthTurnDelayMs(id));
      expect(delay % 60_000).toBe(0);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(MONTH_TURN_SPREAD_MS);
    }
  });

  it('spreads a 50,000-household county evenly: no hour of the window gets much more than its sixth, no minute more than a few hundred', () => {
    const hours = new Array<number>(6).fill(0);
    const minutes = new Map<number, number>();
    for (const id of ids) {
      const delay = monthTurnDelayMs(id);
      hours[Math.floor(delay / HOUR_MS)]! += 1;
      minutes.set(delay, (minutes.get(delay) ?? 0) + 1);
    }
    for (const n of hours) expect(n / ids.length).toBeGreaterThan(0.15);
    for (const n of hours) expect(n / ids.length).toBeLessThan(0.18);
    expect(minutes.size).toBe(360);
    expect(Math.max(...minutes.values())).toBeLessThan(250);
  });
});

import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { overdueDays } from '../../domain/deadlines/lateness.js';
import { agingBucketOf, overdueAtLeastSince, overdueAtMostAfter } from '../../domain/supervision/aging.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('the overdue board’s aging buckets 逾期时长分档', () => {
  it('puts 0–7 days in the first, 8–30 in the second, 31 and more in the third', () => {
    expect([0, 7, 8, 30, 31, 400].map(agingBucketOf)).toEqual(['upTo7', 'upTo7', 'upTo30', 'upTo30', 'over30', 'over30']);
  });

  it('reads the same in SQL: due_at <= since(n) is overdueDays >= n, due_at > after(n) is overdueDays <= n, at every overdue instant around the edges', () => {
    for (const n of [0, 7, 8, 30, 31]) {
      for (const offset of [-1, 0, 1]) {
        for (const edge of [overdueAtLeastSince(now, n).getTime(), overdueAtMostAfter(now, n).getTime()]) {
          const dueAt = edge + offset;
          // The board counts overdue items only (due_at <= now); before its deadline an item has no overdue days at all.
          if (dueAt > now.getTime()) continue;
          const days = overdueDays(dueAt, now.getTime());
          expect(dueAt <= overdueAtLeastSince(now, n).getTime(), `≥ ${n} at ${offset}`).toBe(days >= n);
          expect(dueAt > overdueAtMostAfter(now, n).getTime(), `≤ ${n} at ${offset}`).toBe(days <= n);
        }
      }
    }
    expect(overdueDays(now.getTime() - 8 * DAY_MS, now.getTime())).toBe(8);
  });
});

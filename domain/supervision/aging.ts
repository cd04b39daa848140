/**
 * The supervisor's aging buckets 逾期时长分档 of open overdue work: up to 7 days,
 * 8 to 30, more than 30. Days are `overdueDays` of domain/deadlines/lateness.ts
 * (whole days from the deadline instant; 0 on the first overdue day), so an item
 * is in a bucket when `min <= overdueDays <= max`. In SQL, `overdueDays >= n`
 * reads `due_at <= now - n days`, and `overdueDays <= n` reads `due_at > now - (n + 1) days`.
 */
import { DAY_MS } from '../calendar/dates.js';

export const AGING_BUCKETS = [
  { key: 'upTo7', min: 0, max: 7 },
  { key: 'upTo30', min: 8, max: 30 },
  { key: 'over30', min: 31, max: null },
] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number]['key'];

/** The bucket of an open item overdue by `days` whole days. */
export const agingBucketOf = (days: number): AgingBucket => AGING_BUCKETS.find((b) => days >= b.min && (b.max === null || days <= b.max))!.key;

/** Deadlines at or before this instant are overdue by at least `days` days at `now`. */
export const overdueAtLeastSince = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/** Deadlines after this instant are overdue by at most `days` days at `now`. */
export const overdueAtMostAfter = (now: Date, days: number): Date => new Date(now.getTime() - (days + 1) * DAY_MS);

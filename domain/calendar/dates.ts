/**
 * Dates on the Asia/Shanghai calendar (UTC+8 all year, no daylight saving).
 * Pure: time is always an argument (epoch milliseconds), never read here.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** A reporting month, `YYYY-MM`. */
export type Period = `${number}-${string}`;

export function toLocalDate(epochMs: number): LocalDate {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant a local date begins (00:00 in Shanghai). Out-of-range days roll over like Date.UTC. */
export function startOfLocalDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) - SHANGHAI_OFFSET_MS;
}

export function formatLocalDate(date: LocalDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function periodOf(epochMs: number): Period {
  const { year, month } = toLocalDate(epochMs);
  return toPeriod(year, month);
}

export function toPeriod(year: number, month: number): Period {
  return `${year}-${pad(month)}` as Period;
}

export function parsePeriod(period: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function addMonths(period: Period, months: number): Period {
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  return toPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** The instant the period's first day begins in Shanghai. */
export function startOfPeriod(period: Period): number {
  const { year, month } = parsePeriod(period);
  return startOfLocalDay({ year, month, day: 1 });
}

/**
 * A deadline "by day N of the month" (N日前): the item is on time until the
 * end of that local day, so the deadline instant is the start of the next day.
 */
export function endOfDayInPeriod(period: Period, day: number): number {
  const { year, month } = parsePeriod(period);
  return startOfLocalDay({ year, month, day }) + DAY_MS;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a local date ends: on time until then (the start of the next local day). */
export function endOfLocalDay(date: LocalDate): number {
  return startOfLocalDay(date) + DAY_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 Sunday … 6 Saturday, as `Date.prototype.getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isValidLocalDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  return [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` (as `formatLocalDate` writes it) to a local date; a day the month does not have is refused. */
export function parseLocalDate(text: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || !isValidLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  return date;
}

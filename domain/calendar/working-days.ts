/**
 * Working days 工作日 on the official calendar (DOMAIN.md §9): Monday to Friday,
 * less the public-holiday rest days 放假, plus the weekend days worked in
 * exchange 调休上班, as the State Council General Office announces them each
 * year. A calendar is data (plain JSON), so a county adds next year's notice
 * without code; domain/work-calendar/ holds the shipped ones.
 */
import { addDays, dayOfWeek, formatLocalDate, parseLocalDate, type LocalDate } from './dates.js';

/** `YYYY-MM-DD` on the Asia/Shanghai calendar. */
export type IsoDate = string;

/** One line of a notice: “春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。” */
export interface NoticeHoliday {
  /** As the notice names it: 春节, 中秋节、国庆节. */
  readonly name: string;
  /** First and last rest day, inclusive; weekend days inside are rest days too. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Weekend days that are working days in exchange. */
  readonly workdays?: readonly IsoDate[];
}

export interface WorkCalendarYear {
  readonly year: number;
  /** The notice as cited on paper: title, number, date. */
  readonly notice: string;
  /**
   * A notice may reach into the end of the year before (2023's New Year
   * holiday began on 2022-12-31); such days count where they fall.
   */
  readonly holidays: readonly NoticeHoliday[];
  /** Weekend days worked 调休上班 held apart from a rest period (a calendar read from its stored days). */
  readonly workdays?: readonly { readonly date: IsoDate; readonly name: string }[];
}

/**
 * What a date in a year the calendar does not hold is:
 * - `error` (the default): a `WorkCalendarGapError` naming the year. A guessed
 *   Spring Festival would mark items overdue while their people are on holiday,
 *   so the gap stops the count until the year's notice is added;
 * - `weekends_only`: Monday to Friday are working days, and every answer that
 *   relied on it says it is provisional.
 */
export type BeyondCoverage = 'error' | 'weekends_only';

export interface WorkCalendar {
  readonly id: string;
  readonly name: string;
  readonly years: readonly WorkCalendarYear[];
  readonly beyondCoverage?: BeyondCoverage;
}

export interface DayStatus {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly weekend: boolean;
  /** The holiday this is a rest day of, or the one a worked weekend day makes up for. */
  readonly holiday?: string;
  /** Judged by the weekday alone: the calendar holds no notice for the year. */
  readonly provisional: boolean;
}

export class WorkCalendarGapError extends RangeError {
  override readonly name = 'WorkCalendarGapError';
  readonly calendarId: string;
  readonly year: number;

  constructor(calendar: WorkCalendar, year: number) {
    const span = coverageOf(calendar);
    const held = span ? `${span.from}–${span.to}` : 'no year';
    super(`work calendar ${calendar.id} holds no notice for ${year} (it holds ${held}): add the State Council notice for ${year}`);
    this.calendarId = calendar.id;
    this.year = year;
  }
}

/** The first and last year the calendar holds, or undefined when it holds none. */
export function coverageOf(calendar: WorkCalendar): { from: number; to: number } | undefined {
  if (calendar.years.length === 0) return undefined;
  const years = calendar.years.map((y) => y.year);
  return { from: Math.min(...years), to: Math.max(...years) };
}

export function coversYear(calendar: WorkCalendar, year: number): boolean {
  return calendar.years.some((y) => y.year === year);
}

export function dayStatus(date: LocalDate, calendar: WorkCalendar): DayStatus {
  const weekday = dayOfWeek(date);
  const weekend = weekday === 0 || weekday === 6;
  if (!coversYear(calendar, date.year)) {
    if ((calendar.beyondCoverage ?? 'error') === 'error') throw new WorkCalendarGapError(calendar, date.year);
    return { date, working: !weekend, weekend, provisional: true };
  }
  const iso = formatLocalDate(date);
  for (const year of calendar.years) {
    for (const holiday of year.holidays) {
      if (iso >= holiday.from && iso <= holiday.to) return { date, working: false, weekend, holiday: holiday.name, provisional: false };
      if (holiday.workdays?.includes(iso)) return { date, working: true, weekend, holiday: holiday.name, provisional: false };
    }
    const worked = year.workdays?.find((w) => w.date === iso);
    if (worked) return { date, working: true, weekend, holiday: worked.name, provisional: false };
  }
  return { date, working: !weekend, weekend, provisional: false };
}

export function isWorkingDay(date: LocalDate, calendar: WorkCalendar): boolean {
  return dayStatus(date, calendar).working;
}

/** The first working day after `date` (not `date` itself). */
export function nextWorkingDay(date: LocalDate, calendar: WorkCalendar): LocalDate {
  return addWorkingDays(date, 1, calendar);
}

/** The last working day before `date` (not `date` itself). */
export function previousWorkingDay(date: LocalDate, calendar: WorkCalendar): LocalDate {
  return addWorkingDays(date, -1, calendar);
}

/** Against malformed data: the longest real run of rest days is 10 (the extended Spring Festival of 2020). */
const MAX_REST_IN_A_ROW = 31;

/**
 * The `n`th working day after `date` (before it when `n` is negative); `date`
 * itself is not counted, so 2 working days from a Friday application is the
 * Tuesday of a plain week. `n = 0` is `date`.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: WorkCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`a number of working days must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = date;
  let restInARow = 0;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) {
      left--;
      restInARow = 0;
    } else if (++restInARow > MAX_REST_IN_A_ROW) {
      throw new RangeError(`work calendar ${calendar.id}: more than ${MAX_REST_IN_A_ROW} rest days in a row around ${formatLocalDate(day)}`);
    }
  }
  return day;
}

/** What is wrong with a calendar's data, in English for whoever maintains it; empty when it is sound. */
export function workCalendarProblems(calendar: WorkCalendar): string[] {
  const problems: string[] = [];
  const where = `work calendar ${calendar.id}`;
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(calendar.id)) problems.push(`${where}: id must be lower-case letters, digits and dashes`);
  if (calendar.name.trim() === '') problems.push(`${where}: a name is required`);
  if (calendar.beyondCoverage !== undefined && !['error', 'weekends_only'].includes(calendar.beyondCoverage)) {
    problems.push(`${where}: beyondCoverage must be error or weekends_only`);
  }

  const years = calendar.years.map((y) => y.year);
  if (new Set(years).size !== years.length) problems.push(`${where}: a year appears twice`);
  const span = coverageOf(calendar);
  if (span) {
    for (let year = span.from; year <= span.to; year++) {
      if (!years.includes(year)) problems.push(`${where}: no notice for ${year} between ${span.from} and ${span.to}`);
    }
  }

  const claimed = new Map<IsoDate, string>();
  const claim = (iso: IsoDate, label: string) => {
    const earlier = claimed.get(iso);
    if (earlier !== undefined) problems.push(`${label}: ${iso} is also given by ${earlier}`);
    else claimed.set(iso, label);
  };
  for (const entry of calendar.years) {
    const label = `${where} ${entry.year}`;
    if (!Number.isInteger(entry.year) || entry.year < 1949) {
      problems.push(`${label}: the year must be a whole year`);
      continue;
    }
    if (entry.notice.trim() === '') problems.push(`${label}: the notice must be cited`);
    const earliest = `${entry.year - 1}-12-01`;
    const latest = `${entry.year}-12-31`;
    for (const holiday of entry.holidays) {
      const name = `${label} ${holiday.name}`;
      if (holiday.name.trim() === '') problems.push(`${label}: a holiday needs its name`);
      const from = dateOrProblem(holiday.from, name, problems);
      const to = dateOrProblem(holiday.to, name, problems);
      if (!from || !to) continue;
      if (holiday.to < holiday.from) {
        problems.push(`${name}: ends before it starts`);
        continue;
      }
      if (holiday.from < earliest || holiday.to > latest) problems.push(`${name}: rest days must fall in ${entry.year} (or its eve)`);
      for (let day = from; formatLocalDate(day) <= holiday.to; day = addDays(day, 1)) claim(formatLocalDate(day), name);
      for (const iso of holiday.workdays ?? []) {
        const workday = dateOrProblem(iso, name, problems);
        if (!workday) continue;
        const weekday = dayOfWeek(workday);
        if (weekday !== 0 && weekday !== 6) problems.push(`${name}: ${iso} is a weekday, not a weekend day worked in exchange`);
        if (iso < earliest || iso > latest) problems.push(`${name}: ${iso} must fall in ${entry.year} (or its eve)`);
        claim(iso, `${name} (worked)`);
      }
    }
    for (const worked of entry.workdays ?? []) {
      const name = `${label} ${worked.name}`;
      const workday = dateOrProblem(worked.date, name, problems);
      if (!workday) continue;
      const weekday = dayOfWeek(workday);
      if (weekday !== 0 && weekday !== 6) problems.push(`${name}: ${worked.date} is a weekday, not a weekend day worked in exchange`);
      claim(worked.date, `${name} (worked)`);
    }
  }
  return problems;
}

function dateOrProblem(iso: IsoDate, label: string, problems: string[]): LocalDate | undefined {
  try {
    return parseLocalDate(iso);
  } catch {
    problems.push(`${label}: ${iso} is not a date (YYYY-MM-DD)`);
    return undefined;
  }
}

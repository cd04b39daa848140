/**
 * The working-day calendar as the database holds it: one row per year whose
 * State Council notice is entered, one row per day it names (a rest day 放假 or
 * a weekend day worked 调休上班). Read into a `WorkCalendar` here, so the
 * deadline rules take it as a value and stay pure. A year without its notice
 * is counted by weekends alone and every deadline in it is provisional.
 */
import { addDays, dayOfWeek, formatLocalDate, isValidLocalDate, parseLocalDate } from './dates.js';
import type { IsoDate, NoticeHoliday, WorkCalendar, WorkCalendarYear } from './working-days.js';

export interface StoredCalendarYear {
  readonly year: number;
  readonly notice: string;
}

export type CalendarDayKind = 'rest' | 'work';

export interface StoredCalendarDay {
  readonly day: IsoDate;
  /** The notice's year (2022-12-31 belongs to the notice for 2023). */
  readonly year: number;
  readonly kind: CalendarDayKind;
  readonly name: string;
}

export const STORED_CALENDAR_ID = 'official-cn-stored';

/** The calendar deadlines are computed on, from the stored rows; years without a notice count weekends alone. */
export function calendarFromRows(years: readonly StoredCalendarYear[], days: readonly StoredCalendarDay[]): WorkCalendar {
  const entries: WorkCalendarYear[] = [...years]
    .sort((a, b) => a.year - b.year)
    .map(({ year, notice }) => {
      const own = days.filter((d) => d.year === year).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      return {
        year,
        notice,
        holidays: restRuns(own.filter((d) => d.kind === 'rest')),
        workdays: own.filter((d) => d.kind === 'work').map((d) => ({ date: d.day, name: d.name })),
      };
    });
  return { id: STORED_CALENDAR_ID, name: '国务院办公厅部分节假日安排', years: entries, beyondCoverage: 'weekends_only' };
}

/** Consecutive rest days of one name as one holiday (春节 15–23 February). */
function restRuns(rest: readonly StoredCalendarDay[]): NoticeHoliday[] {
  const runs: { name: string; from: IsoDate; to: IsoDate }[] = [];
  for (const d of rest) {
    const last = runs.at(-1);
    if (last && last.name === d.name && formatLocalDate(addDays(parseLocalDate(last.to), 1)) === d.day) last.to = d.day;
    else runs.push({ name: d.name, from: d.day, to: d.day });
  }
  return runs;
}

/** Whether a deadline in `year` is provisional: the year's notice is not entered. */
export const isProvisionalYear = (year: number, coveredYears: readonly number[]): boolean => !coveredYears.includes(year);

export type CalendarDayProblem =
  | { readonly kind: 'not_a_date' }
  | { readonly kind: 'outside_year'; readonly year: number }
  | { readonly kind: 'work_on_weekday' }
  | { readonly kind: 'no_name' };

/** What is wrong with a day a person enters for a notice's year, before it reaches the database; undefined when sound. */
export function calendarDayProblem(day: { day: string; year: number; kind: CalendarDayKind; name: string }): CalendarDayProblem | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.day)) return { kind: 'not_a_date' };
  const date = parseLocalDateOrUndefined(day.day);
  if (!date) return { kind: 'not_a_date' };
  if (day.day < `${day.year - 1}-12-01` || day.day > `${day.year}-12-31`) return { kind: 'outside_year', year: day.year };
  const weekday = dayOfWeek(date);
  if (day.kind === 'work' && weekday !== 0 && weekday !== 6) return { kind: 'work_on_weekday' };
  if (day.name.trim() === '') return { kind: 'no_name' };
  return undefined;
}

function parseLocalDateOrUndefined(text: string) {
  try {
    const date = parseLocalDate(text);
    return isValidLocalDate(date) ? date : undefined;
  } catch {
    return undefined;
  }
}

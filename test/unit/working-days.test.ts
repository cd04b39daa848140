import { describe, expect, it } from 'vitest';
import { formatLocalDate, parseLocalDate, type LocalDate } from '../../domain/calendar/dates.js';
import { OFFICIAL_CN_CALENDAR as cal } from '../../domain/calendar/official-cn.js';
import {
  addWorkingDays,
  coverageOf,
  dayStatus,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workCalendarProblems,
  WorkCalendarGapError,
  type WorkCalendar,
} from '../../domain/calendar/working-days.js';

const d = (iso: string): LocalDate => parseLocalDate(iso);
const iso = (date: LocalDate) => formatLocalDate(date);

describe('the official calendar data', () => {
  it('is sound and covers 2020 through 2026', () => {
    expect(workCalendarProblems(cal)).toEqual([]);
    expect(coverageOf(cal)).toEqual({ from: 2020, to: 2026 });
    for (const year of cal.years) expect(year.notice).toMatch(new RegExp(`国务院办公厅关于${year.year}年部分节假日安排的通知（国办发明电〔${year.year - 1}〕\\d+号`));
  });

  it('survives a round trip through JSON, as a county would store it', () => {
    const stored: WorkCalendar = JSON.parse(JSON.stringify(cal));
    expect(stored).toEqual(cal);
    expect(iso(addWorkingDays(d('2023-09-28'), 2, stored))).toBe('2023-10-08');
  });

  it('gives each year the days less weekends less statutory holidays (11 until 2024, 13 from 2025)', () => {
    const workingDays = (year: number) => {
      let n = 0;
      for (let day = d(`${year}-01-01`); day.year === year; day = nextDay(day)) if (isWorkingDay(day, cal)) n++;
      return n;
    };
    // A statutory day on a weekend is given back on a weekday, and worked weekend days pay for the bridges,
    // so the count is fixed: 2020 366−104−11 = 251 less 2 for the extended Spring Festival; 2022 and 2023
    // have 105 weekend days.
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026].map(workingDays)).toEqual([249, 250, 249, 249, 251, 248, 248]);
  });
});

describe('working days 工作日', () => {
  it('tells weekdays, weekends, holidays and worked weekend days apart (2023 National Day)', () => {
    expect(isWorkingDay(d('2023-05-19'), cal)).toBe(true); // Friday
    expect(isWorkingDay(d('2023-05-20'), cal)).toBe(false); // Saturday
    expect(isWorkingDay(d('2023-09-28'), cal)).toBe(true); // Thursday before the holiday
    for (const day of ['2023-09-29', '2023-10-02', '2023-10-06']) expect(isWorkingDay(d(day), cal)).toBe(false);
    expect(dayStatus(d('2023-10-02'), cal)).toMatchObject({ working: false, weekend: false, holiday: '中秋节、国庆节', provisional: false });
    expect(dayStatus(d('2023-10-07'), cal)).toMatchObject({ working: true, weekend: true, holiday: '中秋节、国庆节' });
    expect(isWorkingDay(d('2023-10-08'), cal)).toBe(true);
    expect(isWorkingDay(d('2023-10-14'), cal)).toBe(false);
  });

  it('holds the 2020 Spring Festival as extended: 31 January to 2 February off, Saturday 1 February not worked', () => {
    expect(isWorkingDay(d('2020-01-19'), cal)).toBe(true);
    expect(isWorkingDay(d('2020-01-31'), cal)).toBe(false);
    expect(isWorkingDay(d('2020-02-01'), cal)).toBe(false);
    expect(iso(nextWorkingDay(d('2020-01-23'), cal))).toBe('2020-02-03');
  });

  it('reads a notice that reaches into the year before: 2022-12-31 belongs to the 2023 New Year holiday', () => {
    expect(dayStatus(d('2022-12-31'), cal)).toMatchObject({ working: false, holiday: '元旦' });
    expect(isWorkingDay(d('2023-01-02'), cal)).toBe(false); // Monday
    expect(iso(nextWorkingDay(d('2022-12-30'), cal))).toBe('2023-01-03');
  });

  it('keeps the Spring Festival eve of 2024 a working day, as the notice only encourages rest', () => {
    expect(isWorkingDay(d('2024-02-09'), cal)).toBe(true);
    expect(iso(nextWorkingDay(d('2024-02-09'), cal))).toBe('2024-02-18'); // a worked Sunday
  });

  it('steps to the next and previous working day, never answering the day itself', () => {
    expect(iso(nextWorkingDay(d('2023-05-19'), cal))).toBe('2023-05-22');
    expect(iso(nextWorkingDay(d('2023-05-22'), cal))).toBe('2023-05-23');
    expect(iso(nextWorkingDay(d('2023-09-28'), cal))).toBe('2023-10-07');
    expect(iso(previousWorkingDay(d('2023-10-07'), cal))).toBe('2023-09-28');
    expect(iso(previousWorkingDay(d('2023-05-22'), cal))).toBe('2023-05-19');
  });

  it('adds working days from the next day on: a Friday application before a worked weekend', () => {
    // 2023-04-21 is a Friday; Saturday 22 April rests, Sunday 23 April is worked for Labour Day.
    expect(iso(addWorkingDays(d('2023-04-21'), 2, cal))).toBe('2023-04-24');
    // 2021-09-17 is a Friday; Saturday 18 September is worked, 19–21 September is the Mid-Autumn holiday.
    expect(iso(addWorkingDays(d('2021-09-17'), 1, cal))).toBe('2021-09-18');
    expect(iso(addWorkingDays(d('2021-09-17'), 2, cal))).toBe('2021-09-22');
    // A plain week: Friday + 2 is Tuesday.
    expect(iso(addWorkingDays(d('2023-03-10'), 2, cal))).toBe('2023-03-14');
  });

  it('counts backwards, takes 0 as the day itself, and refuses fractions', () => {
    expect(iso(addWorkingDays(d('2023-10-09'), -1, cal))).toBe('2023-10-08');
    expect(iso(addWorkingDays(d('2023-10-09'), -3, cal))).toBe('2023-09-28');
    expect(iso(addWorkingDays(d('2023-10-01'), 0, cal))).toBe('2023-10-01');
    expect(() => addWorkingDays(d('2023-10-01'), 1.5, cal)).toThrow(RangeError);
  });

  it('crosses into the next year with 15 working days over the 2024 New Year', () => {
    // 2023-12-20 (Wednesday) + 15: 21, 22, 25–29 December (7), 2–5 January (11), 8–11 January (15).
    expect(iso(addWorkingDays(d('2023-12-20'), 15, cal))).toBe('2024-01-11');
  });
});

describe('a year the calendar does not hold', () => {
  it('is refused with a RangeError naming the year and what is held', () => {
    expect(() => isWorkingDay(d('2027-03-01'), cal)).toThrow(RangeError);
    expect(() => isWorkingDay(d('2019-12-31'), cal)).toThrow(/2019.*2020–2026/);
    try {
      addWorkingDays(d('2026-12-30'), 3, cal);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkCalendarGapError);
      expect(error).toMatchObject({ year: 2027, calendarId: 'official-cn' });
    }
    expect(iso(addWorkingDays(d('2026-12-29'), 2, cal))).toBe('2026-12-31');
    const { beyondCoverage, ...unsaid } = cal;
    expect(beyondCoverage).toBe('error');
    expect(() => isWorkingDay(d('2027-03-01'), unsaid)).toThrow(WorkCalendarGapError);
  });

  it('is judged by weekends alone, marked provisional, when the calendar says so', () => {
    const lenient: WorkCalendar = { ...cal, beyondCoverage: 'weekends_only' };
    expect(dayStatus(d('2027-02-08'), lenient)).toEqual({ date: d('2027-02-08'), working: true, weekend: false, provisional: true });
    expect(isWorkingDay(d('2027-02-06'), lenient)).toBe(false);
    expect(iso(addWorkingDays(d('2026-12-30'), 3, lenient))).toBe('2027-01-04');
    expect(dayStatus(d('2026-12-30'), lenient).provisional).toBe(false);
  });
});

describe('calendar checks', () => {
  it('reports a worked weekday, a reversed span, a missing year and a day given twice', () => {
    const broken: WorkCalendar = {
      id: 'broken',
      name: '测试',
      years: [
        { year: 2030, notice: '测试', holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01', workdays: ['2030-01-02'] }] },
        {
          year: 2032,
          notice: '测试',
          holidays: [
            { name: '春节', from: '2032-02-12', to: '2032-02-10' },
            { name: '清明节', from: '2032-04-03', to: '2032-04-05' },
            { name: '劳动节', from: '2032-04-05', to: '2032-04-06' },
            { name: '端午节', from: '2032-06-31', to: '2032-06-31' },
          ],
        },
      ],
    };
    const problems = workCalendarProblems(broken);
    expect(problems).toContain('work calendar broken 2030 元旦: 2030-01-02 is a weekday, not a weekend day worked in exchange');
    expect(problems).toContain('work calendar broken: no notice for 2031 between 2030 and 2032');
    expect(problems).toContain('work calendar broken 2032 春节: ends before it starts');
    expect(problems).toContain('work calendar broken 2032 劳动节: 2032-04-05 is also given by work calendar broken 2032 清明节');
    expect(problems).toContain('work calendar broken 2032 端午节: 2032-06-31 is not a date (YYYY-MM-DD)');
  });
});

function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

import { describe, expect, it } from 'vitest';
import { endOfDayInPeriod, formatLocalDate, type Period } from '../../domain/calendar/dates.js';
import {
  cadenceItemKindNames,
  describeRule,
  explainDue,
  explainShift,
  occurrenceTitle,
} from '../../domain/deadlines/messages.js';
import { dueAt, dueDate, resolveDue, type DeadlineRule, type PeriodicRule } from '../../domain/deadlines/rules.js';
import { cadenceProblems, DUE_ITEM_KINDS, nextDeadline, nextDue, occurrenceFor, occurrencesBetween, type Cadence, type CadenceItem } from '../../domain/deadlines/cadence.js';
import { DEFAULT_CADENCE } from '../../domain/policy/defaults.js';
import { cadenceOf, policyProfiles } from '../../domain/policy/index.js';
import { OFFICIAL_CN_CALENDAR as cal } from '../../domain/calendar/official-cn.js';
import { WorkCalendarGapError, type WorkCalendar } from '../../domain/calendar/working-days.js';

const utc = (ms: number) => new Date(ms).toISOString();
/** An instant given in Shanghai local time. */
const local = (text: string) => Date.parse(`${text}+08:00`);
const cadence = (id: string): Cadence => cadenceOf(policyProfiles[id]![0]!);
const item = (id: string, kind: string): CadenceItem => {
  const found = cadence(id).find((i) => i.kind === kind);
  if (!found) throw new Error(`${id} has no ${kind}`);
  return found;
};

describe('a deadline is the end of the due local day in Shanghai', () => {
  it('ends “by the 20th” of November 2023 at 2023-11-20T16:00Z, as endOfDayInPeriod', () => {
    const rule: PeriodicRule = { kind: 'day_of_month', day: 20 };
    expect(utc(dueAt(rule, '2023-11', cal))).toBe('2023-11-20T16:00:00.000Z');
    expect(dueAt(rule, '2023-11', cal)).toBe(endOfDayInPeriod('2023-11', 20));
    expect(dueDate(rule, '2023-11', cal)).toEqual({ year: 2023, month: 11, day: 20 });
  });

  it('agrees with the monthly update deadline older code computes, for every county and month', () => {
    for (const [id, [profile]] of Object.entries(policyProfiles)) {
      const update = cadenceOf(profile!).find((i) => i.kind === 'monthly_update')!;
      for (let month = 1; month <= 12; month++) {
        const period = `2024-${String(month).padStart(2, '0')}` as Period;
        expect(dueAt(update.rule, period, cal), `${id} ${period}`).toBe(endOfDayInPeriod(period, profile!.monthlyUpdateDay));
      }
    }
  });

  it('takes day 31 as the month’s last day', () => {
    const rule: PeriodicRule = { kind: 'day_of_month', day: 31 };
    expect(formatLocalDate(dueDate(rule, '2024-02', cal))).toBe('2024-02-29');
    expect(formatLocalDate(dueDate(rule, '2023-04', cal))).toBe('2023-04-30');
  });
});

describe('shifting off a rest day', () => {
  const by20 = (shift: 'none' | 'next_working_day' | 'previous_working_day'): PeriodicRule => ({ kind: 'day_of_month', day: 20, shift });

  it('keeps Saturday 2023-05-20 without a shift, moves it to Monday or back to Friday with one', () => {
    expect(utc(dueAt(by20('none'), '2023-05', cal))).toBe('2023-05-20T16:00:00.000Z');
    expect(utc(dueAt(by20('next_working_day'), '2023-05', cal))).toBe('2023-05-22T16:00:00.000Z');
    expect(utc(dueAt(by20('previous_working_day'), '2023-05', cal))).toBe('2023-05-19T16:00:00.000Z');
    expect(resolveDue(by20('next_working_day'), '2023-05', cal).movedBecause).toEqual({ kind: 'weekend' });
    expect(resolveDue(by20('next_working_day'), '2023-06', cal).movedBecause).toBeUndefined(); // a Tuesday
  });

  it('explains the move in Chinese', () => {
    expect(explainShift(resolveDue(by20('next_working_day'), '2022-03', cal))).toBe('3月20日为星期日，顺延至3月21日');
    expect(explainShift(resolveDue(by20('previous_working_day'), '2023-05', cal))).toBe('5月20日为星期六，提前至5月19日');
    expect(explainShift(resolveDue(by20('none'), '2023-05', cal))).toBeUndefined();
    expect(explainDue(resolveDue(by20('next_working_day'), '2023-05', cal))).toBe('截止2023年5月22日（星期一）24时。5月20日为星期六，顺延至5月22日');
  });

  it('moves a town report due on the 3rd across the 2023 National Day holiday to the worked Saturday', () => {
    const report: PeriodicRule = { kind: 'day_of_next_month', day: 3, shift: 'next_working_day' };
    const due = resolveDue(report, '2023-09', cal);
    expect(formatLocalDate(due.nominal)).toBe('2023-10-03');
    expect(formatLocalDate(due.date)).toBe('2023-10-07');
    expect(utc(due.at)).toBe('2023-10-07T16:00:00.000Z');
    expect(due.movedBecause).toEqual({ kind: 'holiday', name: '中秋节、国庆节' });
    expect(explainShift(due)).toBe('10月3日为中秋节、国庆节假期，顺延至10月7日（星期六，调休上班）');
    expect(formatLocalDate(dueDate({ ...report, shift: 'previous_working_day' }, '2023-09', cal))).toBe('2023-09-28');
  });
});

describe('working days after an event', () => {
  const twoWorkingDays: DeadlineRule = { kind: 'working_days_after', days: 2 };

  it('gives an application on Friday 2023-04-21 until the end of Monday 24 April (Sunday 23 April is worked)', () => {
    const due = resolveDue(twoWorkingDays, local('2023-04-21T16:30:00'), cal);
    expect(formatLocalDate(due.date)).toBe('2023-04-24');
    expect(utc(due.at)).toBe('2023-04-24T16:00:00.000Z');
    expect(due.countedFrom).toEqual({ year: 2023, month: 4, day: 21 });
  });

  it('counts from the Shanghai day: 00:30 on Friday in Shanghai is still Thursday in UTC', () => {
    expect(formatLocalDate(dueDate(twoWorkingDays, local('2023-04-20T23:30:00'), cal))).toBe('2023-04-23');
    expect(formatLocalDate(dueDate(twoWorkingDays, local('2023-04-21T00:30:00'), cal))).toBe('2023-04-24');
  });

  it('skips the whole National Day holiday and lands on the worked Sunday 2023-10-08', () => {
    const due = resolveDue(twoWorkingDays, local('2023-09-28T10:00:00'), cal);
    expect(formatLocalDate(due.date)).toBe('2023-10-08');
    expect(explainDue(due)).toBe('截止2023年10月8日（星期日）24时。自2023年9月28日次日起计算');
  });

  it('counts calendar days for a public notice and may shift its last day', () => {
    const notice: DeadlineRule = { kind: 'days_after', days: 7 };
    expect(formatLocalDate(dueDate(notice, local('2023-09-25T09:00:00'), cal))).toBe('2023-10-02');
    expect(formatLocalDate(dueDate({ ...notice, shift: 'next_working_day' }, local('2023-09-25T09:00:00'), cal))).toBe('2023-10-07');
  });

  it('refuses to mix anchors: a period rule needs a period, an event rule an instant', () => {
    expect(() => dueAt({ kind: 'day_of_month', day: 20 } as DeadlineRule, local('2023-05-01T00:00:00'), cal)).toThrow(TypeError);
    expect(() => dueAt(twoWorkingDays, '2023-05', cal)).toThrow(TypeError);
  });
});

describe('the seeds’ items', () => {
  it('Mile [001]: the December 2023 report is due by 2024-01-03; December 2021’s falls on the New Year holiday', () => {
    const report = item('mile', 'town_monthly_report');
    expect(utc(dueAt(report.rule, '2023-12', cal))).toBe('2024-01-03T16:00:00.000Z');
    expect(formatLocalDate(dueDate(report.rule, '2021-12', cal))).toBe('2022-01-03');
    expect(formatLocalDate(dueDate({ ...report.rule, shift: 'next_working_day' }, '2021-12', cal))).toBe('2022-01-04');
    expect(occurrenceFor(report, '2023-12', cal)).toMatchObject({ period: '2023-12', periodKey: '2023-12', key: 'town_monthly_report:town:2023-12' });
  });

  it('Boluo [000]: the medical tally is due by the end of 中旬, 2023-12-20, and only for 2021–2025', () => {
    const tally = item('boluo', 'medical_tally');
    const due = occurrenceFor(tally, '2023-03', cal);
    expect(due).toMatchObject({ period: '2023-01', periodKey: '2023', key: 'medical_tally:department:医保局:2023' });
    expect(utc(due.at)).toBe('2023-12-20T16:00:00.000Z');
    expect(utc(nextDue(tally, local('2025-01-01T00:00:00'), cal)!.at)).toBe('2025-12-20T16:00:00.000Z');
    expect(nextDue(tally, local('2025-12-21T00:00:00'), cal)).toBeUndefined();
    expect(occurrenceTitle(due)).toBe('2023年度脱贫人口就医数据核算');
  });

  it('Xinfeng [003]: the employment ledger falls in the first month of each quarter, by the 20th', () => {
    const ledger = item('xinfeng', 'employment_ledger');
    expect(formatLocalDate(dueDate(ledger.rule, '2023-05', cal))).toBe('2023-04-20');
    const year = occurrencesBetween([ledger], local('2023-01-01T00:00:00'), local('2024-01-01T00:00:00'), cal);
    expect(year.map((o) => formatLocalDate(o.date))).toEqual(['2023-01-20', '2023-04-20', '2023-07-20', '2023-10-20']);
    expect(year.map((o) => o.periodKey)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
    expect(occurrenceTitle(year[1]!)).toBe('2023年第二季度脱贫劳动力就业台账');
    expect(describeRule(ledger.rule)).toBe('每季度首月20日前');
  });

  it('Xinfeng [003]: 人社局’s summary and the town screening are due by the last day of the quarter', () => {
    expect(formatLocalDate(dueDate(item('xinfeng', 'hrss_quarter_summary').rule, '2023-02', cal))).toBe('2023-03-31');
    expect(formatLocalDate(dueDate(item('xinfeng', 'town_quarterly_screening').rule, '2023-05', cal))).toBe('2023-06-30');
  });

  it('Mile [001] and Suyuan [004]: the fixed dates come once, in the document’s year', () => {
    const inPlace = item('mile', 'measures_in_place');
    expect(utc(nextDue(inPlace, local('2020-05-28T12:00:00'), cal)!.at)).toBe('2020-06-30T16:00:00.000Z');
    expect(nextDue(inPlace, local('2020-07-01T00:00:00'), cal)).toBeUndefined();
    const counts = occurrencesBetween(cadence('suyuan'), local('2022-09-01T00:00:00'), local('2022-09-30T00:00:00'), cal).filter(
      (o) => o.item.kind === 'assistance_count_report',
    );
    expect(counts.map((o) => [o.item.who, formatLocalDate(o.date)])).toEqual([
      ['town', '2022-09-20'],
      ['department', '2022-09-20'],
    ]);
  });
});

describe('what is due next, for a workflow that sleeps until the next deadline', () => {
  it('returns every item due at the earliest instant: Mile’s visit and its measures both end June 2020', () => {
    const next = nextDeadline(cadence('mile'), local('2020-06-21T00:00:00'), cal)!;
    expect(utc(next.at)).toBe('2020-06-30T16:00:00.000Z');
    expect(next.due.map((o) => o.item.kind)).toEqual(['monthly_visit', 'measures_in_place']);
  });

  it('never returns a deadline at or before `after`, so chaining on `at` meets each occurrence once', () => {
    const update = item('xinfeng', 'monthly_update');
    const deadline = dueAt(update.rule, '2023-05', cal);
    expect(nextDue(update, deadline - 1, cal)!.period).toBe('2023-05');
    expect(nextDue(update, deadline, cal)!.period).toBe('2023-06');
    const shifted: CadenceItem = { ...update, rule: { kind: 'day_of_month', day: 20, shift: 'next_working_day' } };
    const monday = dueAt(shifted.rule, '2023-05', cal);
    expect(utc(monday)).toBe('2023-05-22T16:00:00.000Z');
    expect(nextDue(shifted, monday - 1, cal)!.period).toBe('2023-05');
    expect(nextDue(shifted, monday, cal)!.period).toBe('2023-06');
  });

  it('walks a year of Xinfeng’s cadence one wake-up at a time and meets what occurrencesBetween lists', () => {
    const from = local('2023-01-01T00:00:00');
    const to = local('2024-01-01T00:00:00');
    const met: string[] = [];
    for (let next = nextDeadline(cadence('xinfeng'), from, cal); next && next.at <= to; next = nextDeadline(cadence('xinfeng'), next.at, cal)) {
      met.push(...next.due.map((o) => o.key));
    }
    const listed = occurrencesBetween(cadence('xinfeng'), from, to, cal);
    expect(met).toEqual(listed.map((o) => o.key));
    // 12 visits, updates and comparisons; 4 screenings, 8 exports, 4 ledgers, 4 summaries.
    expect(listed).toHaveLength(12 * 3 + 4 * 5);
    expect(new Set(met).size).toBe(met.length);
  });

  it('finds the occurrence of an earlier period whose shifted deadline is still ahead', () => {
    // The December 2019 report (day 28 of the next month, shifted) moves from 28 January 2020 over the
    // extended Spring Festival to 3 February: after 1 February it is still the next one due.
    const late: CadenceItem = { kind: 'town_monthly_report', who: 'town', every: 'month', rule: { kind: 'day_of_next_month', day: 28, shift: 'next_working_day' } };
    const next = nextDue(late, local('2020-02-01T12:00:00'), cal)!;
    expect(next.period).toBe('2019-12');
    expect(formatLocalDate(next.date)).toBe('2020-02-03');
  });

  it('returns nothing when every item has ended', () => {
    const ended: Cadence = [item('mile', 'measures_in_place')];
    expect(nextDeadline(ended, local('2021-01-01T00:00:00'), cal)).toBeUndefined();
  });
});

describe('a year outside the calendar', () => {
  const shifted: PeriodicRule = { kind: 'day_of_month', day: 20, shift: 'next_working_day' };

  it('refuses a shifted deadline in 2027 with a RangeError naming the year', () => {
    expect(() => dueAt(shifted, '2027-03', cal)).toThrow(WorkCalendarGapError);
    expect(() => dueAt(shifted, '2027-03', cal)).toThrow(/2027/);
    expect(() => dueAt({ kind: 'working_days_after', days: 2 }, local('2026-12-31T10:00:00'), cal)).toThrow(RangeError);
  });

  it('still answers rules that need no working days', () => {
    expect(utc(dueAt({ kind: 'day_of_month', day: 20 }, '2027-03', cal))).toBe('2027-03-20T16:00:00.000Z');
    expect(utc(nextDeadline(DEFAULT_CADENCE, local('2031-05-01T00:00:00'), cal)!.at)).toBe('2031-05-20T16:00:00.000Z');
  });

  it('gives a provisional answer by weekends alone when the calendar allows it, and says so', () => {
    const lenient: WorkCalendar = { ...cal, beyondCoverage: 'weekends_only' };
    const due = resolveDue(shifted, '2027-03', lenient);
    expect(formatLocalDate(due.date)).toBe('2027-03-22');
    expect(due.provisional).toBe(true);
    expect(explainDue(due)).toContain('2027年放假安排尚未录入');
    expect(resolveDue(shifted, '2026-03', lenient).provisional).toBe(false);
  });
});

describe('cadence checks and names', () => {
  it('finds the shipped cadences sound and names every kind in Chinese', () => {
    for (const id of Object.keys(policyProfiles)) expect(cadenceProblems(cadence(id)), id).toEqual([]);
    for (const kind of DUE_ITEM_KINDS) expect(cadenceItemKindNames[kind]).toMatch(/\p{Script=Han}/u);
  });

  it('reports a rule that does not fit the recurrence, an impossible date, a relative rule and a duplicate', () => {
    const bad = [
      { kind: 'employment_ledger', who: 'town', every: 'quarter', rule: { kind: 'day_of_month', day: 20 } },
      { kind: 'medical_tally', who: 'department', every: 'year', rule: { kind: 'date_in_year', month: 2, day: 29 } },
      { kind: 'monthly_update', who: 'village', every: 'month', rule: { kind: 'working_days_after', days: 2 } },
      { kind: 'monthly_visit', who: 'village', every: 'month', rule: { kind: 'day_of_month', day: 31 }, from: '2023-01' },
      { kind: 'monthly_visit', who: 'village', every: 'month', rule: { kind: 'day_of_month', day: 25 }, to: '2023-06' },
    ] as unknown as Cadence;
    expect(cadenceProblems(bad)).toEqual([
      'item 1 (employment_ledger by town): a day_of_month rule does not fit an item due every quarter',
      'item 2 (medical_tally by department): date_in_year: 2-29 is not a date every year has',
      'item 3 (monthly_update by village): a working_days_after rule does not fit an item due every month',
      'items 4 and 5: monthly_visit by village appears twice for the same months',
    ]);
  });

  it('describes rules in words', () => {
    expect(describeRule({ kind: 'day_of_month', day: 20 })).toBe('每月20日前');
    expect(describeRule({ kind: 'day_of_next_month', day: 3, shift: 'next_working_day' })).toBe('次月3日前（遇节假日顺延至下一个工作日）');
    expect(describeRule({ kind: 'date_in_year', month: 6, day: 30 })).toBe('每年6月30日前');
    expect(describeRule({ kind: 'day_in_quarter', monthOfQuarter: 3, day: 31 })).toBe('每季度最后一个月月底前');
    expect(describeRule({ kind: 'working_days_after', days: 2 })).toBe('2个工作日内');
  });
});

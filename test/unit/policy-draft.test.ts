import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../domain/calendar/dates.js';
import { calendarDayProblem, calendarFromRows } from '../../domain/calendar/stored.js';
import { addWorkingDays, dayStatus } from '../../domain/calendar/working-days.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { suyuanV1 } from '../../domain/policy/counties/suyuan.js';
import { profileDiff } from '../../domain/policy/diff.js';
import { checkDraft, effectiveMonthProblem } from '../../domain/policy/draft.js';

describe('a draft policy version', () => {
  it('passes the profile checks as shipped, and names in Chinese two lines of one kind that overlap', () => {
    expect(checkDraft(shifanV1)).toMatchObject({ ok: true });
    const overlapping = { ...shifanV1, thresholds: [...shifanV1.thresholds, { ...shifanV1.thresholds.at(-1)!, from: '2026-06' }] };
    expect(checkDraft(overlapping)).toEqual({ ok: false, problems: ['两条监测标准的执行期重叠（2026-01起和2026-06起），同一时间只能有一条'] });
    expect(checkDraft({ ...shifanV1, eliminationClocks: { steps: { town_audit: 0 } } })).toEqual({ ok: false, problems: ['工作日时限应为1到60之间的整数'] });
  });

  it('refuses a version that starts after its fixed income window’s year, and a window with its months or year missing, in Chinese', () => {
    const suyuanLater = { ...suyuanV1, effectiveFrom: '2027-01' };
    expect(checkDraft(suyuanV1)).toMatchObject({ ok: true });
    expect(checkDraft(suyuanLater)).toEqual({ ok: false, problems: ['收入测算期（2021-10至2022-06已采集的月收入）只用于测算2022年度收入，本版本自2027-01起执行，请设定本版本适用的收入测算期'] });
    expect(checkDraft({ ...suyuanLater, incomeWindow: { kind: 'trailing', months: 12 } })).toMatchObject({ ok: true });
    const blank = checkDraft({ ...suyuanV1, incomeWindow: { kind: 'fixed', from: '', to: '', projectsYear: null } });
    expect(blank).toEqual({ ok: false, problems: ['收入测算期不完整：请选择测算方式；固定月份的，填写起止月份（YYYY-MM，结束不早于开始）和推算年度'] });
    expect(checkDraft({ ...shifanV1, incomeWindow: { kind: 'trailing', months: 0 } })).toMatchObject({ ok: false });
  });

  it('takes effect in a later month; an earlier one only with a reason; never in a month that has a version', () => {
    const versions = [{ version: 1, effectiveFrom: '2021-01' }];
    expect(effectiveMonthProblem('2027-01', '2026-12', versions, undefined)).toBeUndefined();
    expect(effectiveMonthProblem('2026-12', '2026-12', versions, undefined)).toContain('不是以后的月份');
    expect(effectiveMonthProblem('2026-12', '2026-12', versions, '  ')).toContain('不是以后的月份');
    expect(effectiveMonthProblem('2026-12', '2026-12', versions, '文件更正')).toBeUndefined();
    expect(effectiveMonthProblem('2021-01', '2026-12', versions, '文件更正')).toBe('2021-01已有第1版政策生效，同一个月只能有一个版本，请选择其他月份');
  });

  it('differs from the version in force only where a field differs, whatever the order of its keys', () => {
    const reordered = JSON.parse(JSON.stringify({ ...shifanV1, thresholds: shifanV1.thresholds.map((r) => Object.fromEntries(Object.entries(r).reverse())) }));
    expect(profileDiff(shifanV1, reordered)).toEqual([]);
    expect(profileDiff(shifanV1, { ...shifanV1, publicNoticeDays: 5 })).toEqual([{ label: '公示天数', before: '7天', after: '5天' }]);
  });
});

describe('the calendar read from its stored days', () => {
  const calendar = calendarFromRows(
    [{ year: 2027, notice: '测试通知' }],
    [
      { day: '2027-02-06', year: 2027, kind: 'work', name: '春节' },
      { day: '2027-02-08', year: 2027, kind: 'rest', name: '春节' },
      { day: '2027-02-09', year: 2027, kind: 'rest', name: '春节' },
    ],
  );

  it('counts a rest day as no working day and a worked Saturday as one; a year without its notice by weekends, provisionally', () => {
    expect(calendar.years[0]!.holidays).toEqual([{ name: '春节', from: '2027-02-08', to: '2027-02-09' }]);
    expect(dayStatus(parseLocalDate('2027-02-06'), calendar)).toMatchObject({ working: true, holiday: '春节', provisional: false });
    expect(addWorkingDays(parseLocalDate('2027-02-05'), 2, calendar)).toEqual(parseLocalDate('2027-02-10'));
    expect(dayStatus(parseLocalDate('2028-02-07'), calendar)).toMatchObject({ working: true, provisional: true });
  });

  it('refuses a worked weekday and a day outside the notice’s year before it is stored', () => {
    expect(calendarDayProblem({ day: '2027-02-03', year: 2027, kind: 'work', name: '春节' })).toEqual({ kind: 'work_on_weekday' });
    expect(calendarDayProblem({ day: '2026-11-30', year: 2027, kind: 'rest', name: '元旦' })).toEqual({ kind: 'outside_year', year: 2027 });
    expect(calendarDayProblem({ day: '2026-12-31', year: 2027, kind: 'rest', name: '元旦' })).toBeUndefined();
    expect(calendarDayProblem({ day: '2027-02-29', year: 2027, kind: 'rest', name: '春节' })).toEqual({ kind: 'not_a_date' });
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../domain/calendar/dates.js';
import { OFFICIAL_CN_CALENDAR } from '../../domain/calendar/official-cn.js';
import { calendarFromRows } from '../../domain/calendar/stored.js';
import { dayStatus, workCalendarProblems } from '../../domain/calendar/working-days.js';
import { workCalendarRepo } from '../../db/repositories/work-calendar.js';
import { useApiOnly } from '../helpers/stack.js';

/** The working-day calendar as data: seeded with the notices of 2020–2026, extended by the county bureau. */
const stack = useApiOnly();

const dayCount = async () => Number((await stack.t.db.selectFrom('calendar_days').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the working-day calendar in PostgreSQL', () => {
  it('holds 2020–2026 as the notices give them: every day of those years reads as on the shipped calendar', async () => {
    const repo = workCalendarRepo(stack.t.db);
    const stored = calendarFromRows(await repo.years(), await repo.days());
    expect(workCalendarProblems(stored)).toEqual([]);
    expect(stored.years.map((y) => [y.year, y.notice])).toEqual(OFFICIAL_CN_CALENDAR.years.map((y) => [y.year, y.notice]));
    for (let ms = Date.parse('2020-01-01T00:00:00Z'); ms <= Date.parse('2026-12-31T00:00:00Z'); ms += 86_400_000) {
      const date = parseLocalDate(new Date(ms).toISOString().slice(0, 10));
      const { working, holiday } = dayStatus(date, stored);
      const shipped = dayStatus(date, OFFICIAL_CN_CALENDAR);
      expect({ working, holiday }).toEqual({ working: shipped.working, holiday: shipped.holiday });
    }
  });

  it('lets the county bureau enter 2027’s notice and days, refuses a day entered twice in Chinese and writes nothing, and keeps 2028 provisional', async () => {
    const { api } = stack;
    const token = await api.login('xian.xczx');
    const before = await api.call('GET', '/calendar?from=2026&to=2028', { token });
    expect(before.body.years.map((y: { year: number; provisional: boolean }) => [y.year, y.provisional])).toEqual([
      [2026, false],
      [2027, true],
      [2028, true],
    ]);
    expect(before.body.years[1].provisionalNote).toBe('2027年放假安排尚未录入，暂按周六、周日休息推算，以国务院办公厅通知为准');

    const early = await api.call('POST', '/calendar/days', { token, body: { day: '2027-01-01', kind: 'rest', name: '元旦' } });
    expect(early).toMatchObject({ status: 400, body: { message: '请先录入2027年的国务院办公厅通知，再逐日添加放假和调休上班日' } });

    const notice = '国务院办公厅关于2027年部分节假日安排的通知（测试数据）';
    const year = await api.call('POST', '/calendar/years', { token, body: { year: 2027, notice, days: [{ day: '2027-01-01', kind: 'rest', name: '元旦' }] } });
    expect(year).toMatchObject({ status: 201, body: { year: 2027, added: 1 } });
    const count = await dayCount();

    const twice = await api.call('POST', '/calendar/days', { token, body: { day: '2027-01-01', kind: 'rest', name: '元旦' } });
    expect(twice).toMatchObject({ status: 409, body: { message: '2027-01-01已经录入（元旦放假），同一天不能录入两次' } });
    const twiceInOne = await api.call('POST', '/calendar/years', {
      token,
      body: { year: 2028, notice: '测试', days: [{ day: '2028-01-01', kind: 'rest', name: '元旦' }, { day: '2028-01-01', kind: 'rest', name: '元旦' }] },
    });
    expect(twiceInOne).toMatchObject({ status: 400, body: { message: '2028-01-01在本次录入中出现了两次，同一天只能录入一次' } });
    const weekday = await api.call('POST', '/calendar/days', { token, body: { day: '2027-02-03', kind: 'work', name: '春节' } });
    expect(weekday).toMatchObject({ status: 400, body: { message: '2027-02-03：调休上班日应为星期六或星期日' } });
    const notADay = await api.call('POST', '/calendar/days', { token, body: { day: '2027-02-30', kind: 'rest', name: '春节' } });
    expect(notADay.status).toBe(400);
    expect(notADay.body.message).toContain('日期格式不正确');
    const again = await api.call('POST', '/calendar/years', { token, body: { year: 2027, notice } });
    expect(again).toMatchObject({ status: 409, body: { message: expect.stringContaining('2027年的放假安排已经录入') } });
    expect(await dayCount()).toBe(count);

    const worked = await api.call('POST', '/calendar/days', { token, body: { day: '2027-02-06', kind: 'work', name: '春节' } });
    expect(worked.status).toBe(201);
    const cadre = await api.login('cun.donggang');
    expect((await api.call('POST', '/calendar/days', { token: cadre, body: { day: '2027-05-01', kind: 'rest', name: '劳动节' } })).status).toBe(403);

    const after = await api.call('GET', '/calendar?from=2027&to=2028', { token: cadre });
    expect(after.body.years).toEqual([
      { year: 2027, notice, provisional: false, provisionalNote: null, days: [{ day: '2027-01-01', kind: 'rest', name: '元旦' }, { day: '2027-02-06', kind: 'work', name: '春节' }] },
      { year: 2028, notice: null, provisional: true, provisionalNote: expect.stringContaining('2028年'), days: [] },
    ]);
  });

  it('marks a deadline in a year without its notice provisional in the deadline register', async () => {
    const { api, t } = stack;
    const item = (key: string, dueAt: string) => ({ item_key: key, kind: 'county_data_comparison', county_id: '990101', due_at: new Date(dueAt), opened_at: new Date('2026-11-01T00:00:00+08:00') });
    await t.owner.insertInto('due_items').values([item('calendar-2026', '2026-12-21T00:00:00+08:00'), item('calendar-2028', '2028-01-21T00:00:00+08:00')]).execute();
    const token = await api.login('xian.xczx');
    const page = await api.call('GET', '/due-items?limit=200', { token });
    const flags = Object.fromEntries(page.body.items.filter((i: { key: string }) => i.key.startsWith('calendar-')).map((i: { key: string; provisional: boolean }) => [i.key, i.provisional]));
    expect(flags).toEqual({ 'calendar-2026': false, 'calendar-2028': true });
  });

  it('never lets a day once entered be changed or removed, by the app or the owner', async () => {
    const { t } = stack;
    await expect(sql`update calendar_days set name = name`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from calendar_days`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`update calendar_years set notice = notice`.execute(t.owner)).rejects.toThrow(/append-only/);
    await expect(sql`delete from calendar_days where day = '2027-01-01'`.execute(t.owner)).rejects.toThrow(/append-only/);
  });
});

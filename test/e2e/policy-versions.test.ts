import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addMonths, periodOf } from '../../domain/calendar/dates.js';
import { shifanV1, shifanV2 } from '../../domain/policy/counties/shifan.js';
import type { ThresholdRow } from '../../domain/policy/profile.js';
import { useApiOnly } from '../helpers/stack.js';

/** The county bureau keeps the county's policy versions: draft, check, publish; stored versions never change. */
const stack = useApiOnly();

const current = periodOf(Date.now());
const next = addMonths(current, 1);
const nextYear = Number(next.slice(0, 4));

/** The demo profile in force (its shipped v2, from 2026-12) with one more monitoring line from next month on, the one before it closed the month before. */
function withLine(yuan: number): Record<string, unknown> {
  const thresholds: ThresholdRow[] = shifanV2.thresholds.map((row) => (row.to === undefined ? { ...row, to: current } : row));
  thresholds.push({ ...thresholds.at(-1)!, from: next, to: undefined, yuanPerPersonYear: yuan, meaning: `示范县${nextYear}年防止返贫监测标准（演示数据）` } as ThresholdRow);
  return { ...shifanV2, thresholds: thresholds.map((r) => JSON.parse(JSON.stringify(r))) };
}

const versionCount = async () => Number((await stack.t.db.selectFrom('policy_profiles').select((eb) => eb.fn.countAll().as('n')).where('id', '=', 'shifan').executeTakeFirstOrThrow()).n);

describe('policy versions', () => {
  it('checks a draft with a changed threshold, shows the change in words, publishes it from next month, and leaves the months before on the version in force', async () => {
    const { api } = stack;
    const token = await api.login('xian.xczx');
    const listed = await api.call('GET', '/policy/versions', { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ profileId: 'shifan', countyName: '示范县', currentPeriod: current, versions: [
        { version: 1, effectiveFrom: '2021-01', published: false },
        { version: 2, effectiveFrom: '2026-12', published: false },
      ],
    });
    expect(listed.body.shipped.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['xuwen', 'mile', 'shifan']));

    const checked = await api.call('POST', '/policy/versions/check', { token, body: { body: withLine(11880), effectiveFrom: next } });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ version: 3, effectiveFrom: next, ok: true, problems: [], monthProblem: null });
    expect(checked.body.changes).toEqual(
      expect.arrayContaining([
        { label: `监测标准（${next}起）`, before: '无', after: `11880元/人·年，低于即纳入，${next}至长期` },
        expect.objectContaining({ label: '监测标准（2026-01起）', after: `11520元/人·年，低于即纳入，2026-01至${current}` }),
      ]),
    );
    expect(await versionCount()).toBe(2);

    const published = await api.call('POST', '/policy/versions', { token, body: { body: withLine(11880), effectiveFrom: next } });
    expect(published).toMatchObject({ status: 201, body: { version: 3, effectiveFrom: next, message: `第3版政策已发布，自${next}起执行` } });

    const before = await api.call('GET', `/policy/profile?period=${current}`, { token });
    expect(before.body).toMatchObject({ version: 2, effectiveFrom: '2026-12' });
    expect(before.body.body.thresholds).toEqual(JSON.parse(JSON.stringify(shifanV2.thresholds)));
    const after = await api.call('GET', `/policy/profile?period=${next}`, { token });
    expect(after.body).toMatchObject({ version: 3, effectiveFrom: next });
    expect(after.body.body.thresholds.at(-1)).toMatchObject({ from: next, yuanPerPersonYear: 11880 });
    const row = await stack.t.db.selectFrom('policy_profiles as p').innerJoin('users as u', 'u.id', 'p.published_by').select(['u.username', 'p.correction_reason']).where('p.version', '=', 3).executeTakeFirstOrThrow();
    expect(row).toEqual({ username: 'xian.xczx', correction_reason: null });
  });

  it('refuses a second version for a month that has one, and a month already begun unless it is a correction with its reason', async () => {
    const { api } = stack;
    const token = await api.login('xian.xczx');
    const same = await api.call('POST', '/policy/versions', { token, body: { body: withLine(11990), effectiveFrom: next } });
    expect(same).toMatchObject({ status: 400, body: { message: `${next}已有第3版政策生效，同一个月只能有一个版本，请选择其他月份` } });

    const lastMonth = addMonths(current, -1);
    const past = await api.call('POST', '/policy/versions', { token, body: { body: withLine(11990), effectiveFrom: lastMonth } });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain(`生效月份${lastMonth}不是以后的月份`);
    const blankReason = await api.call('POST', '/policy/versions', { token, body: { body: withLine(11990), effectiveFrom: '2025-06', correctionReason: '   ' } });
    expect(blankReason.status).toBe(400);
    expect(await versionCount()).toBe(3);

    const correction = await api.call('POST', '/policy/versions', { token, body: { body: { ...shifanV1, publicNoticeDays: 5 }, effectiveFrom: '2025-06', correctionReason: '公示天数按县政府2025年5月文件更正为5天' } });
    expect(correction).toMatchObject({ status: 201, body: { version: 4, effectiveFrom: '2025-06' } });
    const stored = await stack.t.db.selectFrom('policy_profiles').select(['correction_reason']).where('id', '=', 'shifan').where('version', '=', 4).executeTakeFirstOrThrow();
    expect(stored.correction_reason).toBe('公示天数按县政府2025年5月文件更正为5天');
    expect((await api.call('GET', '/policy/profile?period=2025-06', { token })).body).toMatchObject({ version: 4 });
    expect((await api.call('GET', '/policy/profile?period=2025-05', { token })).body).toMatchObject({ version: 1 });
  });

  it('gives the checks’ problems in Chinese and writes nothing for bad input; other roles may not publish', async () => {
    const { api } = stack;
    const token = await api.login('xian.xczx');
    const bad = withLine(-5);
    const checked = await api.call('POST', '/policy/versions/check', { token, body: { body: { ...bad, monthlyUpdateDay: 31 }, effectiveFrom: addMonths(next, 1) } });
    expect(checked.body).toMatchObject({ ok: false });
    expect(checked.body.problems).toEqual([`监测标准（${next}起）的金额应为大于0的数字，最多保留到分`, '月度信息更新截止日应为每月都有的日子（1日至28日）']);
    const refused = await api.call('POST', '/policy/versions', { token, body: { body: bad, effectiveFrom: addMonths(next, 1) } });
    expect(refused).toMatchObject({ status: 400, body: { message: `政策配置有1处问题，请修改后再发布：监测标准（${next}起）的金额应为大于0的数字，最多保留到分` } });
    // The what-if of the same draft is refused with the same words (not the parser's).
    const whatIf = await api.call('POST', '/policy/versions/what-if', { token, body: { body: bad, effectiveFrom: addMonths(next, 1) } });
    expect(whatIf).toMatchObject({ status: 400, body: { message: `政策配置有1处问题，请修改后再发布：监测标准（${next}起）的金额应为大于0的数字，最多保留到分` } });
    const unchanged = await api.call('POST', '/policy/versions/check', { token, body: { body: withLine(11880), effectiveFrom: addMonths(next, 1) } });
    expect(unchanged.body.changes).toEqual([]);
    expect(unchanged.body).toMatchObject({ ok: false, problems: ['新版本与现行版本完全相同，无需发布'] });
    const notMonth = await api.call('POST', '/policy/versions', { token, body: { body: withLine(11990), effectiveFrom: '2027-13' } });
    expect(notMonth.status).toBe(400);
    expect(notMonth.body.message).toContain('月份格式');

    const cadre = await api.login('cun.donggang');
    const forbidden = await api.call('POST', '/policy/versions', { token: cadre, body: { body: withLine(11990), effectiveFrom: addMonths(next, 1) } });
    expect(forbidden).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“维护政策版本”' } });
    expect(await versionCount()).toBe(4);
  });

  it('starts a new version from a shipped profile', async () => {
    const { api } = stack;
    const token = await api.login('xian.xczx');
    const xuwen = await api.call('GET', '/policy/shipped/xuwen', { token });
    expect(xuwen.body).toMatchObject({ id: 'xuwen', countyName: '徐闻县' });
    const checked = await api.call('POST', '/policy/versions/check', { token, body: { body: xuwen.body.body, effectiveFrom: addMonths(next, 2) } });
    expect(checked.body).toMatchObject({ ok: true, version: 5 });
    expect(checked.body.changes.map((c: { label: string }) => c.label)).toEqual(expect.arrayContaining(['认定程序', '收入测算期', '政策文件']));
    expect(checked.body.changes.map((c: { label: string }) => c.label)).not.toContain('县（市）名称');
    expect((await api.call('GET', '/policy/shipped/nowhere', { token })).status).toBe(404);
    expect((await api.call('GET', '/policy/shipped/constructor', { token })).status).toBe(404);
  });

  it('keeps every stored version as it is: the app’s role and the owner are both refused an update or a delete', async () => {
    const { t } = stack;
    await expect(sql`update policy_profiles set body = body where id = 'shifan'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from policy_profiles where id = 'shifan'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`update policy_profiles set effective_from = '2030-01' where id = 'shifan' and version = 2`.execute(t.owner)).rejects.toThrow(/append-only/);
    await expect(sql`delete from policy_profiles where id = 'shifan' and version = 2`.execute(t.owner)).rejects.toThrow(/append-only/);
    // A version published past the API without its reason is refused by the database too.
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    await expect(
      t.db.insertInto('policy_profiles').values({ id: 'shifan', version: 9, effective_from: '2024-03', county_name: '示范县', body: JSON.stringify(shifanV1), published_by: user.id }).execute(),
    ).rejects.toThrow(/without a correction reason/);
    expect(await versionCount()).toBe(4);
  });
});

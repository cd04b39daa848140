import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays, formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { CHECK_ITEMS } from '../../domain/campaigns/checklist.js';
import { campaignsRepo } from '../../db/repositories/campaigns.js';
import { campaignInput } from '../../api/services/campaigns.js';
import { campaignWorkflowId } from '../../workflows/campaign/definitions.js';
import { runsOf } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping', api: true });
const DAY = 24 * 60 * 60 * 1000;
const EAST_VILLAGE = '990101001201'; // 东岗村, 东城镇
const RIVER_VILLAGE = '990101001202'; // 河口村, 东城镇
const RIDGE_VILLAGE = '990101002201'; // 岭上村, 西岭镇

async function households(village: string, town: string, n: number, category: 'lifted_out' | 'marginal' = 'lifted_out'): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ county_id: '990101', town_id: town, village_id: village, address: `${village}-${i}号`, head_name: `户主${village.slice(-3)}${i}`, category }));
  const inserted = await stack.t.db.insertInto('households').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

/** Runs calls a few at a time, as cadres in several villages would. */
async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 10) await Promise.all(items.slice(i, i + 10).map(each));
}

describe('a special inspection campaign 专项督查 from definition to the county-wide notice 通报', () => {
  it('checks on time and late, problems rectified, one rectification overdue and escalated, and the notice names exactly the laggards', async () => {
    const { t, env, api } = stack;
    const east = await households(EAST_VILLAGE, '990101001', 100);
    const river = await households(RIVER_VILLAGE, '990101001', 50);
    const ridge = await households(RIDGE_VILLAGE, '990101002', 100);
    await households(EAST_VILLAGE, '990101001', 5, 'marginal');

    const leader = await api.login('lingdao');
    const cadre = await api.login('cun.donggang');
    const criteria = { categories: ['lifted_out'] };
    expect(await api.call('POST', '/campaigns/preview', { token: cadre, body: { areaId: '990101', criteria } })).toMatchObject({ status: 403 });
    expect(await api.call('POST', '/campaigns/preview', { token: leader, body: { areaId: '990101', criteria } })).toMatchObject({ status: 200, body: { count: 250 } });
    const none = await api.call('POST', '/campaigns', {
      token: leader,
      body: { areaId: '990101', name: '空', reason: '无', criteria: { riskCause: 'disaster' }, checklist: ['visit'], responsible: 'village', dueWorkingDays: 5 },
    });
    expect(none).toMatchObject({ status: 409, body: { message: '按所选条件没有符合的农户，不能启动督查' } });
    expect(await t.db.selectFrom('inspection_campaigns').select('id').execute()).toEqual([]);

    const launched = await api.call('POST', '/campaigns', {
      token: leader,
      body: { areaId: '990101', name: '收入骤减户专项督查', reason: '部分脱贫户收入大幅下降', criteria, checklist: [...CHECK_ITEMS], responsible: 'village', dueWorkingDays: 5 },
    });
    expect(launched).toMatchObject({ status: 202, body: { cohort: 250 } });
    const id = launched.body.id as string;
    const dueAt = Date.parse(launched.body.dueAt as string);
    await eventually(async () => {
      const campaign = await campaignsRepo(t.db).findById(id);
      expect(campaign).toMatchObject({ status: 'open', fanned_out: 250 });
    });
    const items = await t.db.selectFrom('due_items').select(['household_id', 'village_id']).where('kind', '=', 'campaign_check').execute();
    expect(items).toHaveLength(250);
    expect(items.filter((i) => i.village_id === EAST_VILLAGE)).toHaveLength(100);
    expect((await api.call('GET', '/notifications', { token: cadre })).body.items.map((n: { kind: string }) => n.kind)).toContain('campaign.launched');

    const today = toLocalDate(await env.currentTimeMs());
    const inDays = (n: number) => formatLocalDate(addDays(today, n));
    const check = (token: string, householdId: string, problems: unknown[] = [], checked: readonly string[] = CHECK_ITEMS) =>
      api.call('POST', `/campaigns/${id}/checks/${householdId}`, { token, body: { checked, problems } });

    const incomplete = await check(cadre, east[0]!, [], ['visit']);
    expect(incomplete).toMatchObject({ status: 400, body: { message: expect.stringContaining('核实收入') } });
    expect(await check(cadre, ridge[0]!)).toMatchObject({ status: 403 });

    // 东城镇: every check on time; two problems in 东岗村, rectified on time.
    const problem = (kind: string, by: string) => ({ kind, description: '家中务工人员失业，收入下降较多', rectifyBy: by });
    expect(await check(cadre, east[0]!, [problem('income_drop', inDays(10)), problem('weak_measures', inDays(10))])).toMatchObject({ status: 200, body: { late: false, problems: 2 } });
    await inBatches(east.slice(1), async (h) => void expect((await check(cadre, h)).status).toBe(200));
    const hekou = await api.login('cun.hekou');
    await inBatches(river, async (h) => void expect((await check(hekou, h)).status).toBe(200));
    expect(await check(cadre, east[1]!)).toMatchObject({ status: 409, body: { message: '该户已核查，不能重复提交' } });
    const found = await api.call('GET', `/campaigns/${id}/checks/${east[0]}`, { token: cadre });
    expect(found.body.problems).toHaveLength(2);
    for (const p of found.body.problems as { id: string }[]) {
      const done = await api.call('POST', `/campaigns/${id}/problems/${p.id}/rectify`, { token: cadre, body: { whatWasDone: '已落实公益性岗位', date: inDays(0), documents: [{ title: '岗位协议' }] } });
      expect(done).toMatchObject({ status: 200, body: { late: false } });
    }

    // 西岭镇: 90 checked on time (one problem never rectified), 10 after the deadline.
    const xiling = await api.login('zhen.xiling');
    expect(await check(xiling, ridge[0]!, [problem('drinking_water', inDays(5))])).toMatchObject({ status: 200, body: { problems: 1 } });
    await inBatches(ridge.slice(1, 90), async (h) => void expect((await check(xiling, h)).status).toBe(200));

    const live = await api.call('GET', `/campaigns/${id}`, { token: leader });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(live.body.towns.map((u: { name: string; behind: boolean; checkedPercent: number }) => [u.name, u.behind, u.checkedPercent])).toEqual([
      ['东城镇', false, 100],
      ['西岭镇', false, 90],
    ]);

    await env.sleep(dueAt - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => {
      const overdue = await t.db.selectFrom('due_items').select('id').where('kind', '=', 'campaign_check').where('status', '=', 'open').where('overdue_at', 'is not', null).execute();
      expect(overdue).toHaveLength(10);
    });
    const ridgeInbox = await t.db.selectFrom('notifications').select(['kind', 'body']).where('recipient_jurisdiction_id', '=', RIDGE_VILLAGE).execute();
    expect(ridgeInbox.find((n) => n.kind === 'campaign.checks_overdue')?.body).toContain('尚有10户');
    await inBatches(ridge.slice(90), async (h) => void expect((await check(xiling, h)).body).toMatchObject({ late: true }));

    // The unrectified problem: reminded, overdue at its date, escalated to the supervisors a week later.
    await env.sleep(8 * DAY);
    await eventually(async () => {
      const open = await t.db.selectFrom('campaign_problems').select(['escalation_level', 'status']).where('household_id', '=', ridge[0]!).executeTakeFirstOrThrow();
      expect(open).toEqual({ escalation_level: 2, status: 'open' });
    });
    const kinds = (await t.db.selectFrom('notifications').select('kind').where('kind', 'like', 'campaign.rectify%').execute()).map((n) => n.kind).sort();
    // Only the open one was reminded (the two others were rectified the day they were found).
    expect(kinds).toEqual(['campaign.rectify_escalated', 'campaign.rectify_overdue', 'campaign.rectify_reminder']);
    const supervisor = await api.login('ducha');
    expect((await api.call('GET', '/notifications', { token: supervisor })).body.items.map((n: { kind: string }) => n.kind)).toContain('campaign.rectify_escalated');
    const overdueBoard = await api.call('GET', '/due-items?state=overdue&kind=campaign_rectification', { token: supervisor });
    expect(overdueBoard.body.items.map((i: { household: { id: string } }) => i.household.id)).toEqual([ridge[0]]);

    expect(await api.call('POST', `/campaigns/${id}/notice`, { token: cadre })).toMatchObject({ status: 403 });
    const published = await api.call('POST', `/campaigns/${id}/notice`, { token: leader });
    expect(published.status).toBe(200);
    const report = published.body.report;
    expect(report).toMatchObject({ cohort: 250, checked: 250, checkedLate: 10, unchecked: 0, problems: 3, rectified: 2, open: 1 });
    expect(report.laggards.towns.map((u: { name: string }) => u.name)).toEqual(['西岭镇']);
    expect(report.laggards.towns[0]).toMatchObject({ checkedLate: 10, openOverdue: 1, checkedOnTime: 90 });
    expect(report.laggards.departments).toEqual([]);
    expect(published.body.body).toContain('西岭镇：应核查100户，按时核查90户，逾期核查10户');
    expect(published.body.body).not.toContain('东城镇：');

    const workbook = await fetch(`${api.base}/api/campaigns/${id}/notice.xlsx`, { headers: { authorization: `Bearer ${leader}` } });
    expect(workbook.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await workbook.arrayBuffer());
    const lines = book.getWorksheet('通报')!.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(lines[0]).toBe('关于“收入骤减户专项督查”专项督查情况的通报');
    expect(lines.filter((l) => l.includes('：应核查')).map((l) => l.split('：')[0])).toEqual(['西岭镇']);
    const units = book.getWorksheet('各单位情况')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(units).toContainEqual(['西岭镇', 100, 90, 10, 0, 1, 0, 0, 1, 0, '滞后']);
    expect(units).toContainEqual(['东城镇', 150, 150, 0, 0, 2, 2, 0, 0, 0, '正常']);

    const townInbox = await api.call('GET', '/notifications', { token: await api.login('zhen.dongcheng') });
    expect(townInbox.body.items.find((n: { kind: string }) => n.kind === 'campaign.notice')?.title).toBe('关于“收入骤减户专项督查”专项督查情况的通报');
    const departmentInbox = await api.call('GET', '/notifications', { token: await api.login('bumen.mz') });
    expect(departmentInbox.body.items.map((n: { kind: string }) => n.kind)).toContain('campaign.notice');
    const result = await env.client.workflow.getHandle(campaignWorkflowId(id)).result();
    expect(result.report?.laggards.towns.map((u: { name: string | null }) => u.name)).toEqual(['西岭镇']);
    expect(await api.call('POST', `/campaigns/${id}/notice`, { token: leader })).not.toMatchObject({ status: 200 });
    // A hundred households through a campaign: well inside a minute on an idle machine, several on one as busy as CI's (load 27).
  }, 300_000);

  it('fans a cohort out page by page, continuing as new after the pages of a run, so no run grows with the cohort', async () => {
    const { t, env } = stack;
    await households('990101003201', '990101003', 230);
    const lead = await t.db.selectFrom('users').select('id').where('username', '=', 'lingdao').executeTakeFirstOrThrow();
    const now = new Date(await env.currentTimeMs());
    const campaign = await campaignsRepo(t.db).launch({
      countyId: '990101',
      area: { id: '990101003', level: 'town' },
      name: '南溪乡排查',
      reason: '测试分页',
      criteria: {},
      checklist: ['visit'],
      responsible: 'town',
      departmentId: null,
      definedBy: lead.id,
      launchedAt: now,
      dueAt: new Date(now.getTime() + 10 * DAY),
    });
    expect(campaign.cohort_count).toBe(230);
    await env.client.workflow.start('campaignWorkflow', { taskQueue: stack.taskQueue, workflowId: campaignWorkflowId(campaign.id), args: [campaignInput(campaign, { pageSize: 20, pagesPerRun: 3 })] });
    await eventually(async () => expect(await campaignsRepo(t.db).findById(campaign.id)).toMatchObject({ status: 'open', fanned_out: 230 }));
    const items = await t.db.selectFrom('due_items').select(['village_id', 'town_id']).where('item_key', 'like', `campaign:${campaign.id}:check:%`).execute();
    expect(items).toHaveLength(230);
    expect(items.every((i) => i.village_id === null && i.town_id === '990101003')).toBe(true);
    const runs = await runsOf(env.client, campaignWorkflowId(campaign.id));
    // 12 pages of 20, 3 a run: the first 3 runs hand over, the 4th fans out the rest and watches.
    expect(runs.filter((r) => r.continuedAsNew)).toHaveLength(3);
    expect(Math.max(...runs.map((r) => r.events))).toBeLessThan(60);
  });
});

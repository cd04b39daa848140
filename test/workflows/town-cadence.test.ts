import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, endOfDayInPeriod, formatLocalDate, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { occurrencePeriod, periodKeyOf } from '../../domain/deadlines/cadence.js';
import {
  completeTownItem,
  getTownState,
  submitTownReport,
  townWorkflowId,
  type TownWorkflowInput,
} from '../../workflows/town/definitions.js';
import type { townWorkflow } from '../../workflows/town/workflow.js';
import { ensureCadenceWorkflows } from '../../worker/cadence-workflows.js';
import { countyWorkflowId } from '../../workflows/county/definitions.js';
import { actorOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping', api: true });
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const COUNTY = '990101';
const DONGCHENG = '990101001';
const XILING = '990101002';

async function sleepUntil(at: number): Promise<void> {
  const wait = at - (await stack.env.currentTimeMs());
  if (wait > 0) await stack.env.sleep(wait);
}

async function startTown(townId: string): Promise<WorkflowHandle<typeof townWorkflow>> {
  const input: TownWorkflowInput = { version: 1, townId, countyId: COUNTY };
  return stack.env.client.workflow.start<typeof townWorkflow>('townWorkflow', { taskQueue: stack.taskQueue, workflowId: townWorkflowId(townId), args: [input] });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause;
}

/** A household written straight into the database with the file entries that moved its stage. */
async function householdWith(place: { townId: string; villageId: string }, headName: string, stage: string, createdAt: number, events: Array<[kind: string, at: number]>) {
  const { db } = stack.t;
  const row = await db
    .insertInto('households')
    .values({ county_id: COUNTY, town_id: place.townId, village_id: place.villageId, group_id: null, address: `${headName}家`, head_name: headName, category: 'marginal', stage, created_at: new Date(createdAt) })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [kind, at] of events) {
    await db
      .insertInto('household_events')
      .values({ household_id: row.id, event_key: `${row.id}:${kind}:${at}`, kind, actor_user_id: null, occurred_at: new Date(at), payload: '{}' })
      .execute();
  }
  return row.id;
}

/** Every string and payload in a value (a workflow's history), as text. */
function textOf(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join('\n');
  return '';
}

const townItems = (townId: string, kind?: string) => {
  let query = stack.t.db.selectFrom('due_items').selectAll().where('town_id', '=', townId).where('household_id', 'is', null);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('due_at').orderBy('kind').execute();
};
const inbox = (key: string) => stack.t.db.selectFrom('notifications').selectAll().where('due_item_key', '=', key).orderBy('notification_key').execute();

describe('a town’s monthly report of risk and risk-eliminated households, by the 3rd of the next month [001]', () => {
  it('runs a year: drafts generated each month, submitted on time, one late, one never (overdue, the town and the county told)', async () => {
    const { t, env, api } = stack;
    const started = await env.currentTimeMs();
    const current = periodOf(started);
    // The report of last month is still open until the end of the 3rd.
    const first: Period = started < endOfDayInPeriod(current, 3) ? addMonths(current, -1) : current;
    const periods = Array.from({ length: 12 }, (_, i) => addMonths(first, i));
    const [late, never] = [periods[1]!, periods[6]!];
    const dueOf = (period: Period) => endOfDayInPeriod(addMonths(period, 1), 3);

    // In the first month: one household becomes a monitoring object, one is marked eliminated; one was identified long before; one is in another town.
    const inMonth = startOfPeriod(first) + 12 * HOUR;
    const longAgo = startOfPeriod(addMonths(first, -10));
    const dongGang = { townId: DONGCHENG, villageId: '990101001201' };
    const identified = await householdWith(dongGang, '王新纳', 'monitoring', longAgo, [['identification.approved', inMonth]]);
    const eliminated = await householdWith({ townId: DONGCHENG, villageId: '990101001202' }, '李消除', 'eliminated', longAgo, [
      ['identification.approved', longAgo + DAY],
      ['elimination.confirmed', inMonth + HOUR],
    ]);
    const old = await householdWith(dongGang, '张长期', 'monitoring', longAgo, [['identification.approved', longAgo + DAY]]);
    await householdWith({ townId: XILING, villageId: '990101002201' }, '赵外镇', 'monitoring', longAgo, [['identification.approved', inMonth]]);

    const handle = await startTown(DONGCHENG);
    const firstRun = (await handle.describe()).runId;
    const [town, otherTown, county] = await Promise.all(['zhen.dongcheng', 'zhen.xiling', 'xian.xczx'].map((u) => actorOf(t.db, u)));
    const tokens = { town: await api.login('zhen.dongcheng'), otherTown: await api.login('zhen.xiling'), county: await api.login('xian.xczx') };

    try {
      for (const period of periods) {
        await sleepUntil(startOfPeriod(addMonths(period, 1)) + HOUR);
        await eventually(async () => expect((await handle.query(getTownState)).reports.map((r) => r.period)).toContain(period));

        if (period === first) {
          const draft = await api.call('GET', `/towns/${DONGCHENG}/reports/${first}`, { token: tokens.town });
          expect(draft.status).toBe(200);
          expect(draft.body).toMatchObject({ townName: '东城镇', period: first, status: 'draft', overdue: false, counts: { monitoring: 2, newRisk: 1, eliminated: 1 } });
          expect(draft.body.monitoring.map((h: { headName: string }) => h.headName)).toEqual(['王新纳', '张长期']);
          expect(draft.body.newRisk).toEqual([{ householdId: identified, villageId: '990101001201', villageName: '东岗村', headName: '王新纳', how: 'identified', howName: '新识别纳入监测' }]);
          expect(draft.body.eliminated).toEqual([{ householdId: eliminated, villageId: '990101001202', villageName: '河口村', headName: '李消除' }]);
          // Head names are in PostgreSQL only: the workflow knows the counts.
          const history = textOf(await handle.fetchHistory());
          expect(history).toContain('"newRisk":1');
          expect(history).not.toContain('王新纳');
          expect((await handle.query(getTownState)).reports.find((r) => r.period === first)?.draftCounts).toEqual({ monitoring: 2, newRisk: 1, eliminated: 1 });

          // Another town's officer is refused by the workflow's validator and by the API; the county reads only.
          expect(await refusal(applyUpdate(handle, submitTownReport, { args: [{ actor: otherTown!, period: first }] }))).toMatchObject({ type: 'NotAllowed', message: '只能办理本乡镇的事项' });
          expect(await refusal(applyUpdate(handle, submitTownReport, { args: [{ actor: county!, period: first }] }))).toMatchObject({
            type: 'NotAllowed',
            message: '“县乡村振兴局”不能办理“上报月度风险户和风险消除户”',
          });
          expect(await api.call('POST', `/towns/${DONGCHENG}/reports/${first}/submit`, { token: tokens.otherTown, body: {} })).toMatchObject({ status: 403, body: { message: '只能办理本乡镇的事项' } });
          expect((await api.call('POST', `/towns/${DONGCHENG}/reports/${first}/submit`, { token: tokens.county, body: {} })).status).toBe(403);
          expect(
            await api.call('POST', `/towns/${DONGCHENG}/reports/${first}/submit`, {
              token: tokens.town,
              body: { corrections: [{ householdId: old, section: 'eliminated', change: 'remove', reason: '误列' }] },
            }),
          ).toMatchObject({ status: 400, body: { message: `户编号 ${old} 不在“当月风险消除户”名单中，无法删除` } });

          const submitted = await api.call('POST', `/towns/${DONGCHENG}/reports/${first}/submit`, {
            token: tokens.town,
            body: { note: '已逐村核对', corrections: [{ householdId: old, section: 'newRisk', change: 'add', reason: '上月末县级确定，系统录入延迟' }] },
          });
          expect(submitted).toMatchObject({ status: 200, body: { period: first, late: false, counts: { monitoring: 2, newRisk: 2, eliminated: 1 } } });
          const read = await api.call('GET', `/towns/${DONGCHENG}/reports/${first}`, { token: tokens.county });
          expect(read.body).toMatchObject({ status: 'submitted', late: false, note: '已逐村核对', submittedBy: { id: town!.userId, name: '东城镇 乡村振兴办' } });
          expect(read.body.corrections).toEqual([
            expect.objectContaining({ householdId: old, headName: '张长期', section: 'newRisk', sectionName: '当月新增风险户', change: 'add', reason: '上月末县级确定，系统录入延迟' }),
          ]);
          expect(read.body.newRisk.map((h: { headName: string; how: string }) => [h.headName, h.how])).toEqual([
            ['王新纳', 'identified'],
            ['张长期', 'corrected'],
          ]);
          expect((await api.call('POST', `/towns/${DONGCHENG}/reports/${first}/submit`, { token: tokens.town, body: {} })).status).toBe(409);
          // A submitted report is never changed.
          await expect(t.db.updateTable('town_reports').set({ note: '改' }).where('town_id', '=', DONGCHENG).where('period', '=', first).execute()).rejects.toThrow(/never changed/);
          continue;
        }
        if (period === late || period === never) {
          await sleepUntil(dueOf(period) + HOUR);
          await eventually(async () => expect((await townItems(DONGCHENG, 'town_monthly_report')).find((i) => i.period === period)?.overdue_at?.getTime()).toBe(dueOf(period)), {
            timeout: 10_000,
          });
          if (period === late) {
            expect(await applyUpdate(handle, submitTownReport, { args: [{ actor: town!, period, note: '补报' }] })).toMatchObject({ period, late: true });
          }
          continue;
        }
        expect(await applyUpdate(handle, submitTownReport, { args: [{ actor: town!, period }] })).toMatchObject({ period, late: false });
      }
      await sleepUntil(dueOf(periods.at(-1)!) + HOUR);

      // The register: twelve reports, one still open and overdue, one done late.
      const items = await townItems(DONGCHENG, 'town_monthly_report');
      expect(items.map((i) => i.period)).toEqual(periods);
      expect(items.every((i) => i.village_id === null && i.household_id === null && i.county_id === COUNTY)).toBe(true);
      expect(items.filter((i) => i.status === 'open').map((i) => i.period)).toEqual([never]);
      expect(items.filter((i) => i.overdue_at !== null).map((i) => i.period)).toEqual([late, never]);
      const lateItem = items.find((i) => i.period === late)!;
      expect(lateItem).toMatchObject({ status: 'done', done_by: town!.userId });
      expect(lateItem.done_at!.getTime()).toBeGreaterThan(lateItem.due_at.getTime());
      const reports = await t.db.selectFrom('town_reports').selectAll().where('town_id', '=', DONGCHENG).orderBy('period').execute();
      expect(reports.map((r) => [r.period, r.status, r.late])).toEqual(periods.map((p) => [p, p === never ? 'draft' : 'submitted', p === never ? null : p === late]));

      // The town's officers and the county bureau were told of each overdue report, once.
      const neverKey = items.find((i) => i.period === never)!.item_key;
      const told = await inbox(neverKey);
      expect(told.map((n) => [n.recipient_jurisdiction_id, n.recipient_role])).toEqual([
        [COUNTY, 'county_bureau'],
        [DONGCHENG, 'town_officer'],
      ]);
      const due = formatLocalDate(toLocalDate(dueOf(never) - 1));
      const [year, month] = never.split('-');
      expect(told[0]).toMatchObject({ title: '逾期提醒：镇月度风险户和风险消除户上报', body: `东城镇${year}年${Number(month)}月镇月度风险户和风险消除户上报未在 ${due} 前完成，已逾期，请尽快办理` });
      expect(await inbox(lateItem.item_key)).toHaveLength(2);
      const countyInbox = await api.call('GET', '/notifications', { token: tokens.county });
      expect(countyInbox.body.items.map((n: { body: string }) => n.body)).toContain(told[0]!.body);

      // The new year continued as new, carrying the reports and items.
      const state = await handle.query(getTownState);
      expect((await handle.describe()).runId).not.toBe(firstRun);
      expect(state.reports.find((r) => r.period === first)).toMatchObject({ submittedCounts: { monitoring: 2, newRisk: 2, eliminated: 1 }, late: false });
      expect(state.items.find((i) => i.periodKey === never)).toMatchObject({ doneAt: null, overdue: true });
      await keepHistory(env.client, 'town-year', handle.workflowId, firstRun);
    } finally {
      await handle.terminate();
    }
  });
});

describe('a Xinfeng town’s quarterly screening 镇每季 and employment ledger 每季度首月中旬 [003]', () => {
  it('opens them in the register for the town, marks the missed ones overdue, and takes late work across the new year', async () => {
    const { t } = stack;
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'xinfeng' }).where('id', '=', COUNTY).execute();
    const handle = await startTown(XILING);
    try {
      const started = await stack.env.currentTimeMs();
      const quarter = occurrencePeriod('quarter', periodOf(started));
      const next = addMonths(quarter, 3);
      const [thisKey, nextKey] = [periodKeyOf('quarter', quarter), periodKeyOf('quarter', next)];
      const quarterEnd = startOfPeriod(next);
      const ledgerDue = endOfDayInPeriod(next, 20);
      const open = [
        ...(endOfDayInPeriod(quarter, 20) > started ? [['employment_ledger', thisKey]] : []),
        ['quarter_end_export', thisKey],
        ['town_quarterly_screening', thisKey],
      ];
      await eventually(async () => expect((await townItems(XILING)).map((i) => [i.kind, i.period])).toEqual(open));
      expect((await townItems(XILING)).every((i) => i.due_at.getTime() === quarterEnd || i.kind === 'employment_ledger')).toBe(true);

      const [town, otherTown, county] = await Promise.all(['zhen.xiling', 'zhen.dongcheng', 'xian.xczx'].map((u) => actorOf(t.db, u)));
      const screening = { kind: 'town_quarterly_screening' as const, period: thisKey, summary: '全镇入户排查完成，发现风险户2户，已转村启动认定' };
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: otherTown! }] }))).toMatchObject({ type: 'NotAllowed', message: '只能办理本乡镇的事项' });
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: county! }] }))).toMatchObject({ type: 'NotAllowed' });
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: town!, summary: '  ' }] }))).toMatchObject({ type: 'InvalidInput', message: '请填写办理情况' });
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: town!, kind: 'town_monthly_report' }] }))).toMatchObject({ type: 'InvalidInput' });
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: town!, period: nextKey }] }))).toMatchObject({ type: 'WrongStep' });

      expect(await applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: town! }] })).toMatchObject({ kind: 'town_quarterly_screening', period: thisKey, late: false });
      const screeningKey = `town:${XILING}:town_quarterly_screening:town:${thisKey}`;
      expect(await t.db.selectFrom('town_item_completions').selectAll().where('item_key', '=', screeningKey).executeTakeFirst()).toMatchObject({
        summary: screening.summary,
        completed_by: town!.userId,
        late: false,
      });
      expect(await refusal(applyUpdate(handle, completeTownItem, { args: [{ ...screening, actor: town! }] }))).toMatchObject({ type: 'WrongStep' });

      // The quarter ends with the export not done: overdue, the town and the county told.
      await sleepUntil(quarterEnd + HOUR);
      const exportKey = `town:${XILING}:quarter_end_export:town:${thisKey}`;
      await eventually(async () => expect((await inbox(exportKey)).map((n) => n.recipient_role)).toEqual(['county_bureau', 'town_officer']));
      expect((await inbox(exportKey))[0]!.body).toContain(`西岭镇${thisKey.slice(0, 4)}年第`);

      // The next quarter's items open at its start; the ledger is missed by the 20th, then submitted late.
      await eventually(async () => expect((await townItems(XILING)).filter((i) => i.period === nextKey).map((i) => i.kind)).toEqual(['employment_ledger', 'quarter_end_export', 'town_quarterly_screening']), {
        timeout: 10_000,
      });
      await sleepUntil(ledgerDue + DAY);
      const ledgerKey = `town:${XILING}:employment_ledger:town:${nextKey}`;
      await eventually(async () => expect(await inbox(ledgerKey)).toHaveLength(2));
      expect(
        await applyUpdate(handle, completeTownItem, { args: [{ actor: town!, kind: 'employment_ledger', period: nextKey, summary: '脱贫劳动力就业台账已建立，反馈人社局' }] }),
      ).toMatchObject({ late: true });
      expect(await applyUpdate(handle, completeTownItem, { args: [{ actor: town!, kind: 'quarter_end_export', period: thisKey, summary: '数据已导出分析' }] })).toMatchObject({ late: true });

      const done = await townItems(XILING);
      expect(done.filter((i) => i.status === 'done').map((i) => [i.kind, i.period])).toEqual([
        ['quarter_end_export', thisKey],
        ['town_quarterly_screening', thisKey],
        ['employment_ledger', nextKey],
      ]);
      expect(await townItems(XILING, 'town_monthly_report')).toHaveLength(0);
    } finally {
      await handle.terminate();
      await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'shifan' }).where('id', '=', COUNTY).execute();
    }
  });
});

describe('ensureCadenceWorkflows', () => {
  it('starts the workflow of every town and county that has none, and leaves running ones alone', async () => {
    const { t, env, taskQueue } = stack;
    const first = await ensureCadenceWorkflows({ client: env.client, db: t.db, taskQueue });
    expect(first).toEqual({ started: [DONGCHENG, XILING, '990101003', COUNTY], running: [] });
    const again = await ensureCadenceWorkflows({ client: env.client, db: t.db, taskQueue });
    expect(again).toEqual({ started: [], running: [DONGCHENG, XILING, '990101003', COUNTY] });
    for (const townId of first.started.slice(0, 3)) await env.client.workflow.getHandle(townWorkflowId(townId)).terminate();
    await env.client.workflow.getHandle(countyWorkflowId(COUNTY)).terminate();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { addDays, addMonths, formatLocalDate, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { cadenceOf, profileProblems } from '../../domain/policy/profile.js';
import { isWorkingDay } from '../../domain/calendar/working-days.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import {
  decideElimination,
  getHouseholdState,
  householdWorkflowId,
  proposeElimination,
  recordVisit,
  rollbackElimination,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
} from '../../workflows/household/definitions.js';
import { actorOf, eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { keepHistory, runsOf } from '../helpers/histories.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const DAY = 24 * 60 * 60 * 1000;

/** The demo county, its monthly update moved off weekends and holidays to the next working day. */
const stack = useStack({
  server: 'time-skipping',
  beforeStart: async (t) => {
    const cadence = cadenceOf(shifanV1).map((item) => (item.kind === 'monthly_update' ? { ...item, rule: { ...item.rule, shift: 'next_working_day' as const } } : item));
    const profile = { ...shifanV1, id: 'shifan-shifted', cadence };
    expect(profileProblems(profile)).toEqual([]);
    await policyProfilesRepo(t.db).addMissing([{ id: profile.id, version: 1, effectiveFrom: '2021-01', countyName: '示范县', body: profile }]);
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'shifan-shifted' }).where('id', '=', '990101').execute();
  },
});
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  actors = await demoActors(stack.t.db);
});

async function sleepUntil(at: number) {
  const now = await stack.env.currentTimeMs();
  if (at > now) await stack.env.sleep(at - now);
}

const localDay = (period: Period, day: number) => startOfPeriod(period) + (day - 1) * DAY;
const items = (householdId: string, period: Period) =>
  stack.t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId).where('period', '=', period).orderBy('kind').execute();

describe('a household over years: one workflow, continued as new at each year’s end', () => {
  it('lives 24 months: updates on time and late, deadlines moved off non-working days, a warning, elimination, rollback and re-entry', async () => {
    const { t, env, taskQueue } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await makeMonitoringObject(env, handle, actors);
    const first = addMonths(periodOf(await env.currentTimeMs()), 1);
    const cadre = actors.cadre;
    const moved: Period[] = [];
    const signals = new Map<number, string>();

    for (let i = 0; i < 24; i++) {
      const period = addMonths(first, i);
      await sleepUntil(localDay(period, 5));
      await eventually(async () => expect((await items(householdId, period)).length).toBeGreaterThan(0));
      const state = await handle.query(getHouseholdState);
      const due = await items(householdId, period);
      if (state.stage === 'eliminated') {
        // Light monitoring: the visit only.
        expect(due.map((d) => d.kind)).toEqual(['monthly_visit']);
      } else {
        const update = due.find((d) => d.kind === 'monthly_update')!;
        // The deadline: the end of the 20th, or of the first working day after it.
        const dueDay = toLocalDate(update.due_at.getTime() - 1);
        const twentieth = { ...toLocalDate(localDay(period, 20)) };
        expect(isWorkingDay(dueDay, DEADLINE_CALENDAR)).toBe(true);
        for (let d = twentieth; formatLocalDate(d) < formatLocalDate(dueDay); d = addDays(d, 1)) expect(isWorkingDay(d, DEADLINE_CALENDAR)).toBe(false);
        if (formatLocalDate(dueDay) !== formatLocalDate(twentieth)) moved.push(period);

        // Income rises: 600 a month at first, 3,000 from the seventh month on; after the illness of month 21, none.
        const income = [{ period, kind: 'wages' as const, yuan: i < 6 ? 600 : i < 21 ? 3000 : 0 }];
        const late = i % 5 === 3;
        if (late) await sleepUntil(update.due_at.getTime() + 2 * DAY);
        const result = await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: cadre, period, income, memberCount: 1 }] });
        expect(result.late).toBe(late);
        signals.set(i, result.signal);
        if (late) {
          const [overdue] = (await eventsOf(t.db, householdId, 'monthly_update.overdue')).filter((e) => (e.payload as { period: string }).period === period);
          expect(overdue!.occurred_at.getTime()).toBe(update.due_at.getTime());
        }
      }
      const visitedOn = formatLocalDate(toLocalDate(Math.max(await env.currentTimeMs(), localDay(period, 5))));
      const visit = await applyUpdate(handle, recordVisit, {
        args: [{ actor: cadre, period, visitedOn, findings: i === 20 ? '户主旧病复发住院' : '家中生活正常', ...(i === 20 ? { risksFound: ['illness' as const] } : {}) }],
      });
      if (i === 20) expect(visit.signal).toBe('reentry');

      if (i === 8 || i === 14) {
        // The village proposes elimination; notice, town audit, county confirmation.
        await applyUpdate(handle, proposeElimination, { args: [{ actor: cadre, statement: '务工收入稳定，已超过监测标准', evidence: [{ title: '务工收入证明' }] }] });
        await sleepUntil((await env.currentTimeMs()) + 7 * DAY + 60_000);
        await eventually(async () => expect((await handle.query(getHouseholdState)).eliminationCase?.progress.current).toBe('town_audit'));
        await applyUpdate(handle, decideElimination, { args: [{ actor: actors.town, step: 'town_audit', decision: 'approve', opinion: '同意' }] });
        await applyUpdate(handle, decideElimination, { args: [{ actor: actors.county, step: 'county_decision', decision: 'approve', opinion: '确认风险消除' }] });
      }
      if (i === 11) await applyUpdate(handle, rollbackElimination, { args: [{ actor: actors.county, reason: '年度核查：收入来源不稳定' }] });
    }

    expect(moved.length).toBeGreaterThan(0);
    // 600 a month keeps the household under the line; once the last twelve months pass it, elimination is suggested.
    expect(signals.get(0)).toBe('none');
    expect(signals.get(8)).toBe('elimination_suggested');
    // After the return to monitoring, the income falls back under the line: a warning.
    expect(signals.get(21)).toBe('warning');
    const stages = (await eventsOf(t.db, householdId)).filter((e) => /^(elimination\.(confirmed|rolled_back)|monitoring\.reentered)$/.test(e.kind)).map((e) => e.kind);
    expect(stages).toEqual(['elimination.confirmed', 'elimination.rolled_back', 'elimination.confirmed', 'monitoring.reentered']);
    expect((await handle.query(getHouseholdState)).stage).toBe('monitoring');

    // At least two turns of the year: at least three runs, each short; the file holds all 24 months.
    const chain = await runsOf(env.client, householdWorkflowId(householdId));
    expect(chain.length).toBeGreaterThanOrEqual(3);
    // Issue 19: every run under 4,096 events (the engine's replays stay short).
    const largest = Math.max(...chain.map((r) => r.events));
    process.stdout.write(`24 months, tended: ${chain.length} runs, the largest ${largest} events\n`);
    expect(largest).toBeLessThan(4096);
    await keepHistory(env.client, 'household-first-year', householdWorkflowId(householdId), chain[chain.length - 1]!.runId);
    const submitted = await eventsOf(t.db, householdId, 'monthly_update.submitted');
    expect(new Set(submitted.map((e) => (e.payload as { period: string }).period)).size).toBe(24 - 9);
  });

  it('lives ten years untended: every run’s history stays short, and the file still shows the whole history', async () => {
    const { t, env, taskQueue } = stack;
    const { row, place } = await insertHousehold(t.db);
    const input: HouseholdWorkflowInput = { version: 1, householdId: row.id, place, channel: 'cadre_visit', openedBy: await actorOf(t.db, 'cun.donggang') };
    await env.client.workflow.start('householdWorkflow', { taskQueue, workflowId: householdWorkflowId(row.id), args: [input] });
    const start = await env.currentTimeMs();
    const lastMonth = addMonths(periodOf(start), 120);
    await sleepUntil(startOfPeriod(addMonths(lastMonth, 1)) + DAY);
    await eventually(async () => expect(await eventsOf(t.db, row.id, 'monthly_visit.overdue')).toHaveLength(121));

    const chain = await runsOf(env.client, householdWorkflowId(row.id));
    expect(chain.length).toBeGreaterThanOrEqual(10);
    const largest = Math.max(...chain.map((r) => r.events));
    process.stdout.write(`10 years, untended: ${chain.length} runs, the largest ${largest} events\n`);
    expect(largest).toBeLessThan(4096);
    const file = await eventsOf(t.db, row.id);
    expect(file[0]!.kind).toBe('household.registered');
    const overdueUpdates = file.filter((e) => e.kind === 'monthly_update.overdue').map((e) => (e.payload as { period: string }).period);
    expect(new Set(overdueUpdates).size).toBe(overdueUpdates.length);
    expect(overdueUpdates.length).toBeGreaterThanOrEqual(120);
  }, 180_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { getHouseholdState, householdWorkflowId, recordVisit } from '../../workflows/household/definitions.js';
import { runsOf } from '../helpers/histories.js';
import { eventsOf } from '../helpers/fixtures.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';

/**
 * The hand-over between runs on the real (dev) server: Temporal is told to
 * suggest continue-as-new after a few dozen events, so a household busy with
 * updates hands over again and again while more updates arrive. None may be
 * lost, none answered twice, none left waiting.
 */
const SUGGEST_AFTER_EVENTS = 40;
const stack = useStack({ server: 'dev', serverConfig: { 'limit.historyCount.suggestContinueAsNew': SUGGEST_AFTER_EVENTS } });
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  actors = await demoActors(stack.t.db);
});

/**
 * A household of 东岗村, reached as the API reaches it — by workflow id only, so
 * an update follows the household to its newest run — and a visit of today.
 */
async function busyHousehold() {
  const { t, env, taskQueue } = stack;
  const { householdId } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
  const handle = env.client.workflow.getHandle(householdWorkflowId(householdId));
  const now = Date.now();
  const period = periodOf(now);
  const visitedOn = formatLocalDate(toLocalDate(now));
  const visit = (findings: string, updateId?: string) =>
    applyUpdate(handle, recordVisit, { args: [{ actor: actors.cadre, period, visitedOn, findings }], ...(updateId ? { updateId } : {}) });
  const filed = async () => (await eventsOf(t.db, householdId, 'monitoring.visited')).map((e) => (e.payload as { findings: string }).findings);
  const runs = () => runsOf(env.client, householdWorkflowId(householdId));
  return { householdId, handle, period, visit, filed, runs };
}

describe('updates while a household continues as new', () => {
  it('answers every visit exactly once across many hand-overs, each recorded once in the file', { timeout: 180_000 }, async () => {
    const { householdId, handle, period, visit: visitWith, filed, runs } = await busyHousehold();
    const visit = (n: number) => visitWith(`第${n}次走访：生活正常`);

    // Waves of concurrent visits, each wave arriving while the previous ones are still being handled.
    const WAVES = 10;
    const PER_WAVE = 10;
    const answers: Promise<Awaited<ReturnType<typeof visit>>>[] = [];
    for (let w = 0; w < WAVES; w++) {
      for (let i = 0; i < PER_WAVE; i++) answers.push(visit(w * PER_WAVE + i));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const results = await Promise.all(answers);
    expect(results).toHaveLength(WAVES * PER_WAVE);
    expect(results.every((r) => r.period === period && r.signal === 'none')).toBe(true);

    const findings = (await filed()).sort();
    const expected = Array.from({ length: WAVES * PER_WAVE }, (_, n) => `第${n}次走访：生活正常`).sort();
    expect(findings).toEqual(expected);

    const chain = await runs();
    expect(chain.length).toBeGreaterThan(2);
    expect(chain.slice(1).every((r) => r.continuedAsNew)).toBe(true);
    // The newest run is alive and knows the household: its state came across every hand-over.
    const state = await handle.query(getHouseholdState);
    expect(state.householdId).toBe(householdId);
  });

  it('carries out an update that reaches the next run again only once, and answers it with its first result', { timeout: 120_000 }, async () => {
    const { visit, filed, runs } = await busyHousehold();
    const first = await visit('重复投递的走访', 'visit-once');
    const firstRun = (await runs())[0]!.runId;
    // Other visits until the household has handed over to a new run.
    for (let n = 0; (await runs())[0]!.runId === firstRun; n++) {
      if (n > 40) throw new Error('the household never continued as new');
      await visit(`其他走访 ${n}`);
    }
    // The same update again, as a client retries it when the answer was lost in the hand-over.
    expect(await visit('重复投递的走访', 'visit-once')).toEqual(first);
    expect((await filed()).filter((f) => f === '重复投递的走访')).toHaveLength(1);
  });
});

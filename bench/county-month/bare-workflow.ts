/**
 * The bare engine: a trivial workflow that takes the same update and waits on
 * the same timers as the household workflow does in a month, making one
 * one-row write per step (opened, updated, overdue). What the county month
 * costs on the engine alone, measured beside the real household workflow.
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

export interface BareHouseholdInput {
  readonly householdId: string;
  /** When the item of the month is overdue if no update came (epoch ms). */
  readonly deadline: number;
  /** When the month ends (epoch ms): the workflow waits until then, as the household waits for its next month. */
  readonly monthEnds: number;
  /** When its month opens (epoch ms): a timer to it first, as the household's month turn waits for its moment (bench:month-turn); at once when absent. */
  readonly opensAt?: number;
}

export interface BareActivities {
  writeStep(input: { householdId: string; step: 'opened' | 'updated' | 'overdue'; at: number }): Promise<void>;
}

export const bareMonthlyUpdate = defineUpdate<{ late: boolean }, [{ period: string }]>('bareMonthlyUpdate');

const { writeStep } = proxyActivities<BareActivities>({ startToCloseTimeout: '1 minute' });

export async function bareHouseholdWorkflow(input: BareHouseholdInput): Promise<void> {
  let updated = false;
  setHandler(bareMonthlyUpdate, async () => {
    await writeStep({ householdId: input.householdId, step: 'updated', at: Date.now() });
    updated = true;
    return { late: Date.now() > input.deadline };
  });
  if (input.opensAt !== undefined) await sleep(Math.max(1, input.opensAt - Date.now()));
  await writeStep({ householdId: input.householdId, step: 'opened', at: Date.now() });
  if (!(await condition(() => updated, Math.max(1, input.deadline - Date.now())))) {
    await writeStep({ householdId: input.householdId, step: 'overdue', at: Date.now() });
  }
  await condition(() => false, Math.max(1, input.monthEnds - Date.now()));
}

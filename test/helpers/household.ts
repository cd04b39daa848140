import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { applyUpdate } from '../../api/workflow-update.js';
import type { Database } from '../../db/database.js';
import {
  decideStep,
  getHouseholdState,
  householdWorkflowId,
  openIdentification,
  submitApplication,
  type ApplicationInput,
  type HouseholdWorkflowInput,
} from '../../workflows/household/definitions.js';
import type { Actor } from '../../domain/access/roles.js';
import { actorOf, insertHousehold } from './fixtures.js';
import { DAY_MS } from '../../domain/calendar/dates.js';

/** A household in 东岗村 with its workflow started. */
export async function startHouseholdWorkflow(client: Client, db: Kysely<Database>, taskQueue: string) {
  const { row, place } = await insertHousehold(db);
  const input: HouseholdWorkflowInput = {
    version: 1,
    householdId: row.id,
    place,
    channel: 'application',
    openedBy: await actorOf(db, 'cun.donggang'),
  };
  const handle = await client.workflow.start('householdWorkflow', { taskQueue, workflowId: householdWorkflowId(row.id), args: [input] });
  return { householdId: row.id, handle };
}

/** The demo users of each role that act on a 东岗村 household. */
export async function demoActors(db: Kysely<Database>) {
  const [cadre, otherCadre, town, otherTown, county, department] = await Promise.all(
    ['cun.donggang', 'cun.hekou', 'zhen.dongcheng', 'zhen.xiling', 'xian.xczx', 'bumen.mz'].map((u) => actorOf(db, u)),
  );
  return { cadre: cadre!, otherCadre: otherCadre!, town: town!, otherTown: otherTown!, county: county!, department: department! };
}

export function application(actor: Actor, overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    actor,
    statement: '户主突发重病住院，医疗支出大，申请纳入监测',
    riskCauses: ['illness'],
    survey: {
      memberCount: 4,
      income: [
        { period: '2026-09', kind: 'wages', yuan: 1800 },
        { period: '2026-10', kind: 'wages', yuan: 600 },
      ],
      spending: [{ period: '2026-10', kind: 'medical', yuan: 23000, rigid: true }],
      lastYearIncomePerCapita: 11200,
    },
    evidence: [{ title: '住院费用清单', reference: 'scan-2026-10-001.pdf' }],
    ...overrides,
  };
}


/**
 * Takes a household of 东岗村 through identification in the demo county
 * (application, village review, 7-day public notice, town audit, county
 * decision) on the time-skipping server.
 */
export async function makeMonitoringObject(env: TestWorkflowEnvironment, handle: WorkflowHandle, actors: Awaited<ReturnType<typeof demoActors>>) {
  await applyUpdate(handle, openIdentification, { args: [{ actor: actors.cadre, channel: 'application', reason: '农户申报' }] });
  await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
  await applyUpdate(handle, decideStep, { args: [{ actor: actors.cadre, step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] }] });
  await env.sleep(7 * DAY_MS + 60_000);
  for (let tries = 0; (await handle.query(getHouseholdState)).currentCase?.progress.current !== 'town_audit'; tries++) {
    if (tries > 50) throw new Error('the public notice did not pass');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await applyUpdate(handle, decideStep, { args: [{ actor: actors.town, step: 'town_audit', decision: 'approve', opinion: '审核同意' }] });
  await applyUpdate(handle, decideStep, {
    args: [{ actor: actors.county, step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'sudden_hardship', riskCauses: ['illness'] }],
  });
}

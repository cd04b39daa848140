import { describe, expect, it } from 'vitest';
import { householdWorkflowId } from '../../workflows/household/definitions.js';
import { importJobWorkflowId } from '../../workflows/import/definitions.js';
import { caseloadWorkbook, memberRow, upload, type CaseloadRow } from '../helpers/caseload.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping', api: true });

const HOUSEHOLDS = 12;
const rows: CaseloadRow[] = Array.from({ length: HOUSEHOLDS }, (_, i) => [0, 1].map((m) => ({ sheet: 'members' as const, cells: memberRow(i + 1, m) }))).flat();

describe('an import starts its households’ workflows (issue 19: paced starts)', () => {
  it('starts every saved household’s workflow once, from the day it entered, and counts them in the job', async () => {
    const { t, env } = stack;
    const token = await stack.api.login('zhen.dongcheng');
    const answer = await upload(stack.api.base, token, '东城镇存量.xlsx', await caseloadWorkbook(rows));
    expect(answer.status).toBe(202);
    const jobId: string = answer.body.id;
    const job = await eventually(async () => {
      const j = (await stack.api.call('GET', `/imports/${jobId}`, { token })).body;
      expect(j.status).toBe('done');
      return j;
    }, { timeout: 120_000 });
    expect(job.householdsImported).toBe(HOUSEHOLDS);
    expect(job.workflowsStarted).toBe(HOUSEHOLDS);

    const heads = Array.from({ length: HOUSEHOLDS }, (_, i) => String(memberRow(i + 1, 0).idNumber));
    const households = await t.db.selectFrom('household_members').select('household_id').where('id_number', 'in', heads).execute();
    expect(households).toHaveLength(HOUSEHOLDS);
    for (const { household_id } of households) {
      const described = await env.client.workflow.getHandle(householdWorkflowId(household_id)).describe();
      expect(described.status.name).toBe('RUNNING');
      const registered = await eventually(() => t.db.selectFrom('household_events').select('occurred_at').where('household_id', '=', household_id).where('kind', '=', 'household.registered').executeTakeFirstOrThrow());
      expect(registered.occurred_at.toISOString()).toBe('2021-05-09T16:00:00.000Z');
    }
    await keepHistory(env.client, 'import-job-starts-activity', importJobWorkflowId(jobId));
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { createActivities } from '../../activities/index.js';
import { periodOf } from '../../domain/calendar/dates.js';
import { getHouseholdState, openIdentification, recordVisit } from '../../workflows/household/definitions.js';
import { eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { refusal } from '../helpers/updates.js';

const stack = useStack({ server: 'time-skipping' });
const unstorable = { type: 'InvalidInput', message: '填写的内容含有无法识别的控制字符（可能是从其他软件复制带入的），请删除后重新填写' };

describe('text the database cannot store (issue 18: one NUL jammed a household for good)', () => {
  it('is refused before it enters the household’s history, and the household goes on', async () => {
    const { t, env, taskQueue } = stack;
    const { cadre } = await demoActors(t.db);
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    const period = periodOf(await env.currentTimeMs());

    expect(await refusal(applyUpdate(handle, openIdentification, { args: [{ actor: cadre, channel: 'cadre_visit', reason: 'a\u0000b' }] }))).toMatchObject(unstorable);
    expect(await refusal(applyUpdate(handle, recordVisit, { args: [{ actor: cadre, period, visitedOn: `${period}-01`, findings: '家中\u0007正常' }] }))).toMatchObject(unstorable);
    expect(await refusal(applyUpdate(handle, openIdentification, { args: [{ actor: cadre, channel: 'cadre_visit', reason: 'lone \uD800 surrogate' }] }))).toMatchObject(unstorable);
    // Only invisible characters say nothing.
    expect(await refusal(applyUpdate(handle, openIdentification, { args: [{ actor: cadre, channel: 'cadre_visit', reason: '\u200B\u200B \uFEFF' }] }))).toMatchObject({ type: 'InvalidInput' });
    // The workflow refuses again what the API's edge refuses first: a day the month does not have.
    expect(await refusal(applyUpdate(handle, recordVisit, { args: [{ actor: cadre, period, visitedOn: `${period}-00`, findings: '家中正常' }] }))).toMatchObject({ type: 'InvalidInput' });
    expect((await handle.query(getHouseholdState)).stage).toBe('registered');

    // Tab and line breaks are text a clerk types; the household takes the next update.
    expect(await applyUpdate(handle, openIdentification, { args: [{ actor: cadre, channel: 'cadre_visit', reason: '家中突发重病\n需入户核实\t（村医反映）' }] })).toMatchObject({ caseNo: 1 });
    expect((await handle.query(getHouseholdState)).stage).toBe('identifying');
    expect(await eventsOf(t.db, householdId, 'identification.opened')).toHaveLength(1);
    await handle.terminate();
  });

  it('fails an activity for good, with words for the clerk, when the database refuses the data — never an attempt repeated for ever', async () => {
    const { t } = stack;
    const { row } = await insertHousehold(t.db);
    const { recordHouseholdEvent } = createActivities({ db: t.db });
    const write = recordHouseholdEvent({ householdId: row.id, eventKey: `${row.id}:99:test.nul`, kind: 'test.nul', actorUserId: null, occurredAt: Date.now(), payload: { text: 'a\u0000b' } });
    await expect(write).rejects.toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
      message: '提交的内容无法保存（含有不支持的字符或超出范围的数值），请检查后重新填写',
      details: ['22P05', expect.stringContaining('Unicode')],
    });
    expect(await eventsOf(t.db, row.id, 'test.nul')).toEqual([]);
  });
});

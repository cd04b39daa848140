/**
 * The facts a visit brings, through the household workflow: malformed facts
 * are refused by the validator before anything enters history; facts naming
 * someone outside the household are refused by the activity before the visit
 * is recorded; good facts are stored dated (the visit's day) with their
 * source, and the file lists them before the visit.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdWorkflowId, recordVisit, type HouseholdWorkflowInput, type VisitInput } from '../../workflows/household/definitions.js';
import { actorOf, eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });

describe('facts brought by a visit', () => {
  it('are refused when malformed or about a stranger, and otherwise stored with the visit’s day and source', async () => {
    const { t, env, taskQueue } = stack;
    const { row, place } = await insertHousehold(t.db, '柳成荫');
    const member = await householdMembersRepo(t.db).insert({
      household_id: row.id,
      name: '柳成荫',
      id_number: '110101196801010017',
      birth_date: '1968-01-01',
      sex: 'male',
      relation: 'head',
      labour_ability: 'capable',
    });
    const actor = await actorOf(t.db, 'cun.donggang');
    const input: HouseholdWorkflowInput = { version: 1, householdId: row.id, place, channel: 'cadre_visit', openedBy: actor };
    const handle = await env.client.workflow.start('householdWorkflow', { taskQueue, workflowId: householdWorkflowId(row.id), args: [input] });
    await eventually(async () => expect(await eventsOf(t.db, row.id, 'household.registered')).toHaveLength(1));

    const now = await env.currentTimeMs();
    const visit = (facts: VisitInput['facts']): VisitInput => ({ actor, period: periodOf(now), visitedOn: formatLocalDate(toLocalDate(now)), findings: '入户走访', ...(facts ? { facts } : {}) });
    const send = (body: VisitInput) => applyUpdate(handle, recordVisit, { args: [body] });

    await expect(send(visit({ housing: { safetyGrade: 'E' as never } }))).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(send(visit({ members: [{ memberId: '00000000-0000-4000-8000-000000000000', employed: true }] }))).rejects.toThrow(WorkflowUpdateFailedError);
    expect(await eventsOf(t.db, row.id, 'monitoring.visited')).toHaveLength(0);
    expect(await t.db.selectFrom('household_facts').selectAll().where('household_id', '=', row.id).execute()).toHaveLength(0);

    await send(visit({ housing: { safetyGrade: 'C', soleResidence: true }, members: [{ memberId: member.id, employed: true, medicalOutOfPocketYuan: 3200.5 }] }));
    const facts = await t.db.selectFrom('household_facts').select(['kind', 'member_id', 'year', 'value', 'as_of', 'source', 'source_key']).where('household_id', '=', row.id).orderBy('id').execute();
    const day = formatLocalDate(toLocalDate(now));
    expect(facts).toEqual([
      { kind: 'housing', member_id: null, year: null, value: { safetyGrade: 'C', soleResidence: true }, as_of: day, source: 'visit', source_key: `visit:${periodOf(now)}` },
      { kind: 'medical_out_of_pocket', member_id: member.id, year: toLocalDate(now).year, value: { yuan: 3200.5 }, as_of: day, source: 'visit', source_key: `visit:${periodOf(now)}` },
      { kind: 'employment', member_id: member.id, year: null, value: { employed: true }, as_of: day, source: 'visit', source_key: `visit:${periodOf(now)}` },
    ]);
    const file = await t.db.selectFrom('household_events').select(['kind', 'payload']).where('household_id', '=', row.id).orderBy('id').execute();
    const kinds = file.map((e) => e.kind);
    expect(kinds.indexOf('facts.recorded')).toBeLessThan(kinds.indexOf('monitoring.visited'));
    expect(file.find((e) => e.kind === 'facts.recorded')?.payload).toMatchObject({ summary: `住房安全等级C级，为唯一住房；柳成荫${toLocalDate(now).year}年个人自付医疗费用 3,200.50 元；柳成荫已就业` });
    await keepHistory(env.client, 'household-visit-facts', householdWorkflowId(row.id));
  });
});

import { describe, expect, it } from 'vitest';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';
import { profileDiff } from '../../domain/policy/diff.js';
import { checkDraft } from '../../domain/policy/draft.js';
import { conditionLevel, scoringFieldProblems, setConditionLevel, setWarningClockDays, setWeight } from '../../domain/policy/draft-scoring.js';

const body = JSON.parse(JSON.stringify(shifanV2)) as Record<string, unknown>;

describe('the assessment weights and risk-colour rules of a draft, field by field', () => {
  it('edits one weight or one condition at a time, keeping the rest', () => {
    const weighted = setWeight(body, 'tasks', 40);
    expect(weighted.assessment).toMatchObject({ weights: { monthlyUpdates: 30, tasks: 40, warnings: 20, rectifications: 20 }, pointsPerOverdueDay: 0.5, warningActionDays: 15 });
    expect((setWeight(body, 'tasks', null).assessment as { weights: object }).weights).not.toHaveProperty('tasks');
    const moved = setConditionLevel(body, 'overdue_task', 'red');
    expect(moved.riskColours).toMatchObject({ red: ['warning_past_clock', 'below_line_without_measure', 'overdue_task'], yellow: ['warning_open', 'below_warning_line', 'overdue_item'], warningClockDays: 15 });
    expect(conditionLevel(moved, 'overdue_task')).toBe('red');
    expect(conditionLevel(setConditionLevel(moved, 'overdue_task', null), 'overdue_task')).toBeNull();
    expect(checkDraft(moved)).toMatchObject({ ok: true });
  });

  it('refuses in the county bureau’s words a weight out of range, all weights 0, a condition both red and yellow, and a clock missing or out of range', () => {
    expect(checkDraft(setWeight(body, 'tasks', 120))).toEqual({ ok: false, problems: ['“帮扶任务按期办结”权重应为0至100之间的数'] });
    let zero = body;
    for (const c of ['monthlyUpdates', 'tasks', 'warnings', 'rectifications'] as const) zero = setWeight(zero, c, 0);
    expect(checkDraft(zero)).toEqual({ ok: false, problems: ['各项考核权重不能都为0，至少一项应大于0'] });
    const both = { ...body, riskColours: { ...(body.riskColours as object), red: ['overdue_task'], yellow: ['overdue_task'] } };
    expect(checkDraft(both)).toEqual({ ok: false, problems: ['“有逾期的帮扶任务”不能同时作为红色和黄色条件，请只选一种'] });
    expect(checkDraft(setWarningClockDays(body, null))).toEqual({ ok: false, problems: ['选用“风险预警超过处置时限仍未处置”时，请填写预警处置时限天数'] });
    expect(scoringFieldProblems(setWarningClockDays(body, 120))).toEqual(['预警处置时限应为1至90之间的整天数']);
    expect(scoringFieldProblems({ ...body, assessment: { ...(body.assessment as object), warningActionDays: 0.5 } })).toEqual(['预警处置天数应为1至90之间的整天数']);
    expect(scoringFieldProblems(body)).toEqual([]);
  });

  it('shows a changed weight and a changed rule among the draft’s changes', () => {
    const next = setConditionLevel(setWeight(body, 'tasks', 40), 'overdue_task', 'red');
    const checked = checkDraft(next);
    if (!checked.ok) throw new Error(checked.problems.join());
    const changes = profileDiff(shifanV2, checked.profile);
    expect(changes.map((c) => c.label)).toEqual(['考核权重和口径', '风险等级规则']);
    expect(changes[0]!.after).toContain('帮扶任务按期办结40');
    expect(changes[1]!.after).toContain('红色：风险预警超过处置时限仍未处置、收入低于监测标准且无帮扶措施、有逾期的帮扶任务');
  });
});
